// A1: the worker's half of the staff "Forgot your password?". For the address of an active staff member it
// issues a one-hour reset link and enqueues its email in one transaction (password-reset-links.ts: hash
// only, newest link only, a few per staff member and hour). The message comes from the staff member's first
// organisation; a staff member who belongs to none has nowhere to sign in to and gets nothing.
import { eq, sql } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { staff } from '../../db/schema.ts';
import { firstOrganisationOf, issueStaffPasswordReset } from '../password-reset-links.ts';

export type StaffPasswordResetOutcome = 'sent' | 'no_account' | 'capped';

export async function sendStaffPasswordReset(
  { db, boss, config }: { db: Db; boss: PgBoss; config: Config },
  input: { email: string },
): Promise<StaffPasswordResetOutcome> {
  return db.transaction(async (tx) => {
    const [member] = await tx
      .select()
      .from(staff)
      .where(eq(sql`lower(${staff.email})`, input.email))
      .for('update');
    if (!member || member.disabledAt) return 'no_account';
    const organisationId = await firstOrganisationOf(tx, member.id);
    if (!organisationId) return 'no_account';
    const isSent = await issueStaffPasswordReset(
      tx,
      { boss, config },
      { staffId: member.id, organisationId },
    );
    return isSent ? 'sent' : 'capped';
  });
}
