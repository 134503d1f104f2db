// SPEC A7: the iCalendar feed of a staff member's schedule — their booked appointments and the video
// meetings they host or were invited to and did not decline, from a month back to a year ahead, across their
// organisations. A feed leaves the clinic (calendar services store it), so an event carries the service, the
// organisation and the number of people, never a patient's name; a meeting carries its link.
import { and, asc, eq, gt, lt, or, sql } from 'drizzle-orm';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { hashToken } from '../auth/sessions.ts';
import type { DbOrTx } from '../db/client.ts';
import {
  appointments,
  calendarFeeds,
  meetingInvitations,
  meetings,
  organisations,
  participants,
  services,
  staff,
} from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { translate } from '../i18n/index.ts';

const DAY = 86_400_000;
const PAST_DAYS = 31;
const FUTURE_DAYS = 366;

export async function calendarFeedIcs(db: DbOrTx, token: string, now = new Date()): Promise<string> {
  const [owner] = await db
    .select({ staff })
    .from(calendarFeeds)
    .innerJoin(staff, eq(staff.id, calendarFeeds.staffId))
    .where(eq(calendarFeeds.tokenHash, hashToken(token)));
  if (!owner || owner.staff.disabledAt) throw new AppError('not_found');
  const member = owner.staff;
  const rows = await db
    .select({
      appointment: appointments,
      service: services,
      organisationName: organisations.name,
      meeting: meetings,
      people: sql<number>`(select count(*)::int from ${participants} p
        where p.appointment_id = ${appointments.id} and p.status not in ('cancelled', 'held'))`,
    })
    .from(appointments)
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(organisations, eq(organisations.id, appointments.organisationId))
    .leftJoin(meetings, eq(meetings.appointmentId, appointments.id))
    .where(
      and(
        eq(appointments.state, 'booked'),
        gt(appointments.endsAt, new Date(now.getTime() - PAST_DAYS * DAY)),
        lt(appointments.startsAt, new Date(now.getTime() + FUTURE_DAYS * DAY)),
        or(
          eq(appointments.providerId, member.id),
          sql`exists (select 1 from ${meetingInvitations} mi where mi.appointment_id = ${appointments.id}
              and mi.staff_id = ${member.id} and mi.status <> 'declined')`,
        ),
      ),
    )
    .orderBy(asc(appointments.startsAt))
    .limit(5000);
  const language = member.language;
  const calendar = ical({
    name: translate(language, 'feeds.name', { name: `${member.firstName} ${member.lastName}` }),
    prodId: { company: 'Créneau', product: 'Créneau', language: language.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 15 * 60,
  });
  for (const row of rows) {
    const serviceName = language === 'fr' ? row.service.nameFr : row.service.nameEn;
    calendar.createEvent({
      id: `${row.appointment.id}@creneau`,
      sequence: row.appointment.sequence,
      start: row.appointment.startsAt,
      end: row.appointment.endsAt,
      stamp: now,
      summary: row.meeting?.title ?? serviceName,
      description: row.meeting
        ? translate(language, 'feeds.meeting', { link: row.meeting.joinUrl, code: row.meeting.meetingCode })
        : translate(language, 'feeds.people', { count: row.people }),
      location: row.meeting ? row.meeting.joinUrl : row.organisationName,
      url: row.meeting?.joinUrl,
      status: ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
