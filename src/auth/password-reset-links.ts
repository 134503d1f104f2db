// A1: the links that let a staff member choose a new password, whether they asked ("Forgot your
// password?") or an admin sent one. Single use, one hour, only the token's SHA-256 stored; a new link
// replaces the earlier ones; a few links per staff member and hour at most, so nobody floods a mailbox.
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import type { Config } from '../config.ts';
import type { Tx } from '../db/client.ts';
import { staffMemberships, staffPasswordResets } from '../db/schema.ts';
import { enqueueStaffAccountMessage } from '../notifications/staff-account.ts';
import { hashToken, randomToken } from './sessions.ts';

/** A reset link opens the staff member's account to whoever holds it: it lives one hour only. */
export const STAFF_RESET_HOURS = 1;
/** Links sent per staff member within an hour (asked for or sent by an admin, together). */
export const STAFF_RESETS_PER_HOUR = 3;
/** The web page a link opens. */
export const STAFF_RESET_PATH = '/reset-password/';

/** The organisation a message to this staff member comes from when nobody chose one: their first. */
export async function firstOrganisationOf(tx: Tx, staffId: string): Promise<string | undefined> {
  const [membership] = await tx
    .select({ organisationId: staffMemberships.organisationId })
    .from(staffMemberships)
    .where(eq(staffMemberships.staffId, staffId))
    .orderBy(asc(staffMemberships.createdAt), asc(staffMemberships.organisationId))
    .limit(1);
  return membership?.organisationId;
}

/**
 * Issues a link for the staff member and enqueues its email in the caller's transaction. Returns false,
 * sending nothing, when they already had their share of links this hour. The caller holds the staff row's
 * lock, so concurrent requests count each other.
 */
export async function issueStaffPasswordReset(
  tx: Tx,
  { boss, config }: { boss: PgBoss; config: Config },
  input: { staffId: string; organisationId: string; createdByStaffId?: string },
): Promise<boolean> {
  const [recent] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(staffPasswordResets)
    .where(
      and(
        eq(staffPasswordResets.staffId, input.staffId),
        sql`${staffPasswordResets.createdAt} > now() - interval '1 hour'`,
      ),
    );
  if (Number(recent?.n ?? 0) >= STAFF_RESETS_PER_HOUR) return false;
  const now = new Date();
  // The newest link is the only one that works.
  await tx
    .update(staffPasswordResets)
    .set({ expiresAt: now })
    .where(
      and(
        eq(staffPasswordResets.staffId, input.staffId),
        isNull(staffPasswordResets.usedAt),
        gt(staffPasswordResets.expiresAt, now),
      ),
    );
  const token = randomToken();
  const [link] = await tx
    .insert(staffPasswordResets)
    .values({
      staffId: input.staffId,
      organisationId: input.organisationId,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + STAFF_RESET_HOURS * 3_600_000),
      createdByStaffId: input.createdByStaffId ?? null,
    })
    .returning();
  await enqueueStaffAccountMessage(boss, tx, {
    key: `staff-password-reset:${link!.id}`,
    kind: 'staff_password_reset',
    staffId: input.staffId,
    organisationId: input.organisationId,
    values: { link: `${config.publicUrl}${STAFF_RESET_PATH}${token}` },
  });
  return true;
}
