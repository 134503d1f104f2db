// The shape of a user record as staff see it, and the fields staff may edit.
import type { users } from '../db/schema.ts';

export type UserRow = typeof users.$inferSelect;

export const EDITABLE_FIELDS = [
  'firstName',
  'lastName',
  'birthDate',
  'email',
  'mobilePhone',
  'otherPhone',
  'address',
  'language',
  'notes',
  'notifyByEmail',
  'notifyBySms',
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];
export const PREFERENCE_FIELDS: readonly EditableField[] = ['notifyByEmail', 'notifyBySms'];

export function toUserRecord(row: UserRow, extra: { organisationIds: string[]; hasPortalAccount: boolean }) {
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    birthDate: row.birthDate,
    email: row.email,
    mobilePhone: row.mobilePhone,
    otherPhone: row.otherPhone,
    address: row.address,
    language: row.language,
    notes: row.notes,
    notifyByEmail: row.notifyByEmail,
    notifyBySms: row.notifyBySms,
    /** U4: the user set their preferences in the portal; staff see them read-only. */
    preferencesLocked: row.preferencesSetByUserAt !== null,
    preferencesSetByUserAt: row.preferencesSetByUserAt?.toISOString() ?? null,
    /** U4: no email and no mobile → the user will receive no notifications. */
    warnings: !row.email && !row.mobilePhone ? ['no_contact'] : [],
    hasPortalAccount: extra.hasPortalAccount,
    organisationIds: extra.organisationIds,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type UserRecord = ReturnType<typeof toUserRecord>;

export function toUserSummary(
  row: Pick<UserRow, 'id' | 'firstName' | 'lastName' | 'birthDate' | 'email' | 'mobilePhone'>,
) {
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    birthDate: row.birthDate,
    email: row.email,
    mobilePhone: row.mobilePhone,
  };
}
