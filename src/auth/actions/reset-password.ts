// A1: following a staff password-reset link. The page first shows for which address (preview). Then, in
// one transaction: the new password (the same rule as everywhere, argon2id) replaces the old one, the link
// is spent, every session of the staff member ends (whoever knew the old password is signed out, on every
// device) and a new session signs them in — unless they turned the second factor on: the sign-in page asks
// for it then, since the emailed link alone is one factor. Staff changes have no history table yet (only user records do,
// U3): the spent link itself (used_at, and who sent it) is the trace of the reset.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { sessions, staff, staffPasswordResets } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { assertStrongPassword, hashPassword } from '../password.ts';
import { createSession, hashToken } from '../sessions.ts';

type Link = typeof staffPasswordResets.$inferSelect;

function assertUsable(link: Link | undefined): Link {
  if (!link) throw new AppError('reset_link_invalid');
  if (link.usedAt) throw new AppError('reset_link_used');
  if (link.expiresAt.getTime() <= Date.now()) throw new AppError('reset_link_expired');
  return link;
}

const byToken = (token: string) => eq(staffPasswordResets.tokenHash, hashToken(token));

/** What the page of a link shows before the new password is asked: the staff member's address. */
export async function previewStaffPasswordReset(db: Db, token: string): Promise<{ email: string }> {
  const [row] = await db
    .select({ link: staffPasswordResets, email: staff.email, disabledAt: staff.disabledAt })
    .from(staffPasswordResets)
    .innerJoin(staff, eq(staff.id, staffPasswordResets.staffId))
    .where(byToken(token));
  // A disabled staff member cannot sign in: their link leads nowhere.
  assertUsable(row && !row.disabledAt ? row.link : undefined);
  return { email: row!.email };
}

export async function resetStaffPassword(
  db: Db,
  input: { token: string; password: string },
  sessionDays: number,
) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(staffPasswordResets).where(byToken(input.token)).for('update');
    const link = assertUsable(row);
    const [member] = await tx.select().from(staff).where(eq(staff.id, link.staffId)).for('update');
    if (!member || member.disabledAt) throw new AppError('reset_link_invalid');
    assertStrongPassword(input.password);
    await tx
      .update(staff)
      .set({ passwordHash: await hashPassword(input.password) })
      .where(eq(staff.id, member.id));
    await tx
      .update(staffPasswordResets)
      .set({ usedAt: new Date() })
      .where(eq(staffPasswordResets.id, link.id));
    await tx.delete(sessions).where(eq(sessions.staffId, member.id));
    // A link in a mailbox is one factor: with a second factor on, signing in still asks for it.
    if (member.totpSecret) return { staffId: member.id, session: undefined };
    return { staffId: member.id, session: await createSession(tx, member.id, sessionDays) };
  });
}
