// Creates an account with its first organisation and admin (create-admin CLI, demo seed, tests).
import { eq, sql } from 'drizzle-orm';
import { hashPassword } from '../../auth/password.ts';
import type { DbOrTx } from '../../db/client.ts';
import { accounts, type Language, organisations, staff, staffMemberships } from '../../db/schema.ts';
import { AppError, fieldError } from '../../errors.ts';
import { assertTimeZone } from '../time-zone.ts';

export type SetupAccountInput = {
  accountName: string;
  organisation: { name: string; slug: string; timeZone: string; defaultLanguage: Language; phone?: string };
  admin: { email: string; password: string; firstName: string; lastName: string; language?: Language };
};

export async function setupAccount(db: DbOrTx, input: SetupAccountInput) {
  assertTimeZone(input.organisation.timeZone, 'organisation.timeZone');
  if (input.admin.password.length < 10) throw fieldError('admin.password', 'minLength', { limit: 10 });
  const passwordHash = await hashPassword(input.admin.password);
  return db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: staff.id })
      .from(staff)
      .where(eq(sql`lower(${staff.email})`, input.admin.email.toLowerCase()));
    if (taken) throw new AppError('email_taken', [{ path: 'admin.email', code: 'email_taken' }]);
    const [account] = await tx.insert(accounts).values({ name: input.accountName }).returning();
    const [organisation] = await tx
      .insert(organisations)
      .values({ ...input.organisation, accountId: account!.id })
      .returning();
    const [admin] = await tx
      .insert(staff)
      .values({
        accountId: account!.id,
        email: input.admin.email.toLowerCase(),
        passwordHash,
        firstName: input.admin.firstName,
        lastName: input.admin.lastName,
        language: input.admin.language ?? input.organisation.defaultLanguage,
      })
      .returning();
    await tx
      .insert(staffMemberships)
      .values({ staffId: admin!.id, organisationId: organisation!.id, role: 'admin' });
    return { account: account!, organisation: organisation!, admin: admin! };
  });
}
