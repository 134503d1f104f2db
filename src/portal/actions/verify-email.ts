// SPEC P4: following a verification link. The link proves the mailbox; the password, asked on the page the
// link opens, proves the person who signed up — so someone who signs up with another person's address
// cannot get the account verified by that person clicking the link they did not ask for. A sign-up link
// verifies the account; an email-change link makes the new address the account's and the record's (U3
// history). Either signs the person in.
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { verifyPassword } from '../../auth/password.ts';
import { hashToken } from '../../auth/sessions.ts';
import { type Db, sqlStateOf, type Tx } from '../../db/client.ts';
import { portalAccounts, portalEmailVerifications, userHistory, users } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { resolveMergedId } from '../../users/visibility.ts';
import { createPortalSession } from '../sessions.ts';

type Verification = typeof portalEmailVerifications.$inferSelect;

/** The links this page follows; a password-reset link only works on its own page (reset-password.ts). */
const byToken = (token: string) =>
  and(
    eq(portalEmailVerifications.tokenHash, hashToken(token)),
    inArray(portalEmailVerifications.purpose, ['sign_up', 'email_change']),
  );

function assertUsable(verification: Verification | undefined): Verification {
  if (!verification) throw new AppError('verification_invalid');
  if (verification.usedAt) throw new AppError('verification_used');
  if (verification.expiresAt.getTime() <= Date.now()) throw new AppError('verification_expired');
  return verification;
}

/** What the page of a link shows before the password is asked: the address and why. */
export async function previewVerification(db: Db, token: string) {
  const [verification] = await db.select().from(portalEmailVerifications).where(byToken(token));
  const usable = assertUsable(verification);
  return { email: usable.email, purpose: usable.purpose as 'sign_up' | 'email_change' };
}

export async function verifyEmail(db: Db, input: { token: string; password: string }, sessionDays: number) {
  try {
    const accountId = await db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(portalEmailVerifications)
        .where(byToken(input.token))
        .for('update');
      const verification = assertUsable(row);
      const [account] = await tx
        .select()
        .from(portalAccounts)
        .where(eq(portalAccounts.id, verification.portalAccountId))
        .for('update');
      if (!account) throw new AppError('verification_invalid');
      if (!(await verifyPassword(account.passwordHash, input.password)))
        throw new AppError('wrong_password', [{ path: 'password', code: 'incorrect' }]);
      await tx
        .update(portalEmailVerifications)
        .set({ usedAt: new Date() })
        .where(eq(portalEmailVerifications.id, verification.id));
      const userId = await resolveMergedId(tx, account.userId);
      if (verification.purpose === 'sign_up') await confirmSignUp(tx, account, userId);
      else await replaceEmail(tx, account, userId, verification.email);
      return account.id;
    });
    return { session: await createPortalSession(db, accountId, sessionDays) };
  } catch (error) {
    // The new address was taken by another account in between: the unique index decides.
    if (sqlStateOf(error) === '23505')
      throw new AppError('portal_email_taken', [{ path: 'email', code: 'email_in_use' }]);
    throw error;
  }
}

async function confirmSignUp(tx: Tx, account: typeof portalAccounts.$inferSelect, userId: string) {
  if (account.emailVerifiedAt) return;
  await tx
    .update(portalAccounts)
    .set({ emailVerifiedAt: new Date() })
    .where(eq(portalAccounts.id, account.id));
  await tx.insert(userHistory).values({
    userId,
    action: 'email_verified',
    actorIsUser: true,
    details: { email: account.email, purpose: 'sign_up' },
  });
}

/** The proven address replaces the old one on the account and on the record, in the record's history. */
async function replaceEmail(
  tx: Tx,
  account: typeof portalAccounts.$inferSelect,
  userId: string,
  email: string,
) {
  const [taken] = await tx
    .select({ id: portalAccounts.id })
    .from(portalAccounts)
    .where(and(eq(sql`lower(${portalAccounts.email})`, email), ne(portalAccounts.id, account.id)));
  if (taken) throw new AppError('portal_email_taken', [{ path: 'email', code: 'email_in_use' }]);
  await tx
    .update(portalAccounts)
    .set({ email, emailVerifiedAt: new Date() })
    .where(eq(portalAccounts.id, account.id));
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
  if (user && user.email !== email) {
    await tx
      .update(users)
      .set({ email, version: user.version + 1, updatedAt: new Date() })
      .where(eq(users.id, userId));
    await tx.insert(userHistory).values({
      userId,
      action: 'updated',
      actorIsUser: true,
      changes: [{ field: 'email', from: user.email, to: email }],
      details: { source: 'portal', verified: true },
    });
  }
  await tx.insert(userHistory).values({
    userId,
    action: 'email_verified',
    actorIsUser: true,
    details: { email, purpose: 'email_change' },
  });
}
