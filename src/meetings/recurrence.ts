// SPEC V4, the pure part: the start instants of a recurring meeting — daily, weekly or monthly, N times or
// until a local date — at the same wall-clock time in the organisation's time zone (so a 09:00 meeting
// stays at 09:00 across a daylight-saving change). Each occurrence is counted from the first one, so a
// monthly meeting on the 31st lands on the last day of shorter months and comes back to the 31st.
import { Temporal } from 'temporal-polyfill';
import type { MeetingFrequency } from '../db/schema.ts';
import { fieldError } from '../errors.ts';

/** A series longer than this is refused: a year of weekly meetings. */
export const MAX_OCCURRENCES = 52;

export type Recurrence = { frequency: MeetingFrequency; count?: number; untilDate?: string };

const UNIT: Record<MeetingFrequency, 'days' | 'weeks' | 'months'> = {
  daily: 'days',
  weekly: 'weeks',
  monthly: 'months',
};

/** The starts of every occurrence, the first being `firstStart` itself. */
export function expandOccurrences(
  firstStart: Date,
  recurrence: Recurrence | undefined,
  timeZone: string,
): Date[] {
  if (!recurrence) return [firstStart];
  const hasCount = recurrence.count !== undefined;
  if (hasCount === (recurrence.untilDate !== undefined)) throw fieldError('recurrence', 'count_or_until');
  const first = Temporal.Instant.fromEpochMilliseconds(firstStart.getTime()).toZonedDateTimeISO(timeZone);
  const local = first.toPlainDateTime();
  const until = recurrence.untilDate ? parseUntil(recurrence.untilDate, first.toPlainDate()) : undefined;
  const limit = recurrence.count ?? MAX_OCCURRENCES + 1;
  if (hasCount && (limit < 1 || limit > MAX_OCCURRENCES)) {
    throw fieldError('recurrence.count', 'maximum', { limit: MAX_OCCURRENCES });
  }
  const starts: Date[] = [];
  for (let index = 0; index < limit; index++) {
    const next = local.add({ [UNIT[recurrence.frequency]]: index });
    if (until && Temporal.PlainDate.compare(next.toPlainDate(), until) > 0) break;
    starts.push(new Date(next.toZonedDateTime(timeZone, { disambiguation: 'compatible' }).epochMilliseconds));
  }
  if (starts.length > MAX_OCCURRENCES) {
    throw fieldError('recurrence.untilDate', 'maximum', { limit: MAX_OCCURRENCES });
  }
  return starts;
}

function parseUntil(text: string, firstDate: Temporal.PlainDate): Temporal.PlainDate {
  let until: Temporal.PlainDate;
  try {
    until = Temporal.PlainDate.from(text, { overflow: 'reject' });
  } catch {
    throw fieldError('recurrence.untilDate', 'date');
  }
  if (Temporal.PlainDate.compare(until, firstDate) < 0) throw fieldError('recurrence.untilDate', 'period');
  return until;
}
