// SPEC F1: the follow-up list — one row per participant, filtered by period, provider, service, location,
// status and user text, ordered by time with keyset pagination (fast on large data: the period and the
// organisation drive the index `appointments_organisation_time_idx`).
import { and, asc, desc, eq, gte, inArray, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import {
  appointments,
  locations,
  type ParticipantStatus,
  participants,
  services,
  staff,
  users,
} from '../db/schema.ts';
import { tagsOfUsers } from '../tags/queries.ts';
import { type VisibilityScope, visibleUsers } from '../users/visibility.ts';

export type FollowupFilter = {
  from: Date;
  to: Date;
  providerId?: string;
  serviceId?: string;
  locationId?: string;
  /** The participants of one appointment (its own page acts on them with the batch window). */
  appointmentId?: string;
  statuses?: ParticipantStatus[];
  q?: string;
  order: 'asc' | 'desc';
  cursor?: string;
  limit: number;
};

export async function listFollowup(db: DbOrTx, scope: VisibilityScope, filter: FollowupFilter) {
  const conditions: (SQL | undefined)[] = [
    eq(appointments.organisationId, scope.organisationId),
    gte(appointments.startsAt, filter.from),
    lt(appointments.startsAt, filter.to),
    ne(participants.status, 'held'),
    filter.providerId ? eq(appointments.providerId, filter.providerId) : undefined,
    filter.serviceId ? eq(appointments.serviceId, filter.serviceId) : undefined,
    filter.locationId ? eq(appointments.locationId, filter.locationId) : undefined,
    filter.appointmentId ? eq(appointments.id, filter.appointmentId) : undefined,
    filter.statuses?.length ? inArray(participants.status, filter.statuses) : undefined,
    visibleUsers(scope),
  ];
  for (const term of (filter.q ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 4)) {
    const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(
        sql`${users.searchName} like '%' || immutable_unaccent(lower(${term})) || '%'`,
        sql`${users.email} like ${like.toLowerCase()}`,
      ),
    );
  }
  if (filter.cursor) {
    const [startsAt, id] = JSON.parse(Buffer.from(filter.cursor, 'base64url').toString('utf8')) as [
      string,
      string,
    ];
    conditions.push(
      filter.order === 'asc'
        ? sql`(${appointments.startsAt}, ${participants.id}) > (${startsAt}::timestamptz, ${id}::uuid)`
        : sql`(${appointments.startsAt}, ${participants.id}) < (${startsAt}::timestamptz, ${id}::uuid)`,
    );
  }
  const direction = filter.order === 'asc' ? asc : desc;
  const rows = await db
    .select({
      participantId: participants.id,
      status: participants.status,
      appointmentId: appointments.id,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      state: appointments.state,
      userId: users.id,
      firstName: users.firstName,
      lastName: users.lastName,
      email: users.email,
      mobilePhone: users.mobilePhone,
      serviceNameFr: services.nameFr,
      serviceNameEn: services.nameEn,
      serviceId: services.id,
      providerId: staff.id,
      providerFirst: staff.firstName,
      providerLast: staff.lastName,
      locationId: appointments.locationId,
      locationName: locations.name,
    })
    .from(participants)
    .innerJoin(appointments, eq(appointments.id, participants.appointmentId))
    .innerJoin(users, eq(users.id, participants.userId))
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(staff, eq(staff.id, appointments.providerId))
    .leftJoin(locations, eq(locations.id, appointments.locationId))
    .where(and(...conditions))
    .orderBy(direction(appointments.startsAt), direction(participants.id))
    .limit(filter.limit + 1);
  const now = Date.now();
  const page = rows.slice(0, filter.limit);
  const tagRows = await tagsOfUsers(db, [...new Set(page.map((row) => row.userId))]);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      participantId: row.participantId,
      appointmentId: row.appointmentId,
      status: row.status,
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      isUpcoming: row.startsAt.getTime() > now,
      user: {
        id: row.userId,
        name: `${row.firstName} ${row.lastName}`,
        hasEmail: Boolean(row.email),
        hasMobile: Boolean(row.mobilePhone),
      },
      tags: tagRows.filter((tag) => tag.userId === row.userId).map(({ userId: _userId, ...tag }) => tag),
      service: { id: row.serviceId, name: { fr: row.serviceNameFr, en: row.serviceNameEn } },
      provider: { id: row.providerId, name: `${row.providerFirst} ${row.providerLast}` },
      location: row.locationId ? { id: row.locationId, name: row.locationName ?? '' } : null,
    })),
    nextCursor:
      rows.length > filter.limit && last
        ? Buffer.from(JSON.stringify([last.startsAt.toISOString(), last.participantId])).toString('base64url')
        : null,
  };
}
