// SPEC N3: Account › Notifications. Each staff member chooses email, SMS or both per event; an admin may
// pick a provider of the organisation and edit that provider's settings; others edit only their own.
import { and, eq } from 'drizzle-orm';
import { roleIn } from '../../auth/actor.ts';
import type { StaffContext } from '../../context.ts';
import {
  STAFF_EVENTS,
  type StaffEvent,
  staffMemberships,
  staffNotificationSettings,
} from '../../db/schema.ts';
import { AppError } from '../../errors.ts';

async function requireSettingsAccess(ctx: StaffContext, organisationId: string, staffId: string) {
  if (staffId === ctx.actor.staffId) return;
  if (roleIn(ctx.actor, organisationId) !== 'admin') throw new AppError('forbidden');
  const [member] = await ctx.db
    .select()
    .from(staffMemberships)
    .where(and(eq(staffMemberships.staffId, staffId), eq(staffMemberships.organisationId, organisationId)));
  if (!member) throw new AppError('not_found');
}

export async function getStaffSettings(ctx: StaffContext, organisationId: string, staffId: string) {
  await requireSettingsAccess(ctx, organisationId, staffId);
  const rows = await ctx.db
    .select()
    .from(staffNotificationSettings)
    .where(eq(staffNotificationSettings.staffId, staffId));
  return STAFF_EVENTS.map((event) => {
    const row = rows.find((r) => r.event === event);
    return { event, email: row?.email ?? false, sms: row?.sms ?? false };
  });
}

export async function setStaffSettings(
  ctx: StaffContext,
  organisationId: string,
  staffId: string,
  settings: { event: StaffEvent; email: boolean; sms: boolean }[],
) {
  await requireSettingsAccess(ctx, organisationId, staffId);
  await ctx.db.transaction(async (tx) => {
    for (const setting of settings) {
      await tx
        .insert(staffNotificationSettings)
        .values({ staffId, ...setting })
        .onConflictDoUpdate({
          target: [staffNotificationSettings.staffId, staffNotificationSettings.event],
          set: { email: setting.email, sms: setting.sms, updatedAt: new Date() },
        });
    }
  });
  return getStaffSettings(ctx, organisationId, staffId);
}
