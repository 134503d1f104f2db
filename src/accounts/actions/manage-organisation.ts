// Account settings, organisation details and locations (admin only; checked by the route's access rule
// and again here, since the CLI and later FHIR call these too).
import { and, eq } from 'drizzle-orm';
import { roleIn } from '../../auth/actor.ts';
import type { StaffContext } from '../../context.ts';
import { accounts, type Language, locations, organisations } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { assertTimeZone } from '../time-zone.ts';

export function requireRole(ctx: StaffContext, organisationId: string, ...roles: string[]): void {
  const role = roleIn(ctx.actor, organisationId);
  if (!role) throw new AppError('not_visible');
  if (!roles.includes(role)) throw new AppError('forbidden');
}

export async function updateAccount(
  ctx: StaffContext,
  input: { accountId: string; name?: string; usersVisibleAcrossOrganisations?: boolean },
) {
  if (input.accountId !== ctx.actor.accountId) throw new AppError('not_visible');
  if (![...ctx.actor.roles.values()].includes('admin')) throw new AppError('forbidden');
  const [account] = await ctx.db
    .update(accounts)
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.usersVisibleAcrossOrganisations !== undefined
        ? { usersVisibleAcrossOrganisations: input.usersVisibleAcrossOrganisations }
        : {}),
    })
    .where(eq(accounts.id, input.accountId))
    .returning();
  return account!;
}

export async function updateOrganisation(
  ctx: StaffContext,
  organisationId: string,
  patch: {
    name?: string;
    timeZone?: string;
    defaultLanguage?: Language;
    phone?: string | null;
    address?: string | null;
  },
) {
  requireRole(ctx, organisationId, 'admin');
  if (patch.timeZone !== undefined) assertTimeZone(patch.timeZone);
  const [organisation] = await ctx.db
    .update(organisations)
    .set(patch)
    .where(eq(organisations.id, organisationId))
    .returning();
  return organisation!;
}

export async function createLocation(
  ctx: StaffContext,
  organisationId: string,
  input: { name: string; address?: string | null },
) {
  requireRole(ctx, organisationId, 'admin');
  const [location] = await ctx.db
    .insert(locations)
    .values({ organisationId, name: input.name, address: input.address ?? null })
    .returning();
  return location!;
}

export async function updateLocation(
  ctx: StaffContext,
  organisationId: string,
  locationId: string,
  input: { name: string; address?: string | null },
) {
  requireRole(ctx, organisationId, 'admin');
  const [location] = await ctx.db
    .update(locations)
    .set({ name: input.name, address: input.address ?? null })
    .where(and(eq(locations.id, locationId), eq(locations.organisationId, organisationId)))
    .returning();
  if (!location) throw new AppError('not_found');
  return location;
}
