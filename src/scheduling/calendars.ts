// Loads what slot generation needs from the database: providers' rules, exceptions, absences, live
// bookings (with buffers, expired holds left out) and locks over a period. The maths stay in slots.ts.
import { and, eq, gt, inArray, lt, ne, or, sql } from 'drizzle-orm';
import { type Db, type DbOrTx, prepareOnce } from '../db/client.ts';
import {
  absences,
  accounts,
  appointments,
  availabilityExceptions,
  availabilityRules,
  organisations,
  participants,
  serviceLocations,
  services,
  slotLocks,
  staffMemberships,
} from '../db/schema.ts';
import { AppError, fieldError } from '../errors.ts';
import type { VisibilityScope } from '../users/visibility.ts';
import { dayBounds, type ExistingBooking, type ProviderCalendar, type ServiceSpec } from './slots.ts';

export type ServiceRow = typeof services.$inferSelect;

/** The longest busy period: at most 1440 minutes of service and two buffers of 240 (check constraints). */
export const MAX_BUSY_MS = (1440 + 2 * 240) * 60_000;

export async function loadService(db: DbOrTx, organisationId: string, serviceId: string) {
  const [service] = await db
    .select()
    .from(services)
    .where(and(eq(services.id, serviceId), eq(services.organisationId, organisationId)));
  if (!service) throw fieldError('serviceId', 'unknown');
  const links = await db.select().from(serviceLocations).where(eq(serviceLocations.serviceId, serviceId));
  return { ...service, locationIds: links.map((l) => l.locationId) };
}

/**
 * Everything a staff booking checks before it writes, in one round trip (issue #5: in a rush most attempts
 * stop here): the organisation and its visibility scope, the service with its locations, whether the
 * provider works there, and — for individual services — whether the provider's time at `startsAt` is
 * already taken by a live booking or hold (the exclusion constraint's own index answers it).
 */
export async function loadBookingContext(
  db: Db,
  input: { organisationId: string; serviceId: string; providerId: string; startsAt: Date },
): Promise<{ scope: VisibilityScope; service: ServiceRow & { locationIds: string[] }; isBusy: boolean }> {
  const [row] = await prepareOnce(db, 'booking_context', (database) => {
    const providerId = sql.placeholder('providerId');
    const start = sql`${sql.placeholder('startsAt')}::timestamptz`;
    return database
      .select({
        organisation: organisations,
        across: accounts.usersVisibleAcrossOrganisations,
        service: services,
        locationIds: sql<string[]>`coalesce((select json_agg(sl.location_id) from ${serviceLocations} sl
          where sl.service_id = ${services.id}), '[]'::json)`,
        isProvider: sql<boolean>`exists (select 1 from ${staffMemberships} m
          where m.organisation_id = ${organisations.id} and m.staff_id = ${providerId}::uuid and m.role = 'provider')`,
        isBusy: sql<boolean>`(${services.capacity} = 1 and exists (select 1 from ${appointments} ap
          where ap.provider_id = ${providerId}::uuid and ap.state <> 'cancelled'
            and (ap.state <> 'held' or ap.hold_expires_at > now())
            and tstzrange(ap.busy_starts_at, ap.busy_ends_at, '[)') && tstzrange(
              ${start} - ${services.bufferBeforeMinutes} * interval '1 minute',
              ${start} + (${services.durationMinutes} + ${services.bufferAfterMinutes}) * interval '1 minute',
              '[)')))`,
      })
      .from(organisations)
      .innerJoin(accounts, eq(accounts.id, organisations.accountId))
      .leftJoin(
        services,
        and(
          eq(services.id, sql`${sql.placeholder('serviceId')}::uuid`),
          eq(services.organisationId, organisations.id),
        ),
      )
      .where(eq(organisations.id, sql`${sql.placeholder('organisationId')}::uuid`))
      .prepare('booking_context');
  }).execute({
    organisationId: input.organisationId,
    serviceId: input.serviceId,
    providerId: input.providerId,
    startsAt: input.startsAt.toISOString(),
  });
  if (!row) throw new AppError('not_visible');
  if (!row.service) throw fieldError('serviceId', 'unknown');
  if (!row.isProvider) throw fieldError('providerId', 'not_a_provider');
  return {
    scope: {
      organisationId: input.organisationId,
      accountId: row.organisation.accountId,
      acrossOrganisations: row.across,
      organisation: row.organisation,
    },
    service: { ...row.service, locationIds: row.locationIds },
    isBusy: Boolean(row.isBusy),
  };
}

