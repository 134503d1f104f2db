// SPEC P4: the links that prove an email address (a new account's, the new address of an account, or the
// account's address when its password is forgotten). Single use, expiring, only the token's SHA-256 stored;
// a new link replaces the earlier ones of the same purpose; a few links per account and hour at most (all
// purposes together), so nobody can flood a mailbox through us.
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import { hashToken, randomToken } from '../auth/sessions.ts';
import type { Config } from '../config.ts';
import type { Tx } from '../db/client.ts';
import { portalEmailVerifications } from '../db/schema.ts';
import { enqueueNotification, type NotificationKind } from '../notifications/enqueue.ts';

export const VERIFICATION_HOURS = 24;
/** A password-reset link opens the account to whoever holds it: it lives one hour only. */
export const PASSWORD_RESET_HOURS = 1;
/** Links sent per account within an hour (sign-up, resends, email changes and password resets together). */
export const VERIFICATIONS_PER_HOUR = 3;

export type VerificationPurpose = (typeof portalEmailVerifications.$inferSelect)['purpose'];

/** Per purpose: how long the link lives, which message carries it, and the web page it opens. */
const LINKS: Record<VerificationPurpose, { hours: number; kind: NotificationKind; path: string }> = {
  sign_up: { hours: VERIFICATION_HOURS, kind: 'account_verification', path: '/portal/verify/' },
  email_change: { hours: VERIFICATION_HOURS, kind: 'account_email_change', path: '/portal/verify/' },
  password_reset: {
    hours: PASSWORD_RESET_HOURS,
    kind: 'account_password_reset',
    path: '/portal/reset-password/',
  },
};

/** How many links this account was sent in the last hour. */
export async function countRecentVerifications(tx: Tx, portalAccountId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(portalEmailVerifications)
    .where(
      and(
        eq(portalEmailVerifications.portalAccountId, portalAccountId),
        sql`${portalEmailVerifications.createdAt} > now() - interval '1 hour'`,
      ),
    );
  return Number(row?.n ?? 0);
}

/**
 * Issues a link for `email` and enqueues its message in the caller's transaction. Returns false, sending
 * nothing, when the account already had its share of links this hour.
 */
export async function sendVerification(
  tx: Tx,
  boss: PgBoss,
  config: Config,
  input: {
    portalAccountId: string;
    userId: string;
    organisationId: string;
    email: string;
    purpose: VerificationPurpose;
  },
): Promise<boolean> {
  if ((await countRecentVerifications(tx, input.portalAccountId)) >= VERIFICATIONS_PER_HOUR) return false;
  const link = LINKS[input.purpose];
  const now = new Date();
  // The newest link is the only one that works.
  await tx
    .update(portalEmailVerifications)
    .set({ expiresAt: now })
    .where(
      and(
        eq(portalEmailVerifications.portalAccountId, input.portalAccountId),
        eq(portalEmailVerifications.purpose, input.purpose),
        isNull(portalEmailVerifications.usedAt),
        gt(portalEmailVerifications.expiresAt, now),
      ),
    );
  const token = randomToken();
  const [verification] = await tx
    .insert(portalEmailVerifications)
    .values({
      portalAccountId: input.portalAccountId,
      organisationId: input.organisationId,
      email: input.email,
      purpose: input.purpose,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + link.hours * 3_600_000),
    })
    .returning();
  await enqueueNotification(boss, tx, {
    key: `verification:${verification!.id}`,
    kind: link.kind,
    channel: 'email',
    organisationId: input.organisationId,
    userId: input.userId,
    to: input.email,
    values: { link: `${config.publicUrl}${link.path}${token}`, email: input.email },
  });
  return true;
}
