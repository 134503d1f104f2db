// What staff can do with an upcoming, booked appointment: move it (S8), cancel it for everyone with an
// optional lock on the freed time (admins and agents), and send its reminder now (N2, admins and agents).
import { Button, Group, Stack } from '@mantine/core';
import { IconArrowsMove, IconBellRinging, IconCalendarX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useApiAction } from '../../components/useApiAction';
import { useOrganisation } from '../session';
import { CancelAppointmentModal } from './CancelAppointmentModal';
import type { AppointmentDetail } from './historyText';
import { MoveForm } from './MoveForm';

type Props = {
  detail: AppointmentDetail;
  /** After a move, a cancellation or a reminder: the drawer and the page behind it reload. */
  onChanged: () => void;
};

export function AppointmentActions({ detail, onChanged }: Props) {
  const { t } = useTranslation();
  const { organisationId, timeZone, role } = useOrganisation();
  const [isMoving, setMoving] = useState(false);
  const [isCancelling, setCancelling] = useState(false);
  const reminder = useApiAction();
  const isManager = role === 'admin' || role === 'agent';
  if (detail.state !== 'booked' || !detail.isUpcoming) return null;

  const sendReminder = async () => {
    const isSent = await reminder.run(() =>
      unwrap(
        api.POST('/api/v1/orgs/{orgId}/appointments/{appointmentId}/send-reminder', {
          params: { path: { orgId: organisationId, appointmentId: detail.id } },
        }),
      ),
    );
    if (isSent) {
      notifySuccess(t('schedule.appointment.reminderSent'));
      onChanged();
    }
  };

  return (
    <Stack gap="sm">
      <ErrorAlert error={reminder.error} />
      <Group gap="sm">
        <Button
          variant={isMoving ? 'filled' : 'light'}
          leftSection={<IconArrowsMove size={16} aria-hidden="true" />}
          aria-expanded={isMoving}
          onClick={() => setMoving((value) => !value)}
        >
          {t('schedule.appointment.move')}
        </Button>
        {isManager && (
          <Button
            variant="light"
            leftSection={<IconBellRinging size={16} aria-hidden="true" />}
            loading={reminder.isPending}
            onClick={() => void sendReminder()}
          >
            {t('schedule.appointment.sendReminder')}
          </Button>
        )}
        {isManager && (
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
