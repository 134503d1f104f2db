// S6: the participant statuses of the « Statut client » / "User Status" column, their order and colours.
// The words come from the follow-up catalog (seed articles 000/001), the colours pair with dark text (AA).
export const PARTICIPANT_STATUSES = ['scheduled', 'present', 'absent', 'not_eligible', 'cancelled'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

export const STATUS_COLORS: Record<ParticipantStatus, string> = {
  scheduled: 'blue',
  present: 'teal',
  absent: 'orange',
  not_eligible: 'grape',
  cancelled: 'red',
};

export function isParticipantStatus(value: unknown): value is ParticipantStatus {
  return (PARTICIPANT_STATUSES as readonly unknown[]).includes(value);
}

/** The i18n key of a status word ("Non-admissible", "Canceled"). */
export function statusKey(status: ParticipantStatus) {
  return `followup.status.${status}` as const;
}