export function toServiceSpec(service: ServiceRow & { locationIds: string[] }): ServiceSpec {
  return {
    id: service.id,
    durationMinutes: service.durationMinutes,
    bufferBeforeMinutes: service.bufferBeforeMinutes,
    bufferAfterMinutes: service.bufferAfterMinutes,
    minNoticeMinutes: service.minNoticeMinutes,
    capacity: service.capacity,
    locationIds: service.locationIds,
  };
}

/** Provider ids of an organisation (staff with the provider role), optionally one checked id. */
export async function listProviderIds(
  db: DbOrTx,
  organisationId: string,
  providerId?: string,
): Promise<string[]> {
  const rows = await db
    .select({ id: staffMemberships.staffId })
    .from(staffMemberships)
    .where(
      and(
        eq(staffMemberships.organisationId, organisationId),
        eq(staffMemberships.role, 'provider'),
        providerId ? eq(staffMemberships.staffId, providerId) : undefined,
      ),
    );
  if (providerId && !rows.length) throw fieldError('providerId', 'not_a_provider');
  return rows.map((r) => r.id);
}

export async function loadCalendars(
  db: DbOrTx,
  input: {
    organisationId: string;
    timeZone: string;
    providerIds: string[];
    fromDate: string;
    toDate: string;
    now: Date;
    ignoreAppointmentId?: string;
    /**
     * false: opening hours only (rules, exceptions, absences), no bookings or locks — for a staff
     * booking, whose bookings the database's constraint decides and whose locks staff may book over.
     */
    withOccupancy?: boolean;
  },
): Promise<ProviderCalendar[]> {
  if (!input.providerIds.length) return [];
  const withOccupancy = input.withOccupancy ?? true;
  // A day of margin on each side covers buffers and time-zone edges.
  const from = new Date(dayBounds(input.fromDate, input.timeZone).start - 86_400_000);
  const to = new Date(dayBounds(input.toDate, input.timeZone).end + 86_400_000);
  const providers = inArray(availabilityRules.providerId, input.providerIds);
  const [rules, exceptions, absenceRows, busyRows, groupRows, lockRows] = await Promise.all([
    db
      .select()
      .from(availabilityRules)
      .where(and(providers, eq(availabilityRules.organisationId, input.organisationId))),
    db
      .select()
      .from(availabilityExceptions)
      .where(
        and(
          inArray(availabilityExceptions.providerId, input.providerIds),
          eq(availabilityExceptions.organisationId, input.organisationId),
          sql`${availabilityExceptions.date} between ${input.fromDate} and ${input.toDate}`,
        ),
      ),
    db
      .select()
      .from(absences)
      .where(
        and(
          inArray(absences.providerId, input.providerIds),
          lt(absences.startsAt, to),
          gt(absences.endsAt, from),
        ),
      ),
    // Every organisation's bookings count: a provider working in two clinics is one person (issue #5).
    // Individual appointments only make time busy: their busy periods are merged (back-to-back bookings
    // become one period) and shipped as one string of epoch-millisecond pairs per provider, several times
    // faster to send and parse than a row per appointment.
    withOccupancy
      ? db
          .select({
            providerId: appointments.providerId,
            busy: sql<string>`(select string_agg((extract(epoch from lower(r)) * 1000)::bigint || ',' || (extract(epoch from upper(r)) * 1000)::bigint, ',')
              from unnest(range_agg(tstzrange(${appointments.busyStartsAt}, ${appointments.busyEndsAt}, '[)'))) r)`,
          })
          .from(appointments)
          .where(and(liveBookings(input, from, to), eq(appointments.capacity, 1)))
          .groupBy(appointments.providerId)
      : Promise.resolve([]),
    // Group sessions: a place may still be free.
    withOccupancy
      ? db
          .select({
            providerId: appointments.providerId,
            serviceId: appointments.serviceId,
            startsAt: appointments.startsAt,
            busyStartsAt: appointments.busyStartsAt,
            busyEndsAt: appointments.busyEndsAt,
            capacity: appointments.capacity,
            taken: sql<number>`(select count(*)::int from ${participants} p where p.appointment_id = "appointments"."id"
          and p.status <> 'cancelled' and (p.status <> 'held' or p.hold_expires_at > ${input.now}))`,
          })
          .from(appointments)
          .where(and(liveBookings(input, from, to), sql`${appointments.capacity} > 1`))
      : Promise.resolve([]),
    withOccupancy
      ? db
          .select()
          .from(slotLocks)
          .where(
            and(
              inArray(slotLocks.providerId, input.providerIds),
              lt(slotLocks.startsAt, to),
              gt(slotLocks.endsAt, from),
            ),
          )
      : Promise.resolve([]),
  ]);
  return input.providerIds.map((providerId) => ({
    providerId,
    rules: rules
      .filter((r) => r.providerId === providerId)
      .map((r) => ({
        weekday: r.weekday,
        startTime: r.startTime,
        endTime: r.endTime,
        locationId: r.locationId,
        serviceIds: r.serviceIds,
        validFrom: r.validFrom,
        validUntil: r.validUntil,
      })),
    exceptions: exceptions
      .filter((e) => e.providerId === providerId)
      .map((e) => ({
        date: e.date,
        kind: e.kind,
        startTime: e.startTime,
        endTime: e.endTime,
        locationId: e.locationId,
      })),
    absences: absenceRows
      .filter((a) => a.providerId === providerId)
      .map((a) => ({ start: a.startsAt.getTime(), end: a.endsAt.getTime() })),
    bookings: [
      ...parseBusy(busyRows.find((b) => b.providerId === providerId)?.busy),
      ...groupRows
        .filter((b) => b.providerId === providerId)
        .map((b) => ({
          busy: { start: b.busyStartsAt.getTime(), end: b.busyEndsAt.getTime() },
          start: b.startsAt.getTime(),
          serviceId: b.serviceId,
          remaining: Math.max(0, b.capacity - Number(b.taken)),
        })),
    ],
    locks: lockRows
      .filter((l) => l.providerId === providerId)
      .map((l) => ({ start: l.startsAt.getTime(), end: l.endsAt.getTime() })),
  }));
}

