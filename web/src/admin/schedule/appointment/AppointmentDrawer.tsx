// S6/S7/S8: an appointment opened from the schedule (GET /appointments/{id}) — time, service, provider,
// participants with their status, the history — and its actions: move, and cancel for admins and agents.
import { Badge, Button, Drawer, em, Group, List, Stack, Text, Timeline, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowsMove, IconCalendarX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageLoader } from '../../../components/PageLoader';
import { useLoader } from '../../../components/useLoader';
import { serviceName } from '../../settings/services/serviceForm';
import type { Location } from '../useSchedulingLists';
import { formatDateTime, formatPeriod } from '../zonedTime';
import { CancelAppointmentModal } from './CancelAppointmentModal';
import { type AppointmentDetail, historyActor, historyDetails, historyTitle } from './historyText';
import { MoveForm } from './MoveForm';
import { StatusBadge } from './StatusBadge';

type Props = {
  organisationId: string;
  appointmentId: string;
  timeZone: string;
  locations: Location[];
  canCancel: boolean;
  onClose: () => void;
  /** After a move or a cancellation: the schedule reloads. */
  onChanged: () => void;
};

export function AppointmentDrawer(props: Props) {
  const { organisationId, appointmentId, onClose } = props;
  const { t, i18n } = useTranslation();
  const isPhone = useMediaQuery(`(max-width: ${em(767.98)})`);
  const loader = useLoader(
    () =>
      unwrap(
        api.GET('/api/v1/orgs/{orgId}/appointments/{appointmentId}', {
          params: { path: { orgId: organisationId, appointmentId } },
        }),
      ),
    [organisationId, appointmentId],
  );
  const detail = loader.data;
  const title = detail ? serviceName(detail.service, i18n.language) : t('schedule.appointment.title');

  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size={isPhone ? '100%' : 'lg'}
      title={
        <Title order={2} size="h3">
          {title}
        </Title>
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <ErrorAlert error={loader.error} />
      {!detail && loader.isLoading && <PageLoader />}
      {detail && (
        <AppointmentDetails
          {...props}
          detail={detail}
          onChanged={() => {
            loader.reload();
            props.onChanged();
          }}
        />
      )}
    </Drawer>
  );
}

function AppointmentDetails({
  organisationId,
  detail,
  timeZone,
  locations,
  canCancel,
  onChanged,
}: Props & { detail: AppointmentDetail }) {
  const { t, i18n } = useTranslation();
  const [isMoving, setMoving] = useState(false);
  const [isCancelling, setCancelling] = useState(false);
  const language = i18n.language;
  const isActive = detail.state === 'booked' && detail.isUpcoming;
  const location = detail.service.isVideo
    ? t('schedule.appointment.video')
    : (locations.find((l) => l.id === detail.locationId)?.name ?? t('schedule.appointment.noLocation'));

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Text fw={600}>{formatPeriod(detail.startsAt, detail.endsAt, timeZone, language)}</Text>
        <Text size="sm">{t('schedule.appointment.providerLine', { name: detail.providerName })}</Text>
        <Text size="sm">{t('schedule.appointment.locationLine', { location })}</Text>
        {detail.service.capacity > 1 && (
          <Text size="sm">
            {t('schedule.appointment.groupLine', {
              taken: detail.participants.filter((p) => p.status !== 'cancelled').length,
              capacity: detail.service.capacity,
            })}
          </Text>
        )}
        {detail.state !== 'booked' && (
          <Group>
            <Badge color="gray" variant="light" c="gray.9">
              {t('schedule.appointment.cancelledBadge')}
            </Badge>
          </Group>
        )}
      </Stack>

      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('schedule.appointment.participants')}
        </Title>
        <List listStyleType="none" spacing={6}>
          {detail.participants.map((participant) => (
            <List.Item key={participant.id}>
              <Group gap="xs" wrap="nowrap">
                <Text size="sm">{participant.name}</Text>
                <StatusBadge status={participant.status} />
              </Group>
            </List.Item>
          ))}
        </List>
      </Stack>

      {isActive && (
        <Stack gap="sm">
          <Group gap="sm">
            <Button
              variant={isMoving ? 'filled' : 'light'}
              leftSection={<IconArrowsMove size={16} aria-hidden="true" />}
              aria-expanded={isMoving}
              onClick={() => setMoving((value) => !value)}
            >
              {t('schedule.appointment.move')}
            </Button>
            {canCancel && (
              <Button
                variant="light"
                color="red"
                c="red.9"
                leftSection={<IconCalendarX size={16} aria-hidden="true" />}
                onClick={() => setCancelling(true)}
              >
                {t('schedule.appointment.cancel')}
              </Button>
            )}
          </Group>
          {isMoving && (
            <MoveForm
              organisationId={organisationId}
              detail={detail}
              timeZone={timeZone}
              onMoved={() => {
                setMoving(false);
                onChanged();
              }}
            />
          )}
        </Stack>
      )}

      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('schedule.history.title')}
        </Title>
        <Timeline
          bulletSize={14}
          lineWidth={2}
          active={detail.history.length}
          aria-label={t('schedule.history.title')}
        >
          {detail.history.map((entry) => (
            <Timeline.Item key={entry.id} title={historyTitle(entry, t)}>
              {historyDetails(entry, { detail, timeZone, language, t }).map((line) => (
                <Text key={line} size="sm">
                  {line}
                </Text>
              ))}
              <Text size="xs" c="dimmed">
                {formatDateTime(entry.at, timeZone, language)} · {historyActor(entry, t)}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      </Stack>

      {isCancelling && (
        <CancelAppointmentModal
          organisationId={organisationId}
          appointmentId={detail.id}
          onClose={() => setCancelling(false)}
          onCancelled={() => {
            setCancelling(false);
            onChanged();
          }}
        />
      )}
    </Stack>
  );
}
