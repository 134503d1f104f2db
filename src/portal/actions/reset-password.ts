// SPEC P4: following a password-reset link. The page first shows for which address (preview). Then, in one
// transaction: the new password (the sign-up rule, argon2id) replaces the old one, the link is spent, the
// address counts as confirmed (the link proved the mailbox), every session of the account ends (whoever knew
// the old password is signed out) and a new session signs the person in; the record's history says so (U3).
import { and, eq } from 'drizzle-orm';
import { assertStrongPassword, hashPassword } from '../../auth/password.ts';
import { hashToken } from '../../auth/sessions.ts';
import type { Db } from '../../db/client.ts';
import { portalAccounts, portalEmailVerifications, portalSessions, userHistory } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { resolveMergedId } from '../../users/visibility.ts';
import { createPortalSession } from '../sessions.ts';

type Link = typeof portalEmailVerifications.$inferSelect;

/** Only reset links: a confirmation link never opens this page, nor a reset link the confirmation one. */
const byToken = (token: string) =>
  and(
    eq(portalEmailVerifications.tokenHash, hashToken(token)),
    eq(portalEmailVerifications.purpose, 'password_reset'),
  );

function assertUsable(link: Link | undefined): Link {
  if (!link) throw new AppError('reset_link_invalid');
  if (link.usedAt) throw new AppError('reset_link_used');
  if (link.expiresAt.getTime() <= Date.now()) throw new AppError('reset_link_expired');
  return link;
}

/** What the page of a link shows before the new password is asked: the account's address. */
export async function previewPasswordReset(db: Db, token: string) {
  const [link] = await db.select().from(portalEmailVerifications).where(byToken(token));
  return { email: assertUsable(link).email };
}

export async function resetPassword(db: Db, input: { token: string; password: string }, sessionDays: number) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(portalEmailVerifications).where(byToken(input.token)).for('update');
    const link = assertUsable(row);
    const [account] = await tx
      .select()
      .from(portalAccounts)
      .where(eq(portalAccounts.id, link.portalAccountId))
      .for('update');
    if (!account) throw new AppError('reset_link_invalid');
    // The account moved to another address since: the link no longer proves the account's mailbox.
    if (account.email.toLowerCase() !== link.email.toLowerCase()) throw new AppError('reset_link_expired');
    assertStrongPassword(input.password);
    const now = new Date();
    await tx
      .update(portalAccounts)
      .set({
        passwordHash: await hashPassword(input.password),
        emailVerifiedAt: account.emailVerifiedAt ?? now,
      })
      .where(eq(portalAccounts.id, account.id));
    await tx
      .update(portalEmailVerifications)
      .set({ usedAt: now })
      .where(eq(portalEmailVerifications.id, link.id));
    await tx.delete(portalSessions).where(eq(portalSessions.portalAccountId, account.id));
    const userId = await resolveMergedId(tx, account.userId);
    if (!account.emailVerifiedAt)
      await tx.insert(userHistory).values({
        userId,
        action: 'email_verified',
        actorIsUser: true,
        details: { email: account.email, purpose: 'password_reset' },
      });
    await tx.insert(userHistory).values({
      userId,
      action: 'password_reset',
      actorIsUser: true,
      details: { email: account.email },
    });
    return { session: await createPortalSession(tx, account.id, sessionDays) };
  });
}
