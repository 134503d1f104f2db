// SPEC P4: the worker's half of "Forgot your password?". For an address with a portal account it issues a
// one-hour reset link and enqueues its email in one transaction, through the links of verification.ts (only
// the token's hash kept, the newest link the only one that works, a few links per account and hour).
// Any account may get one, a sign-up whose address is not confirmed yet included: following the link proves
// the mailbox, which is all that confirming it proves, so the reset also confirms it (reset-password.ts).
import { eq, sql } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { portalAccounts } from '../../db/schema.ts';
import { resolveMergedId } from '../../users/visibility.ts';
import { homeOrganisation } from '../actions/edit-profile.ts';
import { sendVerification } from '../verification.ts';

export type PasswordResetOutcome = 'sent' | 'no_account' | 'capped';

export async function sendPasswordReset(
  { db, boss, config }: { db: Db; boss: PgBoss; config: Config },
  input: { email: string },
): Promise<PasswordResetOutcome> {
  return db.transaction(async (tx) => {
    const [account] = await tx
      .select()
      .from(portalAccounts)
      .where(eq(sql`lower(${portalAccounts.email})`, input.email))
      .for('update');
    if (!account) return 'no_account';
    // The message speaks in the record's language and comes from its organisation (a merged record lives
    // on in the kept one, U7).
    const userId = await resolveMergedId(tx, account.userId);
    const organisation = await homeOrganisation(tx, userId);
    const isSent = await sendVerification(tx, boss, config, {
      portalAccountId: account.id,
      userId,
      organisationId: organisation.id,
      email: account.email,
      purpose: 'password_reset',
    });
    return isSent ? 'sent' : 'capped';
  });
}
