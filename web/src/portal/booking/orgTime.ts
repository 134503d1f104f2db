// Dates and times in the organisation's time zone for the portal, with Intl only (no Temporal download on
// phones, and no offset arithmetic by hand): the zone's calendar date of an instant, plain-date steps, and
// localised labels. Plain dates are "YYYY-MM-DD" strings.
import type { Language } from '../../i18n/language';

const localeOf = (language: Language) => (language === 'fr' ? 'fr-CA' : 'en-CA');

const dateKeyFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date ("YYYY-MM-DD") of an instant in a time zone. */
export function localDate(instant: string | Date | number, timeZone: string): string {
  let format = dateKeyFormats.get(timeZone);
  if (!format) {
    // en-CA writes dates as YYYY-MM-DD; the parts are read anyway so no locale quirk can leak in.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateKeyFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(instant));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Today in the time zone. */
export function todayIn(timeZone: string, now: number = Date.now()): string {
  return localDate(now, timeZone);
}

/** A plain date moved by whole days (calendar arithmetic at UTC noon: no zone, no DST). */
export function addDays(date: string, days: number): string {
  const value = new Date(`${date}T12:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

/** The seven dates of a week that starts on `start`. */
export function weekDates(start: string): string[] {
  return Array.from({ length: 7 }, (_, index) => addDays(start, index));
}

/** A plain date as words ("lundi 12 mai" / "Monday, May 12"). */
export function formatPlainDate(date: string, language: Language): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}

/** The short weekday of a plain date ("lun." / "Mon"). */
export function formatWeekday(date: string, language: Language): string {
  return new Intl.DateTimeFormat(localeOf(language), { weekday: 'short', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/** The time of an instant on the organisation's clock ("9 h 30" / "9:30 a.m."). */
export function formatTime(instant: string, timeZone: string, language: Language): string {
  return new Intl.DateTimeFormat(localeOf(language), { timeZone, hour: 'numeric', minute: '2-digit' }).format(
    new Date(instant),
  );
}

/** Date and time of an instant on the organisation's clock, with the year. */
export function formatDateTime(instant: string, timeZone: string, language: Language): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(instant));
}

/** The zone's name as people say it ("heure de l’Est" / "Eastern Time"), falling back to its IANA id. */
export function timeZoneName(timeZone: string, language: Language, at: number = Date.now()): string {
  try {
    const parts = new Intl.DateTimeFormat(localeOf(language), {
      timeZone,
      timeZoneName: 'longGeneric',
    }).formatToParts(new Date(at));
    return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}
