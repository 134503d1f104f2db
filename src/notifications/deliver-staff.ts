// N3: a message to a staff member about an event, on the channels they chose for it (none by default).
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  appointments,
  meetings,
  organisations,
  participants,
  services,
  staff,
  staffNotificationSettings,
  staffOutbox,
  users,
} from '../db/schema.ts';
import { translate } from '../i18n/index.ts';
import type { JobPayloads } from '../jobs/names.ts';
import { formatWhen } from './deliver.ts';
import type { Transports } from './transports.ts';

const fullName = (person: { firstName: string; lastName: string } | undefined) =>
  person ? `${person.firstName} ${person.lastName}` : '';

/** V1/V3: what a message about a video meeting names — its host, the link, ID and passcode, who declined. */
async function meetingValues(db: Db, job: JobPayloads['notifications.staff']) {
  const [row] = await db
    .select({ meeting: meetings, hostFirst: staff.firstName, hostLast: staff.lastName })
    .from(meetings)
    .innerJoin(appointments, eq(appointments.id, meetings.appointmentId))
    .innerJoin(staff, eq(staff.id, appointments.providerId))
    .where(eq(meetings.appointmentId, job.appointmentId));
  if (!row) return {};
  const [actor] = job.actorStaffId
    ? await db.select().from(staff).where(eq(staff.id, job.actorStaffId))
    : [undefined];
  return {
    host: fullName({ firstName: row.hostFirst, lastName: row.hostLast }),
    link: row.meeting.joinUrl,
    code: row.meeting.meetingCode.replace(/^(\d{3})(\d{3})(\d{4})$/, '$1 $2 $3'),
    passcode: row.meeting.passcode,
    invitee: fullName(actor),
  };
}

export async function deliverStaffNotification(
  ctx: { db: Db; transports: Transports },
  job: JobPayloads['notifications.staff'],
) {
  const { db } = ctx;
  const [member] = await db.select().from(staff).where(eq(staff.id, job.staffId));
  const [settings] = await db
    .select()
    .from(staffNotificationSettings)
    .where(
      and(eq(staffNotificationSettings.staffId, job.staffId), eq(staffNotificationSettings.event, job.event)),
    );
  if (!member || !settings || (!settings.email && !settings.sms)) return;
  const [row] = await db
    .select({ appointment: appointments, service: services, organisation: organisations })
    .from(appointments)
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(organisations, eq(organisations.id, appointments.organisationId))
    .where(eq(appointments.id, job.appointmentId));
  if (!row) return;
  const people = await db
    .select({ firstName: users.firstName, lastName: users.lastName })
    .from(participants)
    .innerJoin(users, eq(users.id, participants.userId))
    .where(eq(participants.appointmentId, job.appointmentId));
  const language = member.language;
  const values = {
    service: language === 'fr' ? row.service.nameFr : row.service.nameEn,
    when: formatWhen(row.appointment.startsAt, language, row.organisation.timeZone),
    people: people.map((p) => `${p.firstName} ${p.lastName}`).join(', '),
    ...(await meetingValues(db, job)),
  };
  const base = `messages.staff_${job.event}`;
  const channels = [
    ...(settings.email ? [{ channel: 'email' as const, to: member.email }] : []),
    ...(settings.sms && member.mobilePhone ? [{ channel: 'sms' as const, to: member.mobilePhone }] : []),
  ];
  for (const { channel, to } of channels) {
    const key = `${job.key}:${channel}`;
    const inserted = await db
      .insert(staffOutbox)
      .values({
        organisationId: job.organisationId,
        staffId: member.id,
        event: job.event,
        channel,
        recipient: to,
        subject: channel === 'email' ? translate(language, `${base}.subject`, values) : null,
        bodyText: translate(language, `${base}.text`, values),
        idempotencyKey: key,
      })
      .onConflictDoNothing()
      .returning();
    const message = inserted[0];
    if (!message) continue;
    if (channel === 'email') {
      await ctx.transports.sendEmail({
        key,
        to,
        subject: message.subject ?? '',
        text: message.bodyText,
        html: `<p>${message.bodyText}</p>`,
      });
    } else {
      await ctx.transports.sendSms({ key, to, body: message.bodyText });
    }
  }
}
