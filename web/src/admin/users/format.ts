// How the Users screens write dates, times, phone numbers and field values, in the interface's language and
// the organisation's time zone.
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganisation } from '../session';
import { type EditableField, isEditableField } from './types';

export const FIELD_LABEL_KEYS = {
  firstName: 'users.fields.firstName',
  lastName: 'users.fields.lastName',
  birthDate: 'users.fields.birthDate',
  email: 'users.fields.email',
  mobilePhone: 'users.fields.mobilePhone',
  otherPhone: 'users.fields.otherPhone',
  address: 'users.fields.address',
  language: 'users.fields.language',
  notes: 'users.fields.notes',
  notifyByEmail: 'users.fields.notifyByEmail',
  notifyBySms: 'users.fields.notifyBySms',
} as const satisfies Record<EditableField, string>;

// Numbers of the organisation's own country read best in national format; others keep their country code.
const CALLING_CODE_BY_ZONE_PREFIX: [string, string][] = [
  ['America/', '1'],
  ['Europe/Paris', '33'],
  ['Europe/Brussels', '32'],
  ['Europe/Zurich', '41'],
  ['Europe/Luxembourg', '352'],
  ['Europe/Monaco', '377'],
];

export function formatPhone(phone: string, timeZone: string): string {
  const parsed = parsePhoneNumberFromString(phone);
  if (!parsed) return phone;
  const local = CALLING_CODE_BY_ZONE_PREFIX.find(([prefix]) => timeZone.startsWith(prefix))?.[1];
  return parsed.countryCallingCode === local ? parsed.formatNational() : parsed.formatInternational();
}

/** A calendar date ('1985-03-14') in words; it has no time zone, so it is read as UTC. */
export function formatCalendarDate(
  value: string,
  language: string,
  style: 'long' | 'medium' = 'long',
): string {
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(language, { dateStyle: style, timeZone: 'UTC' }).format(date);
}

export function formatDateTime(iso: string, language: string, timeZone: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    new Date(iso),
  );
}

/** Formatting bound to the current language and the chosen organisation's time zone. */
export function useUserFormat() {
  const { t, i18n } = useTranslation();
  const { timeZone } = useOrganisation();
  const language = i18n.language;

  return useMemo(() => {
    const fieldLabel = (field: string): string =>
      isEditableField(field) ? t(FIELD_LABEL_KEYS[field]) : field;

    /** Any stored value of a field as a person reads it; empty values say so. */
    const fieldValue = (field: string, value: unknown): string => {
      if (value === null || value === undefined || value === '') return t('users.values.empty');
      if (typeof value === 'boolean') return value ? t('users.values.yes') : t('users.values.no');
      const text = String(value);
      if (field === 'birthDate') return formatCalendarDate(text, language);
      if (field === 'mobilePhone' || field === 'otherPhone') return formatPhone(text, timeZone);
      if (field === 'language' && (text === 'fr' || text === 'en')) return t(`common.languageNames.${text}`);
      return text;
    };

    return {
      language,
      timeZone,
      fieldLabel,
      fieldValue,
      birthDate: (value: string, style?: 'long' | 'medium') => formatCalendarDate(value, language, style),
      dateTime: (iso: string) => formatDateTime(iso, language, timeZone),
      phone: (value: string) => formatPhone(value, timeZone),
    };
  }, [t, language, timeZone]);
}
