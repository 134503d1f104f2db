// SPEC R1: appointment reports — counts by participant status over a period, grouped by service,
// provider or location, a time series by week or month (in the organisation's time zone), and a CSV export
// that streams in keyset batches so 100,000 rows never sit in memory at once.
import { and, asc, eq, gte, lt, ne, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import {
  appointments,
  locations,
  participants,
  services,
  staff,
  staffMemberships,
  users,
} from '../db/schema.ts';
import { translate } from '../i18n/index.ts';

export const REPORT_STATUSES = ['scheduled', 'present', 'absent', 'not_eligible', 'cancelled'] as const;
type Counts = Record<(typeof REPORT_STATUSES)[number], number>;

export type ReportFilter = {
  organisationId: string;
  timeZone: string;
  from: Date;
  to: Date;
  providerId?: string;
  serviceId?: string;
  locationId?: string;
};

function conditions(filter: ReportFilter): SQL {
  return and(
    eq(appointments.organisationId, filter.organisationId),
    gte(appointments.startsAt, filter.from),
    lt(appointments.startsAt, filter.to),
    ne(participants.status, 'held'),
    filter.providerId ? eq(appointments.providerId, filter.providerId) : undefined,
    filter.serviceId ? eq(appointments.serviceId, filter.serviceId) : undefined,
    filter.locationId ? eq(appointments.locationId, filter.locationId) : undefined,
  )!;
}

const emptyCounts = (): Counts => ({ scheduled: 0, present: 0, absent: 0, not_eligible: 0, cancelled: 0 });

function fold<T extends { status: string; n: number }>(rows: T[], keyOf: (row: T) => string) {
  const map = new Map<string, Counts>();
  for (const row of rows) {
    const counts = map.get(keyOf(row)) ?? emptyCounts();
    if (row.status in counts) counts[row.status as keyof Counts] += Number(row.n);
    map.set(keyOf(row), counts);
  }
  return map;
}

export async function appointmentReport(
  db: DbOrTx,
  filter: ReportFilter & { groupBy: 'service' | 'provider' | 'location'; interval: 'week' | 'month' },
) {
  const where = conditions(filter);
  const groupColumn =
    filter.groupBy === 'service'
      ? appointments.serviceId
      : filter.groupBy === 'provider'
        ? appointments.providerId
        : appointments.locationId;
  const period = sql<string>`to_char(date_trunc(${filter.interval}, ${appointments.startsAt} at time zone ${filter.timeZone}), 'YYYY-MM-DD')`;
  const [grouped, series, serviceRows, providerRows, locationRows] = await Promise.all([
    db
      .select({ key: groupColumn, status: participants.status, n: sql<number>`count(*)::int` })
      .from(participants)
      .innerJoin(appointments, eq(appointments.id, participants.appointmentId))
      .where(where)
      .groupBy(groupColumn, participants.status),
    db
      .select({ period, status: participants.status, n: sql<number>`count(*)::int` })
      .from(participants)
      .innerJoin(appointments, eq(appointments.id, participants.appointmentId))
      .where(where)
      // By position: the period expression carries parameters, which PostgreSQL cannot match by text.
      .groupBy(sql`1`, sql`2`)
      .orderBy(sql`1`),
    db
      .select({ id: services.id, fr: services.nameFr, en: services.nameEn })
      .from(services)
      .where(eq(services.organisationId, filter.organisationId)),
    db
      .select({ id: staff.id, first: staff.firstName, last: staff.lastName })
      .from(staff)
      .innerJoin(staffMemberships, eq(staffMemberships.staffId, staff.id))
      .where(eq(staffMemberships.organisationId, filter.organisationId)),
    db
      .select({ id: locations.id, name: locations.name })
      .from(locations)
      .where(eq(locations.organisationId, filter.organisationId)),
  ]);
  const label = (key: string | null): { fr: string; en: string } => {
    if (filter.groupBy === 'service') {
      const s = serviceRows.find((r) => r.id === key);
      return { fr: s?.fr ?? '—', en: s?.en ?? '—' };
    }
    if (filter.groupBy === 'provider') {
      const p = providerRows.find((r) => r.id === key);
      const name = p ? `${p.first} ${p.last}` : '—';
      return { fr: name, en: name };
    }
    const name = locationRows.find((r) => r.id === key)?.name ?? '—';
    return { fr: name, en: name };
  };
  const groups = fold(grouped, (row) => row.key ?? '');
  const totals = emptyCounts();
  for (const counts of groups.values())
    for (const status of REPORT_STATUSES) totals[status] += counts[status];
  return {
    totals,
    total: REPORT_STATUSES.reduce((sum, status) => sum + totals[status], 0),
    groups: [...groups].map(([key, counts]) => ({ key: key || null, label: label(key || null), counts })),
    series: [...fold(series, (row) => row.period)].map(([periodStart, counts]) => ({
      period: periodStart,
      counts,
    })),
  };
}

const CSV_BATCH = 2000;

export function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  // Quote always; neutralise spreadsheet formulas (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** How many rows the CSV export of this filter holds (for progress). */
export async function countAppointmentRows(db: DbOrTx, filter: ReportFilter): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(participants)
    .innerJoin(appointments, eq(appointments.id, participants.appointmentId))
    .where(conditions(filter));
  return row?.n ?? 0;
}

