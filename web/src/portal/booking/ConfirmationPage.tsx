// /p/:slug/confirmation — the booking just made (P1): date and time on the organisation's clock, where,
// the organisation's phone (tel: link) and address, and "Add to my calendar" (the reply's .ics). The booking
// comes in the router's state, so it survives a reload but not a new visit.
import { Anchor, Button, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconCalendarEvent,
  IconCalendarPlus,
  IconCircleCheck,
  IconMapPin,
  IconPhone,
  IconVideo,
} from '@tabler/icons-react';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { usePageTitle } from '../../components/usePageTitle';
import { currentLanguage } from '../../i18n';
import { formatPhone } from '../formatPhone';
import { PortalLayout } from '../PortalLayout';
import { usePublicOrganisation } from '../usePublicOrganisation';
import { downloadIcs } from './downloadIcs';
import { formatDateTime, timeZoneName } from './orgTime';
import type { ConfirmationState } from './types';

function isConfirmationState(value: unknown): value is ConfirmationState {
  return typeof (value as ConfirmationState | null)?.booking?.appointmentId === 'string';
}

export default function ConfirmationPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const location = useLocation();
  const organisation = usePublicOrganisation(slug);
  const state = isConfirmationState(location.state) ? location.state : null;
  usePageTitle(state ? t('portal.confirmation.title') : t('portal.confirmation.missingTitle'));

  return (
    <PortalLayout organisation={organisation.data}>
      {state ? (
        <Confirmation state={state} slug={slug} timeZone={organisation.data?.timeZone} />
      ) : (
        <Stack gap="md">
          <Title order={1}>{t('portal.confirmation.missingTitle')}</Title>
          <Text>{t('portal.confirmation.missingText')}</Text>
          <Anchor component={Link} to={`/p/${slug}/book`}>
            {t('portal.book')}
          </Anchor>
        </Stack>
      )}
    </PortalLayout>
  );
}

function Line({ icon, label, children }: { icon: ReactNode; label: string; children: ReactNode }) {
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <ThemeIcon variant="light" size="lg" aria-hidden="true">
        {icon}
      </ThemeIcon>
      <Stack gap={0}>
        <Text size="sm" fw={600} c="dimmed">
          {label}
        </Text>
        {children}
      </Stack>
    </Group>
  );
}

function Confirmation({
  state,
  slug,
  timeZone,
}: {
  state: ConfirmationState;
  slug: string;
  timeZone?: string;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { booking } = state;
  const { organisation } = booking;
  const heading = useRef<HTMLHeadingElement>(null);
  // The person arrives here from a button: their focus starts at the news.
  useEffect(() => heading.current?.focus(), []);

  return (
    <Stack gap="lg">
      <Group gap="sm" wrap="nowrap">
        <ThemeIcon color="teal" variant="light" size="xl" radius="xl" aria-hidden="true">
          <IconCircleCheck size={28} />
        </ThemeIcon>
        <Title order={1} ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
          {t('portal.confirmation.title')}
        </Title>
      </Group>
      <Card withBorder radius="md" padding="lg">
        <Stack gap="md">
          <Text fw={700} size="lg">
            {state.serviceName[language]} — {organisation.name}
          </Text>
          <Line icon={<IconCalendarEvent size={20} />} label={t('portal.confirmation.when')}>
            {/* The organisation's clock arrives with its public details, a moment after the page. */}
            {timeZone && (
              <>
                <Text>{formatDateTime(booking.startsAt, timeZone, language)}</Text>
                <Text size="sm" c="dimmed">
                  {timeZoneName(timeZone, language)}
                </Text>
              </>
            )}
          </Line>
          {state.isVideo ? (
            <Line icon={<IconVideo size={20} />} label={t('portal.confirmation.where')}>
              <Text>{t('portal.booking.videoMeeting')}</Text>
            </Line>
          ) : (
            (state.location || organisation.address) && (
              <Line icon={<IconMapPin size={20} />} label={t('portal.confirmation.where')}>
                {state.location && <Text>{state.location.name}</Text>}
                <Text>{state.location?.address ?? organisation.address}</Text>
              </Line>
            )
          )}
          {organisation.phone && (
            <Line icon={<IconPhone size={20} />} label={t('portal.phone')}>
              <Anchor
                href={`tel:${organisation.phone}`}
                fw={600}
                aria-label={t('portal.callUs', { phone: formatPhone(organisation.phone) })}
              >
                {formatPhone(organisation.phone)}
              </Anchor>
            </Line>
          )}
          {organisation.address && state.location && state.location.address !== organisation.address && (
            <Line icon={<IconMapPin size={20} />} label={t('portal.address')}>
              <Text>{organisation.address}</Text>
            </Line>
          )}
        </Stack>
      </Card>
      <Button
        size="lg"
        fullWidth
        leftSection={<IconCalendarPlus aria-hidden="true" />}
        onClick={() => downloadIcs(booking.ics)}
      >
        {t('portal.confirmation.addToCalendar')}
      </Button>
      <Text size="sm">{t('portal.confirmation.cancelHint')}</Text>
      <Group gap="md">
        <Anchor component={Link} to="/portal">
          {t('portal.confirmation.myAppointments')}
        </Anchor>
        <Anchor component={Link} to={`/p/${slug}`}>
          {t('portal.confirmation.backToOrganisation', { name: organisation.name })}
        </Anchor>
      </Group>
    </Stack>
  );
}
