// Contact normalisation: emails trimmed and lower-cased, phone numbers to E.164 (libphonenumber-js),
// read in the organisation's country when written without a country code.
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { fieldError } from '../errors.ts';

const ZONE_COUNTRIES: Record<string, CountryCode> = {
  'Europe/Paris': 'FR',
  'Europe/Brussels': 'BE',
  'Europe/Zurich': 'CH',
  'Europe/Luxembourg': 'LU',
  'Europe/Monaco': 'MC',
  'America/New_York': 'US',
  'America/Chicago': 'US',
  'America/Los_Angeles': 'US',
};

/** The country in which a phone number without country code is read, for an organisation. */
export function defaultCountryFor(organisation: { phone: string | null; timeZone: string }): CountryCode {
  const fromPhone = organisation.phone ? parsePhoneNumberFromString(organisation.phone)?.country : undefined;
  if (fromPhone) return fromPhone;
  return ZONE_COUNTRIES[organisation.timeZone] ?? (organisation.timeZone.startsWith('Europe/') ? 'FR' : 'CA');
}

export function normaliseEmail(value: string | null | undefined, path?: string): string | null {
  const email = value?.trim().toLowerCase();
  if (!email) return null;
  if (path && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw fieldError(path, 'format', { format: 'email' });
  return email;
}

/** Parses a phone number to E.164 or returns undefined. */
export function toE164(value: string, country: CountryCode): string | undefined {
  const parsed = parsePhoneNumberFromString(value, country);
  return parsed?.isValid() ? parsed.number : undefined;
}

export function normalisePhone(
  value: string | null | undefined,
  country: CountryCode,
  path: string,
  kind: 'mobile' | 'any',
): string | null {
  const raw = value?.trim();
  if (!raw) return null;
  const parsed = parsePhoneNumberFromString(raw, country);
  if (!parsed?.isValid()) throw fieldError(path, 'phone');
  if (kind === 'mobile') {
    const type = parsed.getType();
    // North-American numbers cannot be told apart: FIXED_LINE_OR_MOBILE is accepted as a mobile.
    if (type && !['MOBILE', 'FIXED_LINE_OR_MOBILE', 'PERSONAL_NUMBER'].includes(type))
      throw fieldError(path, 'mobile');
  }
  return parsed.number;
}

export function normaliseBirthDate(value: string | null | undefined, path = 'birthDate'): string | null {
  if (!value) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(`${value}T00:00:00Z`) : undefined;
  if (!match || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw fieldError(path, 'date');
  }
  if (date.getTime() > Date.now()) throw fieldError(path, 'future_date');
  return value;
}
