// IANA time-zone validation (the runtime's Intl database is the reference).
import { fieldError } from '../errors.ts';

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value.includes('/') || value === 'UTC';
  } catch {
    return false;
  }
}

export function assertTimeZone(value: string, path = 'timeZone'): void {
  if (!isTimeZone(value)) throw fieldError(path, 'time_zone');
}
