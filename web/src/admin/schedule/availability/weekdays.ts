// Weekday names in the interface language, from Intl (no hand-written lists to translate).

/** "lundi" / "Monday" for an ISO weekday (1 = Monday … 7 = Sunday), as written inside a sentence. */
export function weekdayName(weekday: number, language: string): string {
  // 2024-01-01 was a Monday; noon UTC keeps every zone on the same date.
  const date = new Date(Date.UTC(2024, 0, weekday, 12));
  return new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(date);
}

/** "Lundi" / "Monday": the name starting a label or a heading. */
export function weekdayTitle(weekday: number, language: string): string {
  const name = weekdayName(weekday, language);
  return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
}
