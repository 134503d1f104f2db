// SPEC V6: read models of video meetings — the Consultations tab's *Active* meetings (mine as host or as an
// invitee who accepted; every meeting of the organisation for agents and admins, who act for hosts) and
// *Pending* invitations awaiting my answer — and one meeting by id. A list reads the meetings, then their
// invitations, patients and series counts in one query each.
import { and, asc, eq, gt, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import { roleIn, type StaffActor } from '../auth/actor.ts';
import type { DbOrTx } from '../db/client.ts';
import {
  appointments,
  meetingInvitations,
  meetings,
  participants,
  services,
  staff,
  users,
} from '../db/schema.ts';
import { AppError } from '../errors.ts';

export type MeetingView = 'active' | 'pending';
const LIST_LIMIT = 200;

const invitedWith = (staffId: string, statuses: string[]) =>
  sql`exists (select 1 from ${meetingInvitations} mi where mi.appointment_id = ${meetings.appointmentId}
      and mi.staff_id = ${staffId} and mi.status in (${sql.join(
        statuses.map((status) => sql`${status}`),
        sql`, `,
      )}))`;

function viewCondition(actor: StaffActor, organisationId: string, view: MeetingView): SQL {
  const me = actor.staffId;
  if (view === 'pending') return invitedWith(me, ['pending']);
  const role = roleIn(actor, organisationId);
  if (role === 'admin' || role === 'agent') return sql`true`;
  return or(eq(appointments.providerId, me), invitedWith(me, ['accepted']))!;
}

async function readMeetings(db: DbOrTx, where: SQL) {
  return db
    .select({ meeting: meetings, appointment: appointments, service: services, host: staff })
    .from(meetings)
    .innerJoin(appointments, eq(appointments.id, meetings.appointmentId))
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(staff, eq(staff.id, appointments.providerId))
    .where(where)
    .orderBy(asc(appointments.startsAt))
    .limit(LIST_LIMIT);
}

async function describe(
  db: DbOrTx,
  actor: StaffActor,
  organisationId: string,
  rows: Awaited<ReturnType<typeof readMeetings>>,
) {
  const ids = rows.map((row) => row.meeting.appointmentId);
  if (!ids.length) return [];
  const seriesIds = [
    ...new Set(rows.map((row) => row.meeting.seriesId).filter((id): id is string => Boolean(id))),
  ];
  const [invitations, patients, series] = await Promise.all([
    db
      .select({ invitation: meetingInvitations, firstName: staff.firstName, lastName: staff.lastName })
      .from(meetingInvitations)
      .innerJoin(staff, eq(staff.id, meetingInvitations.staffId))
      .where(inArray(meetingInvitations.appointmentId, ids))
      .orderBy(asc(staff.lastName), asc(staff.firstName)),
    db
      .select({ appointmentId: participants.appointmentId, user: users })
      .from(participants)
      .innerJoin(users, eq(users.id, participants.userId))
      .where(and(inArray(participants.appointmentId, ids), ne(participants.status, 'held'))),
    seriesIds.length
      ? db
          .select({ seriesId: meetings.seriesId, n: sql<number>`count(*)::int` })
          .from(meetings)
          .innerJoin(appointments, eq(appointments.id, meetings.appointmentId))
          .where(
            and(
              inArray(meetings.seriesId, seriesIds),
              eq(appointments.state, 'booked'),
              gt(appointments.startsAt, new Date()),
            ),
          )
          .groupBy(meetings.seriesId)
      : Promise.resolve([]),
  ]);
  const role = roleIn(actor, organisationId);
  return rows.map(({ meeting, appointment, service, host }) => {
    const invited = invitations.filter((row) => row.invitation.appointmentId === meeting.appointmentId);
    const patient = patients.find((row) => row.appointmentId === meeting.appointmentId)?.user;
    const isHost = appointment.providerId === actor.staffId;
    return {
      id: meeting.appointmentId,
      title: meeting.title,
      startsAt: appointment.startsAt.toISOString(),
      endsAt: appointment.endsAt.toISOString(),
      state: appointment.state === 'booked' ? ('booked' as const) : ('cancelled' as const),
      service: { id: service.id, nameFr: service.nameFr, nameEn: service.nameEn },
      host: { id: host.id, firstName: host.firstName, lastName: host.lastName },
      invitations: invited.map((row) => ({
        staffId: row.invitation.staffId,
        firstName: row.firstName,
        lastName: row.lastName,
        status: row.invitation.status,
      })),
      patient: patient
        ? {
            id: patient.id,
            firstName: patient.firstName,
            lastName: patient.lastName,
            hasContact: Boolean(patient.email || patient.mobilePhone),
          }
        : null,
      meetingCode: meeting.meetingCode,
      passcode: meeting.passcode,
      joinUrl: meeting.joinUrl,
      seriesId: meeting.seriesId,
      upcomingInSeries: series.find((row) => row.seriesId === meeting.seriesId)?.n ?? 0,
      myInvitation:
        invited.find((row) => row.invitation.staffId === actor.staffId)?.invitation.status ?? null,
      canCancel: appointment.state === 'booked' && (isHost || role === 'admin' || role === 'agent'),
    };
  });
}

export type MeetingSummary = Awaited<ReturnType<typeof describe>>[number];

export async function listMeetings(db: DbOrTx, actor: StaffActor, organisationId: string, view: MeetingView) {
  if (!actor.roles.has(organisationId)) throw new AppError('not_visible');
  const rows = await readMeetings(
    db,
    and(
      eq(meetings.organisationId, organisationId),
      eq(appointments.state, 'booked'),
      gt(appointments.endsAt, new Date()),
      viewCondition(actor, organisationId, view),
    )!,
  );
  return describe(db, actor, organisationId, rows);
}

/** Meetings by id, as their host, their invitees, and the organisation's agents and admins see them. */
export async function findMeetings(db: DbOrTx, actor: StaffActor, organisationId: string, ids: string[]) {
  const role = roleIn(actor, organisationId);
  if (!role) throw new AppError('not_visible');
  if (!ids.length) return [];
  const visible =
    role === 'provider'
      ? or(
          eq(appointments.providerId, actor.staffId),
          invitedWith(actor.staffId, ['pending', 'accepted', 'declined']),
        )
      : undefined;
  const rows = await readMeetings(
    db,
    and(eq(meetings.organisationId, organisationId), inArray(meetings.appointmentId, ids), visible)!,
  );
  return describe(db, actor, organisationId, rows);
}

export async function getMeeting(
  db: DbOrTx,
  actor: StaffActor,
  organisationId: string,
  appointmentId: string,
) {
  const [meeting] = await findMeetings(db, actor, organisationId, [appointmentId]);
  if (!meeting) throw new AppError('not_found');
  return meeting;
}
