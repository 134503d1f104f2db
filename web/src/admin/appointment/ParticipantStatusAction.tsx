// S6/S7 from the appointment's own page: the same batch window as the Follow-up tab (Present, Absent, Not
// eligible with the F3 choice, Cancel with the F4 settings), over this appointment's participants — the
// same rules, refusals and history entries, one code path. Admins and agents, past or upcoming.
import { Button } from '@mantine/core';
import { IconUserCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApiAction } from '../../components/useApiAction';
import { BatchActionModal } from '../followup/BatchActionModal';
import type { FollowupRow } from '../followup/followupQuery';
import { useOrganisation } from '../session';
import type { AppointmentDetail } from './historyText';

type Props = { detail: AppointmentDetail; onChanged: () => void };

export function ParticipantStatusAction({ detail, onChanged }: Props) {
  const { t } = useTranslation();
  const { organisationId, timeZone, role } = useOrganisation();
  const [rows, setRows] = useState<readonly FollowupRow[] | null>(null);
  const load = useApiAction();
  if (detail.state !== 'booked' || (role !== 'admin' && role !== 'agent')) return null;

  const open = async () => {
    const start = new Date(detail.startsAt);
    await load.run(async () => {
      const page = await unwrap(
        api.GET('/api/v1/orgs/{orgId}/followup', {
          params: {
            path: { orgId: organisationId },
            query: {
              appointmentId: detail.id,
              from: start.toISOString(),
              to: new Date(start.getTime() + 1).toISOString(),
              order: 'asc',
              limit: 200,
            },
          },
        }),
      );
      setRows(page.items);
    });
  };

  return (
    <>
      <ErrorAlert error={load.error} />
      <Button
        variant="light"
        w="fit-content"
        leftSection={<IconUserCheck size={16} aria-hidden="true" />}
        loading={load.isPending}
        onClick={() => void open()}
      >
        {t('schedule.appointment.participantStatus')}
      </Button>
      {rows && (
        <BatchActionModal
          organisationId={organisationId}
          timeZone={timeZone}
          rows={rows}
          onClose={() => setRows(null)}
          onApplied={onChanged}
        />
      )}
    </>
  );
}
