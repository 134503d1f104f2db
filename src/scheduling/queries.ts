// Read models of scheduling: a provider's week/day (S9), one appointment with its participants and
// history (S6/S7), providers and availability of an organisation.
import { and, asc, desc, eq, gt, inArray, lt, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import {
  absences,
  appointmentHistory,
  appointments,
  availabilityExceptions,
  availabilityRules,
  meetingInvitations,
  meetings,
  participants,
  services,
  slotLocks,
  staff,
  staffMemberships,
  users,
} from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { listProviderIds, loadCalendars } from './calendars.ts';
import { eachDate, openingsOn } from './slots.ts';

export async function listProviders(db: DbOrTx, organisationId: string) {
  return db
    .select({ id: staff.id, firstName: staff.firstName, lastName: staff.lastName })
    .from(staffMemberships)
    .innerJoin(staff, eq(staff.id, staffMemberships.staffId))
    .where(and(eq(staffMemberships.organisationId, organisationId), eq(staffMemberships.role, 'provider')))
    .orderBy(asc(staff.lastName), asc(staff.firstName));
}

async function participantsOf(db: DbOrTx, appointmentIds: string[]) {
  if (!appointmentIds.length) return [];
  return db
    .select({
      id: participants.id,
      appointmentId: participants.appointmentId,
      userId: participants.userId,
      status: participants.status,
      firstName: users.firstName,
      lastName: users.lastName,
    })
    .from(participants)
    .innerJoin(users, eq(users.id, participants.userId))
    .where(and(inArray(participants.appointmentId, appointmentIds), ne(participants.status, 'held')))
    .orderBy(asc(users.lastName));
}

export type ScheduleQuery = {
  organisationId: string;
  timeZone: string;
  providerId: string;
  fromDate: string;
  toDate: string;
};

/** S9: everything the week/day view of one provider shows. */
export async function getSchedule(db: DbOrTx, query: ScheduleQuery) {
  await listProviderIds(db, query.organisationId, query.providerId);
  const [calendar] = await loadCalendars(db, {
    organisationId: query.organisationId,
    timeZone: query.timeZone,
    providerIds: [query.providerId],
    fromDate: query.fromDate,
    toDate: query.toDate,
    now: new Date(),
  });
  const from = new Date(`${query.fromDate}T00:00:00Z`).getTime() - 86_400_000;
  const to = new Date(`${query.toDate}T00:00:00Z`).getTime() + 2 * 86_400_000;
  const rows = await db
    .select({
      appointment: appointments,
      nameFr: services.nameFr,
      nameEn: services.nameEn,
      color: services.color,
      meeting: meetings,
    })
    .from(appointments)
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .leftJoin(meetings, eq(meetings.appointmentId, appointments.id))
    .where(
      and(
        // V5/V6: the provider's own appointments and the meetings they are invited to (not declined).
        or(
          eq(appointments.providerId, query.providerId),
          sql`exists (select 1 from ${meetingInvitations} mi where mi.appointment_id = ${appointments.id}
              and mi.staff_id = ${query.providerId} and mi.status <> 'declined')`,
        ),
        eq(appointments.organisationId, query.organisationId),
        eq(appointments.state, 'booked'),
        lt(appointments.startsAt, new Date(to)),
        gt(appointments.endsAt, new Date(from)),
      ),
    )
    .orderBy(asc(appointments.startsAt));
  const people = await participantsOf(
    db,
    rows.map((r) => r.appointment.id),
  );
  // Free time = opening hours, for every service (no service filter: the view shows the whole day).
  const anyService = {
    id: '*',
    durationMinutes: 5,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minNoticeMinutes: 0,
    capacity: 1,
    locationIds: [],
  };
  const openings = eachDate(query.fromDate, query.toDate).flatMap((date) =>
    openingsOn(
      { ...calendar!, rules: calendar!.rules.map((r) => ({ ...r, serviceIds: null })) },
      anyService,
      date,
      query.timeZone,
    ),
  );
  const locks = await db
    .select()
    .from(slotLocks)
    .where(
      and(
        eq(slotLocks.providerId, query.providerId),
        lt(slotLocks.startsAt, new Date(to)),
        gt(slotLocks.endsAt, new Date(from)),
      ),
    );
  const absenceRows = await db
    .select()
    .from(absences)
    .where(
      and(
        eq(absences.providerId, query.providerId),
        lt(absences.startsAt, new Date(to)),
        gt(absences.endsAt, new Date(from)),
      ),
    );
  return {
    appointments: rows.map(({ appointment, nameFr, nameEn, color, meeting }) => ({
      id: appointment.id,
      meeting: meeting
        ? {
            title: meeting.title,
            isHost: appointment.providerId === query.providerId,
            seriesId: meeting.seriesId,
            joinUrl: meeting.joinUrl,
          }
        : null,
      startsAt: appointment.startsAt.toISOString(),
      endsAt: appointment.endsAt.toISOString(),
      serviceId: appointment.serviceId,
      serviceName: { fr: nameFr, en: nameEn },
      color,
      locationId: appointment.locationId,
      capacity: appointment.capacity,
      participants: people
        .filter((p) => p.appointmentId === appointment.id)
        .map((p) => ({
          id: p.id,
          userId: p.userId!,
          name: `${p.firstName} ${p.lastName}`,
          status: p.status,
        })),
    })),
    locks: locks.map((l) => ({
      id: l.id,
      startsAt: l.startsAt.toISOString(),
      endsAt: l.endsAt.toISOString(),
      reason: l.reason,
    })),
    absences: absenceRows.map((a) => ({
      id: a.id,
      startsAt: a.startsAt.toISOString(),
      endsAt: a.endsAt.toISOString(),
      reason: a.reason,
    })),
    openings: openings.map((o) => ({
      startsAt: new Date(o.start).toISOString(),
      endsAt: new Date(o.end).toISOString(),
      locationId: o.locationId,
    })),
  };
}

/** S6/S7: one appointment with its participants and its history. */
export async function getAppointmentDetail(db: DbOrTx, organisationId: string, appointmentId: string) {
  const [row] = await db
    .select({
      appointment: appointments,
      service: services,
      providerFirst: staff.firstName,
      providerLast: staff.lastName,
    })
    .from(appointments)
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(staff, eq(staff.id, appointments.providerId))
    .where(
      and(
        eq(appointments.id, appointmentId),
        eq(appointments.organisationId, organisationId),
        ne(appointments.state, 'held'),
      ),
    );
  if (!row) throw new AppError('not_found');
  const people = await participantsOf(db, [appointmentId]);
  const history = await db
    .select({ entry: appointmentHistory, firstName: staff.firstName, lastName: staff.lastName })
    .from(appointmentHistory)
    .leftJoin(staff, eq(staff.id, appointmentHistory.actorStaffId))
    .where(eq(appointmentHistory.appointmentId, appointmentId))
    .orderBy(desc(appointmentHistory.seq));
  const { appointment, service } = row;
  return {
    id: appointment.id,
    state: appointment.state,
    startsAt: appointment.startsAt.toISOString(),
    endsAt: appointment.endsAt.toISOString(),
    providerId: appointment.providerId,
    providerName: `${row.providerFirst} ${row.providerLast}`,
    locationId: appointment.locationId,
    service: {
      id: service.id,
      nameFr: service.nameFr,
      nameEn: service.nameEn,
      capacity: service.capacity,
      isVideo: service.isVideo,
    },
    isUpcoming: appointment.startsAt.getTime() > Date.now(),
    participants: people.map((p) => ({
      id: p.id,
      userId: p.userId!,
      name: `${p.firstName} ${p.lastName}`,
      status: p.status,
    })),
    history: history.map(({ entry, firstName, lastName }) => ({
      id: entry.id,
      action: entry.action,
      at: entry.at.toISOString(),
      participantId: entry.participantId,
      actor: entry.actorIsUser ? 'user' : firstName ? `${firstName} ${lastName}` : null,
      details: entry.details,
    })),
  };
}

/** S2: a provider's weekly hours, upcoming exceptions and absences, for the availability editor. */
export async function getAvailability(db: DbOrTx, organisationId: string, providerId: string) {
  const [rules, exceptions, absenceRows] = await Promise.all([
    db
      .select()
      .from(availabilityRules)
      .where(
        and(
          eq(availabilityRules.providerId, providerId),
          eq(availabilityRules.organisationId, organisationId),
        ),
      )
      .orderBy(asc(availabilityRules.weekday), asc(availabilityRules.startTime)),
    db
      .select()
      .from(availabilityExceptions)
      .where(
        and(
          eq(availabilityExceptions.providerId, providerId),
          eq(availabilityExceptions.organisationId, organisationId),
          sql`${availabilityExceptions.date} >= current_date - 1`,
        ),
      )
      .orderBy(asc(availabilityExceptions.date)),
    db
      .select()
      .from(absences)
      .where(and(eq(absences.providerId, providerId), or(gt(absences.endsAt, new Date()))))
      .orderBy(asc(absences.startsAt)),
  ]);
  return {
    rules: rules.map((r) => ({
      weekday: r.weekday,
      startTime: r.startTime,
      endTime: r.endTime,
      locationId: r.locationId,
      serviceIds: r.serviceIds,
      validFrom: r.validFrom,
      validUntil: r.validUntil,
    })),
    exceptions: exceptions.map((e) => ({
      id: e.id,
      date: e.date,
      kind: e.kind,
      startTime: e.startTime,
      endTime: e.endTime,
      locationId: e.locationId,
      note: e.note,
    })),
    absences: absenceRows.map((a) => ({
      id: a.id,
      startsAt: a.startsAt.toISOString(),
      endsAt: a.endsAt.toISOString(),
      reason: a.reason,
    })),
  };
}

/** The appointments of one user record, newest first, with their own status (shown on the record page). */
export async function listUserAppointments(db: DbOrTx, organisationId: string, userId: string) {
  const rows = await db
    .select({
      participantId: participants.id,
      status: participants.status,
      appointmentId: appointments.id,
      state: appointments.state,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      organisationId: appointments.organisationId,
      serviceNameFr: services.nameFr,
      serviceNameEn: services.nameEn,
      providerFirst: staff.firstName,
      providerLast: staff.lastName,
    })
    .from(participants)
    .innerJoin(appointments, eq(appointments.id, participants.appointmentId))
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(staff, eq(staff.id, appointments.providerId))
    .where(
      and(
        eq(participants.userId, userId),
        eq(appointments.organisationId, organisationId),
        ne(participants.status, 'held'),
      ),
    )
    .orderBy(desc(appointments.startsAt))
    .limit(200);
  return rows.map((row) => ({
    participantId: row.participantId,
    appointmentId: row.appointmentId,
    status: row.status,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    serviceName: { fr: row.serviceNameFr, en: row.serviceNameEn },
    providerName: `${row.providerFirst} ${row.providerLast}`,
  }));
}
