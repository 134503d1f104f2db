// The create/edit form of a user record as strings, and the request bodies built from it: a new record sends
// what was filled in; an edit sends only the fields that changed (empty → null, i.e. erased).
import { isLanguage, type Language } from '../../i18n/language';
import { formatPhone } from './format';
import type { CreateUserBody, UpdateUserBody, UserRecord } from './types';

export type UserForm = {
  firstName: string;
  lastName: string;
  birthDate: string;
  email: string;
  mobilePhone: string;
  otherPhone: string;
  address: string;
  language: Language;
  notes: string;
  notifyByEmail: boolean;
  notifyBySms: boolean;
};

export type TextField = Exclude<keyof UserForm, 'language' | 'notifyByEmail' | 'notifyBySms'>;
const OPTIONAL_TEXT_FIELDS = ['birthDate', 'email', 'mobilePhone', 'otherPhone', 'address', 'notes'] as const;

export function emptyUserForm(language: Language): UserForm {
  return {
    firstName: '',
    lastName: '',
    birthDate: '',
    email: '',
    mobilePhone: '',
    otherPhone: '',
    address: '',
    language,
    notes: '',
    notifyByEmail: true,
    notifyBySms: true,
  };
}

export function userFormFromRecord(record: UserRecord, timeZone: string): UserForm {
  return {
    firstName: record.firstName,
    lastName: record.lastName,
    birthDate: record.birthDate ?? '',
    email: record.email ?? '',
    mobilePhone: record.mobilePhone ? formatPhone(record.mobilePhone, timeZone) : '',
    otherPhone: record.otherPhone ? formatPhone(record.otherPhone, timeZone) : '',
    address: record.address ?? '',
    language: isLanguage(record.language) ? record.language : 'fr',
    notes: record.notes ?? '',
    notifyByEmail: record.notifyByEmail,
    notifyBySms: record.notifyBySms,
  };
}

export function toCreateBody(form: UserForm): CreateUserBody {
  const body: CreateUserBody = {
    firstName: form.firstName.trim(),
    lastName: form.lastName.trim(),
    language: form.language,
    notifyByEmail: form.notifyByEmail,
    notifyBySms: form.notifyBySms,
  };
  for (const field of OPTIONAL_TEXT_FIELDS) {
    const value = form[field].trim();
    if (value) body[field] = value;
  }
  return body;
}

/** The fields that differ from the record as it was opened; undefined when nothing changed. */
export function toUpdateBody(initial: UserForm, form: UserForm): UpdateUserBody | undefined {
  const body: UpdateUserBody = {};
  for (const field of ['firstName', 'lastName'] as const) {
    if (form[field].trim() !== initial[field].trim()) body[field] = form[field].trim();
  }
  for (const field of OPTIONAL_TEXT_FIELDS) {
    if (form[field].trim() !== initial[field].trim()) body[field] = form[field].trim() || null;
  }
  if (form.language !== initial.language) body.language = form.language;
  for (const field of ['notifyByEmail', 'notifyBySms'] as const) {
    if (form[field] !== initial[field]) body[field] = form[field];
  }
  return Object.keys(body).length ? body : undefined;
}
