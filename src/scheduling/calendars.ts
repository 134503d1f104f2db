// Loads what slot generation needs from the database: providers' rules, exceptions, absences, live
// bookings (with buffers, expired holds left out) and locks over a period. The maths stay in slots.ts.
import { and, eq, sql } from 'drizzle-orm';
import { type Db, type DbOrTx, executeNamed, prepareOnce } from '../db/client.ts';
import {
  accounts,
  appointments,
  organisations,
  serviceLocations,
  services,
  staffMemberships,
} from '../db/schema.ts';
import { AppError, fieldError } from '../errors.ts';
import type { VisibilityScope } from '../users/visibility.ts';
import { type Interval, subtract } from './intervals.ts';
import { dayBounds, type ExistingBooking, type ProviderCalendar, type ServiceSpec } from './slots.ts';

export type ServiceRow = typeof services.$inferSelect;

/** The longest busy period: at most 1440 minutes of service and two buffers of 240 (check constraints). */
export const MAX_BUSY_MS = (1440 + 2 * 240) * 60_000;

export async function loadService(db: DbOrTx, organisationId: string, serviceId: string) {
  const [service] = await db
    .select({
      service: services,
      locationIds: sql<string[]>`coalesce((select json_agg(sl.location_id) from ${serviceLocations} sl
        where sl.service_id = ${services.id}), '[]'::json)`,
    })
    .from(services)
    .where(and(eq(services.id, serviceId), eq(services.organisationId, organisationId)));
  if (!service) throw fieldError('serviceId', 'unknown');
  return { ...service.service, locationIds: service.locationIds };
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

export type CalendarsInput = {
  organisationId: string;
  timeZone: string;
  /**
   * The providers; without them, the organisation's providers (or `providerId` alone, checked to be one of
   * them) are read in the same statement.
   */
  providerIds?: string[];
  providerId?: string;
  fromDate: string;
  toDate: string;
  now: Date;
  ignoreAppointmentId?: string;
  /**
   * false: opening hours only (rules, exceptions, absences), no bookings or locks — for a staff
   * booking, whose bookings the database's constraint decides and whose locks staff may book over.
   */
  withOccupancy?: boolean;
};

type CalendarRows = {
  /** The providers read when none were given. */
  providers: string[];
  /** [provider, weekday, start, end, location, services, valid from, valid until] */
  rules: [string, number, string, string, string | null, string[] | null, string | null, string | null][];
  /** [provider, date, kind, start, end, location] */
  exceptions: [string, string, 'extra' | 'removed', string | null, string | null, string | null][];
  /** [provider, start, end] in epoch milliseconds (absences, live holds, locks) */
  absences: [string, number, number][];
  holds: [string, number, number][];
  locks: [string, number, number][];
  /** "provider:start,end,…;…" (minutes) of booked individual appointments, a part per provider_busy_days row */
  busy: string;
  /** [provider, start, end, counted] of the moved appointment */
  ignored: [string, number, number, boolean][];
  /** [provider, service, start, busy start, busy end, capacity, places taken] */
  groups: [string, string, number, number, number, number, number][];
};

const ms = (column: string) => sql.raw(`(extract(epoch from ${column}) * 1000)::bigint`);

/**
 * Everything slot generation needs for some providers over a period, in one statement (issue #5: eight
 * queries cost more in round trips and query building than in the database). Every organisation's bookings
 * count: a provider working in two clinics is one person.
 */
export async function loadCalendars(db: DbOrTx, input: CalendarsInput): Promise<ProviderCalendar[]> {
  if (input.providerIds && !input.providerIds.length) return [];
  const withOccupancy = input.withOccupancy ?? true;
  // A day of margin on each side covers buffers and time-zone edges.
  const from = new Date(dayBounds(input.fromDate, input.timeZone).start - 86_400_000);
  const to = new Date(dayBounds(input.toDate, input.timeZone).end + 86_400_000);
  const ids = input.providerIds
    ? sql`${`{${input.providerIds.join(',')}}`}::uuid[]`
    : sql`(select providers from chosen)::uuid[]`;
  const fromAt = sql`${from.toISOString()}::timestamptz`;
  const toAt = sql`${to.toISOString()}::timestamptz`;
  const now = sql`${input.now.toISOString()}::timestamptz`;
  // Rows whose busy period meets [from, to); the busy start is bounded below by the longest busy period so
  // that an index on (provider, busy start) answers it. The moved appointment is left out.
  const busyStartFloor = sql`${new Date(from.getTime() - MAX_BUSY_MS).toISOString()}::timestamptz`;
  const inPeriod = sql`a.provider_id = any(${ids}) and a.busy_starts_at < ${toAt}
    and a.busy_starts_at > ${busyStartFloor} and a.busy_ends_at > ${fromAt}
    and a.id is distinct from ${input.ignoreAppointmentId ?? null}::uuid`;
  const list = (columns: ReturnType<typeof sql>, rest: ReturnType<typeof sql>) =>
    sql`(select coalesce(json_agg(json_build_array(${columns})), '[]') ${rest})`;
  const occupancy = withOccupancy
    ? sql`,
      -- Booked individual appointments: the days migration 0012's trigger keeps (the day a busy period
      -- starts on), already merged, in minutes since the epoch — ~30 short rows per provider and month —
      -- as "provider:start,end,…;…": plain text, neither escaped into JSON nor sorted.
      (select string_agg(d.provider_id::text || ':' || d.busy_minutes, ';') from provider_busy_days d
        where d.provider_id = any(${ids}) and d.busy_minutes <> ''
          and d.day between ${utcDate(from.getTime() - MAX_BUSY_MS)}::date and ${utcDate(to.getTime())}::date
      ) as busy,
      -- Live holds of individual services: part of the no-overlap guarantee while they live (S10).
      ${list(
        sql`a.provider_id, ${ms('a.busy_starts_at')}, ${ms('a.busy_ends_at')}`,
        sql`from appointments a where a.state = 'held' and a.capacity = 1 and a.hold_expires_at > ${now}
          and ${inPeriod}`,
      )} as holds,
      -- Group sessions: a place may still be free.
      ${list(
        sql`a.provider_id, a.service_id, ${ms('a.starts_at')}, ${ms('a.busy_starts_at')}, ${ms('a.busy_ends_at')},
          a.capacity, (select count(*) from appointment_participants p where p.appointment_id = a.id
            and p.status <> 'cancelled' and (p.status <> 'held' or p.hold_expires_at > ${now}))`,
        sql`from appointments a where a.state <> 'cancelled' and a.capacity > 1
          and (a.state <> 'held' or a.hold_expires_at > ${now}) and ${inPeriod}`,
      )} as groups,
      ${list(
        sql`l.provider_id, ${ms('l.starts_at')}, ${ms('l.ends_at')}`,
        sql`from slot_locks l where l.provider_id = any(${ids}) and l.ends_at > ${fromAt} and l.starts_at < ${toAt}`,
      )} as locks,
      -- The appointment being moved: its own time is not busy for its new one.
      ${list(
        sql`a.provider_id, ${ms('a.busy_starts_at')}, ${ms('a.busy_ends_at')}, a.state = 'booked' and a.capacity = 1`,
        sql`from appointments a where a.id = ${input.ignoreAppointmentId ?? null}::uuid`,
      )} as ignored`
    : sql``;
  const chosen = input.providerIds
    ? sql``
    : sql`with chosen as (select coalesce(array_agg(m.staff_id order by m.staff_id), '{}') as providers
        from staff_memberships m where m.organisation_id = ${input.organisationId}::uuid and m.role = 'provider'
          and (${input.providerId ?? null}::uuid is null or m.staff_id = ${input.providerId ?? null}::uuid))`;
  const [row] = await executeNamed<Partial<Record<keyof CalendarRows, unknown>>>(
    db,
    sql`${chosen} select
    ${input.providerIds ? sql`null` : sql`(select to_json(providers) from chosen)`} as providers,
    ${list(
      sql`r.provider_id, r.weekday, r.start_time, r.end_time, r.location_id, r.service_ids, r.valid_from, r.valid_until`,
      sql`from availability_rules r where r.organisation_id = ${input.organisationId}::uuid and r.provider_id = any(${ids})`,
    )} as rules,
    ${list(
      sql`e.provider_id, e.date, e.kind, e.start_time, e.end_time, e.location_id`,
      sql`from availability_exceptions e where e.organisation_id = ${input.organisationId}::uuid
        and e.provider_id = any(${ids}) and e.date between ${input.fromDate}::date and ${input.toDate}::date`,
    )} as exceptions,
    ${list(
      sql`x.provider_id, ${ms('x.starts_at')}, ${ms('x.ends_at')}`,
      sql`from absences x where x.provider_id = any(${ids}) and x.starts_at < ${toAt} and x.ends_at > ${fromAt}`,
    )} as absences${occupancy}`,
  );
  const rows = parseRows(row ?? {});
  const providerIds = input.providerIds ?? rows.providers;
  const period = { start: from.getTime(), end: to.getTime() };
  const busyDays = busyByProvider(rows.busy);
  return providerIds.map((providerId) => ({
    providerId,
    rules: rows.rules
      .filter((r) => r[0] === providerId)
      .map(([, weekday, startTime, endTime, locationId, serviceIds, validFrom, validUntil]) => ({
        weekday,
        startTime,
        endTime,
        locationId,
        serviceIds,
        validFrom,
        validUntil,
      })),
    exceptions: rows.exceptions
      .filter((e) => e[0] === providerId)
      .map(([, date, kind, startTime, endTime, locationId]) => ({
        date,
        kind,
        startTime,
        endTime,
        locationId,
      })),
    absences: intervalsOf(rows.absences, providerId),
    bookings: [
      ...individualBookings(
        busyDays.get(providerId),
        intervalsOf(rows.holds, providerId),
        rows.ignored.find((i) => i[0] === providerId && i[3]),
        period,
      ),
      ...rows.groups
        .filter((g) => g[0] === providerId)
        .map(([, serviceId, start, busyStart, busyEnd, capacity, taken]) => ({
          busy: { start: busyStart, end: busyEnd },
          start,
          serviceId,
          remaining: Math.max(0, capacity - taken),
        })),
    ],
    locks: intervalsOf(rows.locks, providerId),
  }));
}

/** PGlite and node-postgres both hand json back parsed; a driver that gives text gets it parsed here. */
function parseRows(row: Partial<Record<keyof CalendarRows, unknown>>): CalendarRows {
  const read = <K extends keyof CalendarRows>(key: K): CalendarRows[K] => {
    const value = row[key];
    if (value === undefined || value === null) return [] as unknown as CalendarRows[K];
    return (typeof value === 'string' ? JSON.parse(value) : value) as CalendarRows[K];
  };
  return {
    providers: Array.isArray(row.providers) ? (row.providers as string[]) : [],
    rules: read('rules'),
    exceptions: read('exceptions'),
    absences: read('absences'),
    holds: read('holds'),
    locks: read('locks'),
    busy: typeof row.busy === 'string' ? row.busy : '',
    ignored: read('ignored'),
    groups: read('groups'),
  };
}

function intervalsOf(rows: [string, number, number][], providerId: string): Interval[] {
  const out: Interval[] = [];
  for (const [id, start, end] of rows) if (id === providerId) out.push({ start, end });
  return out;
}

/**
 * "provider:start,end,…;provider:…" → each provider's "start,end,…" in minutes, its days in order (each
 * day's periods are in order and start on that day, so ordering days by their first start orders them all).
 */
function busyByProvider(text: string): Map<string, string> {
  const parts = new Map<string, { first: number; periods: string }[]>();
  if (!text) return new Map();
  for (const part of text.split(';')) {
    const colon = part.indexOf(':');
    const providerId = part.slice(0, colon);
    const periods = part.slice(colon + 1);
    const day = { first: Number.parseInt(periods, 10), periods };
    const known = parts.get(providerId);
    if (known) known.push(day);
    else parts.set(providerId, [day]);
  }
  const byProvider = new Map<string, string>();
  for (const [providerId, days] of parts) {
    days.sort((x, y) => x.first - y.first);
    byProvider.set(providerId, days.map((day) => day.periods).join(','));
  }
  return byProvider;
}

/** The UTC date of an instant, as provider_busy_days keys its rows. */
function utcDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/**
 * Busy periods of individual bookings (nobody can join them) meeting `period`: the days' "start,end,…" in
 * minutes since the epoch and the live holds, without the moved appointment's own time. Booked appointments
 * never overlap one another (the exclusion constraint), so removing one's period from the merged days is
 * exact.
 */
function individualBookings(
  pairs: string | undefined,
  holds: Interval[],
  ignored: [string, number, number, boolean] | undefined,
  period: Interval,
): ExistingBooking[] {
  let busy: Interval[] = [];
  if (pairs) {
    // JSON.parse reads thousands of small integers several times faster than split and Number.
    const minutes = JSON.parse(`[${pairs}]`) as number[];
    for (let i = 0; i + 1 < minutes.length; i += 2) {
      const start = minutes[i]! * 60_000;
      const end = minutes[i + 1]! * 60_000;
      if (start < period.end && end > period.start) busy.push({ start, end });
    }
  }
  if (ignored) busy = subtract(busy, [{ start: ignored[1], end: ignored[2] }]);
  // Holds last: the slot search sorts only when there are some.
  busy.push(...holds);
  return busy.map((interval) => ({ busy: interval, start: interval.start, serviceId: '', remaining: 0 }));
}

export function assertRange(fromDate: string, toDate: string, maxDays: number) {
  if (toDate < fromDate) throw fieldError('to', 'period');
  const days = (Date.parse(toDate) - Date.parse(fromDate)) / 86_400_000 + 1;
  if (days > maxDays)
    throw new AppError('range_too_long', [{ path: 'to', code: 'range_too_long' }], { days: maxDays });
}
