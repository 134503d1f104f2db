// S6: a participant's status as a badge: the word, in dark text on a light colour (AA contrast).
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PARTICIPANT_STATUSES, type ParticipantStatus } from '../scheduleEvents';

const COLORS: Record<ParticipantStatus, string> = {
  scheduled: 'blue',
  present: 'teal',
  absent: 'orange',
  not_eligible: 'grape',
  cancelled: 'gray',
};

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  if (!PARTICIPANT_STATUSES.includes(status as ParticipantStatus)) {
    return (
      <Badge variant="light" color="gray" c="gray.9">
        {status}
      </Badge>
    );
  }
  const known = status as ParticipantStatus;
  return (
    <Badge variant="light" color={COLORS[known]} c={`${COLORS[known]}.9`}>
      {t(`schedule.status.${known}`)}
    </Badge>
  );
}
