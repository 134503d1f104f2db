// Small factories: each test builds its own world.
import { randomBytes } from 'node:crypto';
import { setupAccount } from '../src/accounts/actions/setup-account.ts';
import { hashPassword } from '../src/auth/password.ts';
import type { DbOrTx } from '../src/db/client.ts';
import { organisations, type StaffRole, staff, staffMemberships } from '../src/db/schema.ts';

export const PASSWORD = 'correct-horse-battery';
const unique = () => randomBytes(4).toString('hex');

export async function makeAccount(db: DbOrTx, options: { timeZone?: string } = {}) {
  const suffix = unique();
  const result = await setupAccount(db, {
    accountName: `Account ${suffix}`,
    organisation: {
      name: `Clinic ${suffix}`,
      slug: `clinic-${suffix}`,
      timeZone: options.timeZone ?? 'America/Toronto',
      defaultLanguage: 'fr',
      phone: '+15145550100',
    },
    admin: { email: `admin-${suffix}@example.test`, password: PASSWORD, firstName: 'Ada', lastName: 'Admin' },
  });
  return { account: result.account, organisation: result.organisation, admin: result.admin };
}

export async function makeOrganisation(db: DbOrTx, accountId: string, options: { timeZone?: string } = {}) {
  const suffix = unique();
  const [organisation] = await db
    .insert(organisations)
    .values({
      accountId,
      name: `Site ${suffix}`,
      slug: `site-${suffix}`,
      timeZone: options.timeZone ?? 'Europe/Paris',
      defaultLanguage: 'fr',
    })
    .returning();
  return organisation!;
}

let cachedHash: Promise<string> | undefined;

export async function makeStaff(
  db: DbOrTx,
  accountId: string,
  memberships: { organisationId: string; role: StaffRole }[],
  fields: { firstName?: string; lastName?: string } = {},
) {
  cachedHash ??= hashPassword(PASSWORD);
  const [member] = await db
    .insert(staff)
    .values({
      accountId,
      email: `staff-${unique()}@example.test`,
      passwordHash: await cachedHash,
      firstName: fields.firstName ?? 'Sam',
      lastName: fields.lastName ?? 'Staff',
    })
    .returning();
  if (memberships.length) {
    await db.insert(staffMemberships).values(memberships.map((m) => ({ ...m, staffId: member!.id })));
  }
  return member!;
}
