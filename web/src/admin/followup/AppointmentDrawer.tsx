// "Open appointment" from a follow-up row (the Schedule has no addressable drawer yet): the appointment
// (GET /appointments/{id}) with its participants and their statuses, its history in words (S7, F5), and
// "Send the reminder now" for an upcoming appointment (N2, admins and agents).
import { Button, Drawer, em, Group, List, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconBellRinging } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { PageLoader } from '../../components/PageLoader';
import { useApiAction } from '../../components/useApiAction';
import { useLoader } from '../../components/useLoader';
import { useOrganisation } from '../session';
import type { FollowupRow } from './followupQuery';
import { formatRowTime, rowServiceName } from './format';
import { type AppointmentDetail, historyActor, historyDetails, historyTitle } from './historyText';
import { StatusBadge } from './StatusBadge';

type Props = { row: FollowupRow; onClose: () => void };

export function AppointmentDrawer({ row, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const { organisationId } = useOrganisation();
  const isPhone = useMediaQuery(`(max-width: ${em(767.98)})`);
  const loader = useLoader(
    () =>
      unwrap(
        api.GET('/api/v1/orgs/{orgId}/appointments/{appointmentId}', {
          params: { path: { orgId: organisationId, appointmentId: row.appointmentId } },
        }),
      ),
    [organisationId, row.appointmentId],
  );
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size={isPhone ? '100%' : 'lg'}
      title={
        <Title order={2} size="h3">
          {rowServiceName(row, i18n.language)}
        </Title>
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <ErrorAlert error={loader.error} />
      {!loader.data && loader.isLoading && <PageLoader />}
      {loader.data && <AppointmentDetails row={row} detail={loader.data} onChanged={loader.reload} />}
    </Drawer>
  );
}

function AppointmentDetails({
  row,
  detail,
  onChanged,
}: {
  row: FollowupRow;
  detail: AppointmentDetail;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { organisationId, timeZone, role } = useOrganisation();
  const reminder = useApiAction();
  const language = i18n.language;
  const canRemind = detail.state === 'booked' && detail.isUpcoming && (role === 'admin' || role === 'agent');

  const sendReminder = async () => {
    const isSent = await reminder.run(() =>
      unwrap(
        api.POST('/api/v1/orgs/{orgId}/appointments/{appointmentId}/send-reminder', {
          params: { path: { orgId: organisationId, appointmentId: detail.id } },
        }),
      ),
    );
    if (isSent) {
      notifySuccess(t('followup.appointment.reminderSent'));
      onChanged();
    }
  };

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Text fw={600}>{formatRowTime(detail.startsAt, timeZone, language)}</Text>
        <Text size="sm">{t('followup.appointment.provider', { name: detail.providerName })}</Text>
        <Text size="sm">
          {t('followup.appointment.location', {
            location: detail.service.isVideo
              ? t('followup.appointment.video')
              : (row.location?.name ?? t('followup.table.noLocation')),
          })}
        </Text>
        {detail.state !== 'booked' && (
          <Text size="sm" fw={600}>
            {t('followup.appointment.cancelledAppointment')}
          </Text>
        )}
      </Stack>

      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('followup.appointment.participants')}
        </Title>
        <List listStyleType="none" spacing={6} aria-label={t('followup.appointment.participants')}>
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

      {canRemind && (
        <Stack gap="xs">
          <ErrorAlert error={reminder.error} />
          <Button
            variant="light"
            w="fit-content"
            leftSection={<IconBellRinging size={16} aria-hidden="true" />}
            loading={reminder.isPending}
            onClick={() => void sendReminder()}
          >
            {t('followup.appointment.sendReminder')}
          </Button>
        </Stack>
      )}

      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('followup.history.title')}
        </Title>
        <List type="ordered" listStyleType="none" spacing="md" aria-label={t('followup.history.title')}>
          {detail.history.map((entry) => (
            <List.Item key={entry.id}>
              <Text size="sm" fw={600}>
                {historyTitle(entry, t)}
              </Text>
              {historyDetails(entry, { detail, timeZone, language, t }).map((line) => (
                <Text key={line} size="sm">
                  {line}
                </Text>
              ))}
              <Text size="xs" c="dimmed">
                {formatRowTime(entry.at, timeZone, language)} · {historyActor(entry, t)}
              </Text>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Stack>
  );
}
