// Wall-clock dates and times in the organisation's time zone ↔ UTC instants, with Temporal (never offset
// arithmetic by hand). Staff type and read times as the clinic's clock shows them, wherever they are.
import { Temporal } from 'temporal-polyfill';

/** "YYYY-MM-DD" + "HH:MM" in `timeZone` → the ISO instant (a DST gap moves forward, as clocks do). */
export function toInstantIso(date: string, time: string, timeZone: string): string {
  return Temporal.PlainDateTime.from(`${date}T${time}`)
    .toZonedDateTime(timeZone, { disambiguation: 'compatible' })
    .toInstant()
    .toString();
}

/** "YYYY-MM-DDTHH:MM" (a datetime-local value) in `timeZone` → the ISO instant. */
export function localDateTimeToIso(value: string, timeZone: string): string {
  const [date = '', time = '00:00'] = value.split('T');
  return toInstantIso(date, time.slice(0, 5), timeZone);
}

function zoned(instant: string | Date, timeZone: string): Temporal.ZonedDateTime {
  const epoch = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return Temporal.Instant.fromEpochMilliseconds(epoch).toZonedDateTimeISO(timeZone);
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The local date and "HH:MM" of an instant in `timeZone`. */
export function localParts(instant: string | Date, timeZone: string): { date: string; time: string } {
  const value = zoned(instant, timeZone);
  return { date: value.toPlainDate().toString(), time: `${pad(value.hour)}:${pad(value.minute)}` };
}

/** Minutes since local midnight of an instant in `timeZone`. */
export function minutesOfDay(instant: string | Date, timeZone: string): number {
  const value = zoned(instant, timeZone);
  return value.hour * 60 + value.minute;
}

/** Today's date in `timeZone`. */
export function todayIn(timeZone: string): string {
  return Temporal.Now.plainDateISO(timeZone).toString();
}

export function addDays(date: string, days: number): string {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a local date. */
export function weekdayOf(date: string): number {
  return Temporal.PlainDate.from(date).dayOfWeek;
}

/** "HH:MM" or "HH:MM:SS" from the API → "HH:MM" for time inputs. */
export function shortTime(value: string): string {
  return value.slice(0, 5);
}

/** The range a calendar shows [start, end) → the inclusive local dates the schedule API expects. */
export function visibleDates(start: Date, end: Date, timeZone: string): { from: string; to: string } {
  const from = localParts(start, timeZone).date;
  // `end` is exclusive: the last shown day is the local date of the instant just before it.
  const to = localParts(new Date(end.getTime() - 1), timeZone).date;
  return { from, to };
}

/** Date and time as staff read it ("mardi 1 décembre 2026, 09 h 30"), in the organisation's zone. */
export function formatDateTime(instant: string, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(instant));
}

export function formatTime(instant: string, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(language, { timeStyle: 'short', timeZone }).format(new Date(instant));
}

export function formatDate(date: string, language: string): string {
  // A plain date has no zone: format it at noon UTC so no zone can move it to another day.
  return new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/** "mardi 1 décembre 2026, 09 h 30 – 10 h 00" (the end's date is repeated only when it differs). */
export function formatPeriod(startsAt: string, endsAt: string, timeZone: string, language: string): string {
  const sameDay = localParts(startsAt, timeZone).date === localParts(endsAt, timeZone).date;
  const end = sameDay ? formatTime(endsAt, timeZone, language) : formatDateTime(endsAt, timeZone, language);
  return `${formatDateTime(startsAt, timeZone, language)} – ${end}`;
}
