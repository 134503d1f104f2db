// Who is acting: the signed-in staff member with their role per organisation.
import type { Language, StaffRole } from '../db/schema.ts';

export type StaffActor = {
  kind: 'staff';
  staffId: string;
  accountId: string;
  email: string;
  firstName: string;
  lastName: string;
  language: Language;
  /** organisationId → role */
  roles: ReadonlyMap<string, StaffRole>;
};

export function roleIn(actor: StaffActor, organisationId: string): StaffRole | undefined {
  return actor.roles.get(organisationId);
}

export function isAdminSomewhere(actor: StaffActor): boolean {
  return [...actor.roles.values()].includes('admin');
}
