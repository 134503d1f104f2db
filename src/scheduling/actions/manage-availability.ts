// SPEC S2: a provider's weekly opening hours, dated exceptions and absences. Admins and agents edit any
// provider's; a provider edits their own.
import { and, eq } from 'drizzle-orm';
import { roleIn } from '../../auth/actor.ts';
import type { StaffContext } from '../../context.ts';
import { absences, availabilityExceptions, availabilityRules, locations } from '../../db/schema.ts';
import { AppError, fieldError } from '../../errors.ts';
import { listProviderIds } from '../calendars.ts';

/** Admins and agents work on every provider's schedule, a provider on their own only. */
export function assertScheduleRole(ctx: StaffContext, organisationId: string, providerId: string) {
  const role = roleIn(ctx.actor, organisationId);
  if (!role) throw new AppError('not_visible');
  if (role === 'provider' && providerId !== ctx.actor.staffId) throw new AppError('forbidden');
}

/** The schedule role, and the provider works in the organisation. */
export async function requireScheduleAccess(ctx: StaffContext, organisationId: string, providerId: string) {
  assertScheduleRole(ctx, organisationId, providerId);
  await listProviderIds(ctx.db, organisationId, providerId);
}

async function assertLocation(
  ctx: StaffContext,
  organisationId: string,
  locationId: string | null | undefined,
) {
  if (!locationId) return;
  const [row] = await ctx.db
    .select({ id: locations.id })
    .from(locations)
    .where(and(eq(locations.id, locationId), eq(locations.organisationId, organisationId)));
  if (!row) throw fieldError('locationId', 'unknown');
}

export type WeeklyRuleInput = {
  weekday: number;
  startTime: string;
  endTime: string;
  locationId?: string | null;
  serviceIds?: string[] | null;
  validFrom?: string | null;
  validUntil?: string | null;
};

/** Replaces a provider's weekly opening hours in one transaction (the editor saves the whole week). */
export async function setWeeklyHours(
  ctx: StaffContext,
  organisationId: string,
  providerId: string,
  rules: WeeklyRuleInput[],
) {
  await requireScheduleAccess(ctx, organisationId, providerId);
  rules.forEach((rule, index) => {
    if (rule.startTime >= rule.endTime) throw fieldError(`rules.${index}.endTime`, 'period');
  });
  for (const rule of rules) await assertLocation(ctx, organisationId, rule.locationId);
  return ctx.db.transaction(async (tx) => {
    await tx
      .delete(availabilityRules)
      .where(
        and(
          eq(availabilityRules.providerId, providerId),
          eq(availabilityRules.organisationId, organisationId),
        ),
      );
    if (!rules.length) return [];
    return tx
      .insert(availabilityRules)
      .values(
        rules.map((rule) => ({
          organisationId,
          providerId,
          weekday: rule.weekday,
          startTime: rule.startTime,
          endTime: rule.endTime,
          locationId: rule.locationId ?? null,
          serviceIds: rule.serviceIds?.length ? rule.serviceIds : null,
          validFrom: rule.validFrom ?? null,
          validUntil: rule.validUntil ?? null,
        })),
      )
      .returning();
  });
}

export async function addException(
  ctx: StaffContext,
  organisationId: string,
  providerId: string,
  input: {
    date: string;
    kind: 'extra' | 'removed';
    startTime?: string | null;
    endTime?: string | null;
    locationId?: string | null;
    note?: string | null;
  },
) {
  await requireScheduleAccess(ctx, organisationId, providerId);
  if (input.kind === 'extra' && (!input.startTime || !input.endTime))
    throw fieldError('startTime', 'required');
  if (input.startTime && input.endTime && input.startTime >= input.endTime)
    throw fieldError('endTime', 'period');
  await assertLocation(ctx, organisationId, input.locationId);
  const [row] = await ctx.db
    .insert(availabilityExceptions)
    .values({
      organisationId,
      providerId,
      date: input.date,
      kind: input.kind,
      startTime: input.startTime ?? null,
      endTime: input.endTime ?? null,
      locationId: input.locationId ?? null,
      note: input.note ?? null,
    })
    .returning();
  return row!;
}

export async function addAbsence(
  ctx: StaffContext,
  organisationId: string,
  providerId: string,
  input: { startsAt: Date; endsAt: Date; reason?: string | null },
) {
  await requireScheduleAccess(ctx, organisationId, providerId);
  if (input.endsAt <= input.startsAt) throw fieldError('endsAt', 'period');
  const [row] = await ctx.db
    .insert(absences)
    .values({
      organisationId,
      providerId,
      ...input,
      reason: input.reason ?? null,
      createdByStaffId: ctx.actor.staffId,
    })
    .returning();
  return row!;
}

export async function removeAvailabilityItem(
  ctx: StaffContext,
  organisationId: string,
  kind: 'exception' | 'absence',
  id: string,
) {
  const table = kind === 'exception' ? availabilityExceptions : absences;
  const [row] = await ctx.db
    .select()
    .from(table)
    .where(and(eq(table.id, id), eq(table.organisationId, organisationId)));
  if (!row) throw new AppError('not_found');
  await requireScheduleAccess(ctx, organisationId, row.providerId);
  await ctx.db.delete(table).where(eq(table.id, id));
}
