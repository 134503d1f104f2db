// How the follow-up screens write times and names: the interface language, the organisation's time zone.
import type { FollowupRow } from './followupQuery';

/** "mar. 2 déc. 2026, 10:00" — short enough for a table cell, with the weekday staff look for. */
export function formatRowTime(instant: string, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(language, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(instant));
}

/** The service's name in the interface language (French otherwise). */
export function rowServiceName(row: Pick<FollowupRow, 'service'>, language: string): string {
  return language === 'en' ? row.service.name.en : row.service.name.fr;
}
