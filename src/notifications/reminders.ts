// SPEC N2: when reminders go out. "2 days before at 09:00" is a wall-clock time in the organisation's time
// zone on the appointment's local date minus two days (Thursday 15:00 → Tuesday 09:00), computed with
// Temporal so daylight-saving changes in between do not shift it. Pure code.
import { Temporal } from 'temporal-polyfill';
import type { ReminderRule } from '../db/schema.ts';

export const DEFAULT_REMINDER_RULES: ReminderRule[] = [{ type: 'days_before_at', days: 2, time: '09:00' }];

export function reminderInstant(startsAt: Date, rule: ReminderRule, timeZone: string): Date {
  if (rule.type === 'minutes_before') return new Date(startsAt.getTime() - rule.minutes * 60_000);
  const localDate = Temporal.Instant.fromEpochMilliseconds(startsAt.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate();
  const at = Temporal.PlainDateTime.from(
    `${localDate.subtract({ days: rule.days })}T${rule.time}`,
  ).toZonedDateTime(timeZone, {
    disambiguation: 'compatible',
  });
  return new Date(at.epochMilliseconds);
}

/** The reminders to schedule at booking/move time: those whose instant is still ahead and before the start. */
export function plannedReminders(startsAt: Date, rules: ReminderRule[], timeZone: string, now = new Date()) {
  return rules
    .map((rule, index) => ({ index, at: reminderInstant(startsAt, rule, timeZone) }))
    .filter((planned) => planned.at > now && planned.at < startsAt);
}
