// S7: one history entry of an appointment in words, in the interface language (the server keeps codes).
import type { TFunction } from 'i18next';
import type { ResponseBody } from '../../../api/client';
import { formatDateTime, formatPeriod } from '../zonedTime';

export type AppointmentDetail = ResponseBody<'/api/v1/orgs/{orgId}/appointments/{appointmentId}', 'get'>;
export type HistoryEntry = AppointmentDetail['history'][number];

const KNOWN_ACTIONS = [
  'created',
  'moved',
  'cancelled',
  'slot_locked',
  'status_changed',
  'marked_not_eligible',
  'notification_sent',
  'notification_failed',
] as const;
type KnownAction = (typeof KNOWN_ACTIONS)[number];
const STATUSES = ['scheduled', 'present', 'absent', 'not_eligible', 'cancelled'] as const;

const isKnown = (action: string): action is KnownAction =>
  (KNOWN_ACTIONS as readonly string[]).includes(action);
const text = (value: unknown) => (typeof value === 'string' ? value : '');

export function historyTitle(entry: HistoryEntry, t: TFunction): string {
  return isKnown(entry.action)
    ? t(`schedule.history.actions.${entry.action}`)
    : t('schedule.history.actions.other', { action: entry.action });
}

function statusLabel(value: unknown, t: TFunction): string {
  const status = text(value);
  return (STATUSES as readonly string[]).includes(status)
    ? t(`schedule.status.${status as (typeof STATUSES)[number]}`)
    : status;
}

/** What changed, when the entry says more than its title: "from … to …", the options chosen, who. */
export function historyDetails(
  entry: HistoryEntry,
  context: { detail: AppointmentDetail; timeZone: string; language: string; t: TFunction },
): string[] {
  const { detail, timeZone, language, t } = context;
  const details = entry.details;
  const lines: string[] = [];
  const person = detail.participants.find(
    (p) => p.id === entry.participantId || (details.userId && p.userId === details.userId),
  );
  if (person && entry.action !== 'notification_sent') lines.push(person.name);
  switch (entry.action) {
    case 'moved':
      if (details.from && details.to)
        lines.push(
          t('schedule.history.fromTo', {
            from: formatDateTime(text(details.from), timeZone, language),
            to: formatDateTime(text(details.to), timeZone, language),
          }),
        );
      break;
    case 'cancelled':
      lines.push(details.lockSlot ? t('schedule.history.slotLockedToo') : t('schedule.history.slotFreed'));
      break;
    case 'slot_locked':
      if (details.startsAt && details.endsAt)
        lines.push(formatPeriod(text(details.startsAt), text(details.endsAt), timeZone, language));
      break;
    case 'status_changed':
    case 'marked_not_eligible':
      lines.push(
        t('schedule.history.fromTo', {
          from: statusLabel(details.from, t),
          to: statusLabel(details.to ?? 'not_eligible', t),
        }),
      );
      break;
    case 'notification_sent':
    case 'notification_failed':
      if (details.channel === 'email' || details.channel === 'sms')
        lines.push(t(`schedule.history.channels.${details.channel}`));
      break;
  }
  return lines;
}

export function historyActor(entry: HistoryEntry, t: TFunction): string {
  if (entry.actor === 'user') return t('schedule.history.byUser');
  return entry.actor ? t('schedule.history.byStaff', { name: entry.actor }) : t('schedule.history.bySystem');
}
