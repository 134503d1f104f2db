// Staff members of an organisation: add (new person or one already in the account), change role, remove.
import { and, eq, sql } from 'drizzle-orm';
import { hashPassword } from '../../auth/password.ts';
import { randomToken } from '../../auth/sessions.ts';
import type { StaffContext } from '../../context.ts';
import { type StaffRole, staff, staffMemberships } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { requireRole } from './manage-organisation.ts';

export async function addStaffMember(
  ctx: StaffContext,
  organisationId: string,
  input: { email: string; firstName: string; lastName: string; role: StaffRole; password?: string },
) {
  requireRole(ctx, organisationId, 'admin');
  const email = input.email.trim().toLowerCase();
  // Without a password the person cannot sign in until one is set (password reset comes with invitations).
  const passwordHash = await hashPassword(input.password ?? randomToken());
  return ctx.db.transaction(async (tx) => {
    let [member] = await tx
      .select()
      .from(staff)
      .where(eq(sql`lower(${staff.email})`, email));
    if (member && member.accountId !== ctx.actor.accountId) {
      throw new AppError('email_taken', [{ path: 'email', code: 'email_taken' }]);
    }
    if (!member) {
      [member] = await tx
        .insert(staff)
        .values({
          accountId: ctx.actor.accountId,
          email,
          passwordHash,
          firstName: input.firstName,
          lastName: input.lastName,
        })
        .returning();
    }
    const inserted = await tx
      .insert(staffMemberships)
      .values({ staffId: member!.id, organisationId, role: input.role })
      .onConflictDoNothing()
      .returning();
    if (!inserted.length) throw new AppError('conflict', [{ path: 'email', code: 'already_member' }]);
    return {
      id: member!.id,
      email: member!.email,
      firstName: member!.firstName,
      lastName: member!.lastName,
      role: input.role,
      hasTwoFactor: member!.totpSecret !== null,
    };
  });
}

export async function changeStaffRole(
  ctx: StaffContext,
  organisationId: string,
  staffId: string,
  role: StaffRole,
) {
  requireRole(ctx, organisationId, 'admin');
  if (staffId === ctx.actor.staffId && role !== 'admin') throw new AppError('forbidden');
  const [row] = await ctx.db
    .update(staffMemberships)
    .set({ role })
    .where(and(eq(staffMemberships.staffId, staffId), eq(staffMemberships.organisationId, organisationId)))
    .returning();
  if (!row) throw new AppError('not_found');
}

export async function removeStaffMember(ctx: StaffContext, organisationId: string, staffId: string) {
  requireRole(ctx, organisationId, 'admin');
  if (staffId === ctx.actor.staffId) throw new AppError('forbidden');
  const removed = await ctx.db
    .delete(staffMemberships)
    .where(and(eq(staffMemberships.staffId, staffId), eq(staffMemberships.organisationId, organisationId)))
    .returning();
  if (!removed.length) throw new AppError('not_found');
}
