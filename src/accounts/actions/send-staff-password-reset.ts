// A1: an admin sends a password-reset link to a staff member of their organisation (who forgot it, or never
// had one: staff added without a password). The same one-hour link and email as "Forgot your password?";
// the staff member's current password keeps working until the link is followed. Counts toward the same
// hourly cap per staff member, which the admin is told about instead of a silent no-op.
import { and, eq } from 'drizzle-orm';
import { issueStaffPasswordReset, STAFF_RESETS_PER_HOUR } from '../../auth/password-reset-links.ts';
import type { StaffContext } from '../../context.ts';
import { staff, staffMemberships } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { requireRole } from './manage-organisation.ts';

export async function sendStaffPasswordResetLink(
  ctx: StaffContext,
  input: { organisationId: string; staffId: string },
): Promise<void> {
  requireRole(ctx, input.organisationId, 'admin');
  await ctx.db.transaction(async (tx) => {
    // Only a member of this organisation, and not a disabled one: anyone else is unknown here.
    const [member] = await tx
      .select({ id: staff.id, disabledAt: staff.disabledAt })
      .from(staff)
      .innerJoin(staffMemberships, eq(staffMemberships.staffId, staff.id))
      .where(and(eq(staff.id, input.staffId), eq(staffMemberships.organisationId, input.organisationId)))
      .for('update', { of: staff });
    if (!member || member.disabledAt) throw new AppError('not_found');
    const isSent = await issueStaffPasswordReset(tx, ctx, {
      staffId: member.id,
      organisationId: input.organisationId,
      createdByStaffId: ctx.actor.staffId,
    });
    if (!isSent) throw new AppError('reset_links_capped', [], { limit: STAFF_RESETS_PER_HOUR });
  });
}