/**
 * Live bookings of the providers whose busy period meets [from, to): answered by the covering index
 * appointments_live_provider_busy_idx alone, the busy start bounded below by the longest busy period.
 */
function liveBookings(
  input: { providerIds: string[]; now: Date; ignoreAppointmentId?: string },
  from: Date,
  to: Date,
) {
  return and(
    inArray(appointments.providerId, input.providerIds),
    // Written out, so that the planner matches the partial index's predicate.
    sql`${appointments.state} <> 'cancelled'`,
    or(ne(appointments.state, 'held'), gt(appointments.holdExpiresAt, input.now)),
    input.ignoreAppointmentId ? ne(appointments.id, input.ignoreAppointmentId) : undefined,
    lt(appointments.busyStartsAt, to),
    gt(appointments.busyStartsAt, new Date(from.getTime() - MAX_BUSY_MS)),
    gt(appointments.busyEndsAt, from),
  );
}

/** "start,end,start,end,…" in epoch milliseconds → busy periods of individual bookings (nobody can join them). */
function parseBusy(pairs: string | null | undefined): ExistingBooking[] {
  if (!pairs) return [];
  const numbers = pairs.split(',');
  const bookings: ExistingBooking[] = [];
  for (let i = 0; i + 1 < numbers.length; i += 2) {
    const busy = { start: Number(numbers[i]), end: Number(numbers[i + 1]) };
    bookings.push({ busy, start: busy.start, serviceId: '', remaining: 0 });
  }
  return bookings;
}

export function assertRange(fromDate: string, toDate: string, maxDays: number) {
  if (toDate < fromDate) throw fieldError('to', 'period');
  const days = (Date.parse(toDate) - Date.parse(fromDate)) / 86_400_000 + 1;
  if (days > maxDays)
    throw new AppError('range_too_long', [{ path: 'to', code: 'range_too_long' }], { days: maxDays });
}
