// Read models of the accounts area.
import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { accounts, locations, organisations, staff, staffMemberships } from '../db/schema.ts';
import { AppError } from '../errors.ts';

export async function getOrganisation(db: DbOrTx, organisationId: string) {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, organisationId));
  if (!row) throw new AppError('not_found');
  return row;
}

/** An organisation by its public address (the portal's `/p/:slug`); 404 when there is none. */
export async function getOrganisationBySlug(db: DbOrTx, slug: string) {
  const [row] = await db.select().from(organisations).where(eq(organisations.slug, slug));
  if (!row) throw new AppError('not_found');
  return row;
}

export async function getAccount(db: DbOrTx, accountId: string) {
  const [row] = await db.select().from(accounts).where(eq(accounts.id, accountId));
  if (!row) throw new AppError('not_found');
  return row;
}

export function listLocations(db: DbOrTx, organisationId: string) {
  return db
    .select()
    .from(locations)
    .where(eq(locations.organisationId, organisationId))
    .orderBy(asc(locations.name));
}

export function listStaffMembers(db: DbOrTx, organisationId: string) {
  return db
    .select({
      id: staff.id,
      email: staff.email,
      firstName: staff.firstName,
      lastName: staff.lastName,
      role: staffMemberships.role,
      hasTwoFactor: sql<boolean>`${staff.totpSecret} is not null`,
    })
    .from(staffMemberships)
    .innerJoin(staff, eq(staff.id, staffMemberships.staffId))
    .where(eq(staffMemberships.organisationId, organisationId))
    .orderBy(asc(staff.lastName), asc(staff.firstName));
}
