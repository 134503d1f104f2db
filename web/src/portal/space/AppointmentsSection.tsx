// P4: my appointments, upcoming then past, each with its service, provider, date and time on its
// organisation's clock and its status. An upcoming one is cancelled here up to the cut-off (`canCancel`);
// after it, the person is told to call the organisation.
import { Anchor, Badge, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { IconPhone, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ResponseBody, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { PageLoader } from '../../components/PageLoader';
import { useApiAction } from '../../components/useApiAction';
import { useLoader } from '../../components/useLoader';
import { currentLanguage } from '../../i18n';
import { formatDateTime, timeZoneName } from '../booking/orgTime';
import { formatPhone } from '../formatPhone';
import { portalApi } from '../portalClient';
import { SpaceSection } from './SpaceSection';

export type MyAppointment = ResponseBody<'/api/v1/portal/appointments', 'get'>[number];

const STATUS_COLORS: Record<string, string> = {
  scheduled: 'blue',
  present: 'teal',
  absent: 'orange',
  not_eligible: 'gray',
  cancelled: 'red',
};
const STATUSES = ['scheduled', 'present', 'absent', 'not_eligible', 'cancelled'] as const;
type Status = (typeof STATUSES)[number];
const isStatus = (value: string): value is Status => (STATUSES as readonly string[]).includes(value);

export function AppointmentsSection() {
  const { t } = useTranslation();
  const loader = useLoader(() => unwrap(portalApi.GET('/api/v1/portal/appointments')), []);
  const [cancelling, setCancelling] = useState<MyAppointment | null>(null);
  const all = loader.data ?? [];
  const upcoming = all.filter((a) => a.isUpcoming).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const past = all.filter((a) => !a.isUpcoming);

  return (
    <>
      <SpaceSection title={t('portal.space.upcoming')}>
        <ErrorAlert error={loader.error} />
        {loader.isLoading && !loader.data && <PageLoader />}
        {loader.data && upcoming.length === 0 && <Text c="dimmed">{t('portal.space.noUpcoming')}</Text>}
        <AppointmentList appointments={upcoming} onCancel={setCancelling} />
      </SpaceSection>
      <SpaceSection title={t('portal.space.past')}>
        {loader.data && past.length === 0 && <Text c="dimmed">{t('portal.space.noPast')}</Text>}
        <AppointmentList appointments={past} onCancel={setCancelling} />
      </SpaceSection>
      {cancelling && (
        <CancelModal
          appointment={cancelling}
          onClose={(isCancelled) => {
            setCancelling(null);
            if (isCancelled) loader.reload();
          }}
        />
      )}
    </>
  );
}

function AppointmentList({
  appointments,
  onCancel,
}: {
  appointments: MyAppointment[];
  onCancel: (appointment: MyAppointment) => void;
}) {
  if (appointments.length === 0) return null;
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {appointments.map((appointment) => (
        <AppointmentCard key={appointment.participantId} appointment={appointment} onCancel={onCancel} />
      ))}
    </Stack>
  );
}

function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const color = STATUS_COLORS[status] ?? 'gray';
  return (
    <Badge variant="light" color={color} c={`${color}.9`}>
      {isStatus(status) ? t(`portal.status.${status}`) : status}
    </Badge>
  );
}

function AppointmentCard({
  appointment,
  onCancel,
}: {
  appointment: MyAppointment;
  onCancel: (appointment: MyAppointment) => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { organisation } = appointment;
  const when = formatDateTime(appointment.startsAt, organisation.timeZone, language);
  const isActive = appointment.isUpcoming && appointment.status === 'scheduled';

  return (
    <Card component="li" withBorder radius="md" padding="md" bg="white">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <Title order={3} size="h5">
            {appointment.serviceName[language]}
          </Title>
          <StatusBadge status={appointment.status} />
        </Group>
        <Text>
          {when}{' '}
          <Text span size="sm" c="dimmed">
            ({timeZoneName(organisation.timeZone, language)})
          </Text>
        </Text>
        <Text size="sm">
          {t('portal.space.withProvider', {
            provider: appointment.providerName,
            organisation: organisation.name,
          })}
        </Text>
        {organisation.address && <Text size="sm">{organisation.address}</Text>}
        {isActive && appointment.canCancel && (
          <Button
            variant="light"
            color="red"
            c="red.9"
            w="fit-content"
            leftSection={<IconX size={16} aria-hidden="true" />}
            aria-label={t('portal.space.cancelNamed', { date: when })}
            onClick={() => onCancel(appointment)}
          >
            {t('portal.space.cancel')}
          </Button>
        )}
        {isActive && !appointment.canCancel && <ContactToCancel organisation={organisation} />}
      </Stack>
    </Card>
  );
}

function ContactToCancel({ organisation }: { organisation: MyAppointment['organisation'] }) {
  const { t } = useTranslation();
  if (!organisation.phone)
    return (
      <Text size="sm">{t('portal.space.contactToCancelNoPhone', { organisation: organisation.name })}</Text>
    );
  const phone = formatPhone(organisation.phone);
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <IconPhone size={16} aria-hidden="true" style={{ flexShrink: 0, marginTop: 3 }} />
      <Text size="sm">
        {t('portal.space.contactToCancel', { organisation: organisation.name })}{' '}
        <Anchor href={`tel:${organisation.phone}`} fw={600}>
          {phone}
        </Anchor>
      </Text>
    </Group>
  );
}

function CancelModal({
  appointment,
  onClose,
}: {
  appointment: MyAppointment;
  onClose: (isCancelled: boolean) => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { run, isPending, error } = useApiAction();
  const confirm = async () => {
    const isDone = await run(() =>
      unwrap(
        portalApi.POST('/api/v1/portal/appointments/{participantId}/cancel', {
          params: { path: { participantId: appointment.participantId } },
        }),
      ),
    );
    if (isDone) {
      notifySuccess(t('portal.space.cancelled'));
      onClose(true);
    }
  };
  return (
    <Modal
      opened
      onClose={() => onClose(error !== null)}
      title={t('portal.space.cancelTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      fullScreen={false}
      centered
    >
      <Stack gap="md">
        <Text>
          {t('portal.space.cancelConfirm', {
            service: appointment.serviceName[language],
            date: formatDateTime(appointment.startsAt, appointment.organisation.timeZone, language),
          })}
        </Text>
        <ErrorAlert error={error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => onClose(error !== null)}>
            {t('portal.space.keep')}
          </Button>
          <Button color="red" loading={isPending} onClick={() => void confirm()}>
            {t('portal.space.confirmCancel')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
