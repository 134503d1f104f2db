// A1: a staff member changes their password; every other session of theirs is signed out.
import { and, eq, ne } from 'drizzle-orm';
import type { StaffContext } from '../../context.ts';
import { sessions, staff } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from '../password.ts';

export async function changePassword(
  ctx: StaffContext,
  input: { currentPassword: string; newPassword: string; keepSessionHash: string },
): Promise<void> {
  if (input.newPassword.length < MIN_PASSWORD_LENGTH) throw new AppError('password_too_weak');
  const [member] = await ctx.db.select().from(staff).where(eq(staff.id, ctx.actor.staffId));
  if (!member || !(await verifyPassword(member.passwordHash, input.currentPassword))) {
    throw new AppError('wrong_password', [{ path: 'currentPassword', code: 'invalid' }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(staff).set({ passwordHash }).where(eq(staff.id, member.id));
    await tx
      .delete(sessions)
      .where(and(eq(sessions.staffId, member.id), ne(sessions.tokenHash, input.keepSessionHash)));
  });
}
