// S7/F5: an appointment's history entry in words — created, moved, status changed, marked not eligible,
// cancelled (reason, notice channel, lock), slot locked, each notification's fate (sent, delivered, skipped,
// failed with its error), reminder requested — in the interface language; the server keeps codes.
import type { TFunction } from 'i18next';
import type { ResponseBody } from '../../api/client';
import { isParticipantStatus, statusKey } from '../followup/status';
import { formatDateTime, formatPeriod } from '../schedule/zonedTime';

export type AppointmentDetail = ResponseBody<'/api/v1/orgs/{orgId}/appointments/{appointmentId}', 'get'>;
export type HistoryEntry = AppointmentDetail['history'][number];

const ACTIONS = [
  'created',
  'moved',
  'status_changed',
  'marked_not_eligible',
  'cancelled',
  'slot_locked',
  'notification_sent',
  'notification_failed',
  'notification_skipped',
  'notification_delivered',
  'reminder_requested',
] as const;
const CHANNELS = ['email', 'sms', 'none'] as const;
const KINDS = [
  'appointment_confirmation',
  'appointment_moved',
  'appointment_cancelled',
  'appointment_reminder',
  'user_invitation',
] as const;
const SKIP_REASONS = ['no_contact', 'preference_off', 'past'] as const;

function pick<T extends string>(list: readonly T[], value: unknown): T | undefined {
  return list.find((item) => item === value);
}
const text = (value: unknown) => (typeof value === 'string' ? value : '');

export function historyTitle(entry: HistoryEntry, t: TFunction): string {
  const action = pick(ACTIONS, entry.action);
  return action
    ? t(`schedule.history.actions.${action}`)
    : t('schedule.history.actions.other', { action: entry.action });
}

function statusWord(value: unknown, t: TFunction): string {
  return isParticipantStatus(value) ? t(statusKey(value)) : text(value);
}

type Context = { detail: AppointmentDetail; timeZone: string; language: string; t: TFunction };

function notificationLines(details: Record<string, unknown>, t: TFunction): string[] {
  const lines: string[] = [];
  const kind = pick(KINDS, details.kind);
  if (kind) lines.push(t(`schedule.history.kinds.${kind}`));
  const channel = pick(CHANNELS, details.channel);
  if (channel) lines.push(t(`schedule.history.channels.${channel}`));
  const reason = pick(SKIP_REASONS, details.reason);
  if (reason) lines.push(t(`schedule.history.skipReasons.${reason}`));
  if (typeof details.error === 'string') lines.push(t('schedule.history.error', { error: details.error }));
  return lines;
}

function cancellationLines(details: Record<string, unknown>, t: TFunction): string[] {
  const lines: string[] = [];
  if (details.reason === 'not_eligible') lines.push(t('schedule.history.reasonNotEligible'));
  const channel = pick(CHANNELS, details.notify);
  if (channel) lines.push(t(`schedule.history.noticeBy.${channel}`));
  lines.push(details.lockSlot ? t('schedule.history.slotLocked') : t('schedule.history.slotFreed'));
  return lines;
}

/** The lines under the title: whose entry it is and what was chosen or changed. */
export function historyDetails(entry: HistoryEntry, { detail, timeZone, language, t }: Context): string[] {
  const details = entry.details;
  const lines: string[] = [];
  const person = detail.participants.find(
    (p) => p.id === entry.participantId || (details.userId !== undefined && p.userId === details.userId),
  );
  if (person) lines.push(person.name);
  const when = (value: unknown) => formatDateTime(text(value), timeZone, language);
  switch (entry.action) {
    case 'moved':
      if (details.from && details.to)
        lines.push(t('schedule.history.fromTo', { from: when(details.from), to: when(details.to) }));
      break;
    case 'status_changed':
      lines.push(
        t('schedule.history.fromTo', { from: statusWord(details.from, t), to: statusWord(details.to, t) }),
      );
      break;
    case 'marked_not_eligible':
      lines.push(
        details.cancel ? t('schedule.history.withCancellation') : t('schedule.history.appointmentKept'),
      );
      break;
    case 'cancelled':
      lines.push(...cancellationLines(details, t));
      break;
    case 'slot_locked':
      if (details.startsAt && details.endsAt)
        lines.push(formatPeriod(text(details.startsAt), text(details.endsAt), timeZone, language));
      else if (details.startsAt) lines.push(when(details.startsAt));
      break;
    case 'notification_sent':
    case 'notification_failed':
    case 'notification_skipped':
    case 'notification_delivered':
      lines.push(...notificationLines(details, t));
      break;
  }
  return lines;
}

export function historyActor(entry: HistoryEntry, t: TFunction): string {
  if (entry.actor === 'user') return t('schedule.history.byUser');
  return entry.actor ? t('schedule.history.byStaff', { name: entry.actor }) : t('schedule.history.bySystem');
}
