// SPEC S1: services (motifs) of an organisation, managed by its admins.
import { and, eq, inArray } from 'drizzle-orm';
import { requireRole } from '../../accounts/actions/manage-organisation.ts';
import type { StaffContext } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import { locations, serviceLocations, services } from '../../db/schema.ts';
import { AppError, fieldError } from '../../errors.ts';

export type ServiceInput = {
  nameFr: string;
  nameEn: string;
  durationMinutes: number;
  isVideo?: boolean;
  bookableOnline?: boolean;
  capacity?: number;
  minNoticeMinutes?: number;
  bufferBeforeMinutes?: number;
  bufferAfterMinutes?: number;
  oneUpcomingPerUser?: boolean;
  color?: string;
  locationIds?: string[];
};

async function setLocations(tx: Tx, organisationId: string, serviceId: string, locationIds: string[]) {
  if (locationIds.length) {
    const known = await tx
      .select({ id: locations.id })
      .from(locations)
      .where(and(inArray(locations.id, locationIds), eq(locations.organisationId, organisationId)));
    if (known.length !== new Set(locationIds).size) throw fieldError('locationIds', 'unknown');
  }
  await tx.delete(serviceLocations).where(eq(serviceLocations.serviceId, serviceId));
  if (locationIds.length) {
    await tx
      .insert(serviceLocations)
      .values([...new Set(locationIds)].map((locationId) => ({ serviceId, locationId })));
  }
}

export async function createService(ctx: StaffContext, organisationId: string, input: ServiceInput) {
  requireRole(ctx, organisationId, 'admin');
  const { locationIds = [], ...values } = input;
  return ctx.db.transaction(async (tx) => {
    const [service] = await tx
      .insert(services)
      .values({ ...values, organisationId })
      .returning();
    await setLocations(tx, organisationId, service!.id, locationIds);
    return { ...service!, locationIds };
  });
}

export async function updateService(
  ctx: StaffContext,
  organisationId: string,
  serviceId: string,
  input: Partial<ServiceInput> & { archived?: boolean },
) {
  requireRole(ctx, organisationId, 'admin');
  const { locationIds, archived, ...values } = input;
  return ctx.db.transaction(async (tx) => {
    const [service] = await tx
      .update(services)
      .set({ ...values, ...(archived === undefined ? {} : { archivedAt: archived ? new Date() : null }) })
      .where(and(eq(services.id, serviceId), eq(services.organisationId, organisationId)))
      .returning();
    if (!service) throw new AppError('not_found');
    if (locationIds) await setLocations(tx, organisationId, serviceId, locationIds);
    const links = await tx.select().from(serviceLocations).where(eq(serviceLocations.serviceId, serviceId));
    return { ...service, locationIds: links.map((l) => l.locationId) };
  });
}

export async function listServices(
  db: Tx | StaffContext['db'],
  organisationId: string,
  options: { onlineOnly?: boolean } = {},
) {
  const rows = await db
    .select()
    .from(services)
    .where(eq(services.organisationId, organisationId))
    .orderBy(services.nameFr);
  const links = rows.length
    ? await db
        .select()
        .from(serviceLocations)
        .where(
          inArray(
            serviceLocations.serviceId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  return rows
    .filter((row) => !options.onlineOnly || (row.bookableOnline && !row.archivedAt))
    .map((row) => ({
      ...row,
      locationIds: links.filter((l) => l.serviceId === row.id).map((l) => l.locationId),
    }));
}