/** Yields the CSV text chunk by chunk: a BOM and header first, then batches of rows read by keyset. */
export async function* exportAppointmentsCsv(
  db: DbOrTx,
  filter: ReportFilter,
  language: 'fr' | 'en',
  /** Told the size of each batch written (the command line's progress). */
  onRows?: (count: number) => void,
) {
  const headers = ['date', 'user', 'service', 'provider', 'location', 'status'].map((key) =>
    translate(language, `csv.${key}`),
  );
  yield `\uFEFF${headers.map(csvCell).join(',')}\r\n`;
  let after: { startsAt: Date; id: string } | undefined;
  for (;;) {
    const rows = await db
      .select({
        id: participants.id,
        startsAt: appointments.startsAt,
        status: participants.status,
        firstName: users.firstName,
        lastName: users.lastName,
        serviceFr: services.nameFr,
        serviceEn: services.nameEn,
        providerFirst: staff.firstName,
        providerLast: staff.lastName,
        location: locations.name,
      })
      .from(participants)
      .innerJoin(appointments, eq(appointments.id, participants.appointmentId))
      .innerJoin(users, eq(users.id, participants.userId))
      .innerJoin(services, eq(services.id, appointments.serviceId))
      .innerJoin(staff, eq(staff.id, appointments.providerId))
      .leftJoin(locations, eq(locations.id, appointments.locationId))
      .where(
        and(
          conditions(filter),
          after
            ? sql`(${appointments.startsAt}, ${participants.id}) > (${after.startsAt.toISOString()}::timestamptz, ${after.id}::uuid)`
            : undefined,
        ),
      )
      .orderBy(asc(appointments.startsAt), asc(participants.id))
      .limit(CSV_BATCH);
    if (!rows.length) return;
    const local = new Intl.DateTimeFormat('sv-SE', {
      timeZone: filter.timeZone,
      dateStyle: 'short',
      timeStyle: 'short',
    });
    yield rows
      .map((row) =>
        [
          local.format(row.startsAt),
          `${row.firstName} ${row.lastName}`,
          language === 'fr' ? row.serviceFr : row.serviceEn,
          `${row.providerFirst} ${row.providerLast}`,
          row.location ?? '',
          translate(language, `statuses.${row.status}`),
        ]
          .map(csvCell)
          .join(','),
      )
      .join('\r\n')
      .concat('\r\n');
    onRows?.(rows.length);
    const last = rows.at(-1)!;
    after = { startsAt: last.startsAt, id: last.id };
    if (rows.length < CSV_BATCH) return;
  }
}
