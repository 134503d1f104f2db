// Worker side of notifications: renders the message in the user's language and delivers it. The embedded
// default channel is the outbox (N1); the idempotency key makes a retried job a no-op (N4).
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  appointmentHistory,
  appointments,
  locations,
  organisations,
  outboxMessages,
  services,
  staff,
  users,
} from '../db/schema.ts';
import { translate } from '../i18n/index.ts';
import type { NotificationRequest } from './enqueue.ts';

export type DeliveryOutcome = { status: 'sent' | 'skipped'; reason?: string };

/** Date and time of an appointment as the user reads it: their language, the organisation's time zone. */
export function formatWhen(date: Date, language: 'fr' | 'en', timeZone: string): string {
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-CA' : 'en-CA', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: 'numeric',
    minute: '2-digit',
  }).format(date);
}

async function appointmentValues(db: Db, appointmentId: string, language: 'fr' | 'en', timeZone: string) {
  const [row] = await db
    .select({
      appointment: appointments,
      service: services,
      providerFirst: staff.firstName,
      providerLast: staff.lastName,
      location: locations,
    })
    .from(appointments)
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(staff, eq(staff.id, appointments.providerId))
    .leftJoin(locations, eq(locations.id, appointments.locationId))
    .where(eq(appointments.id, appointmentId));
  if (!row) return undefined;
  return {
    row,
    values: {
      service: language === 'fr' ? row.service.nameFr : row.service.nameEn,
      provider: `${row.providerFirst} ${row.providerLast}`,
      when: formatWhen(row.appointment.startsAt, language, timeZone),
      place: row.location ? [row.location.name, row.location.address].filter(Boolean).join(', ') : '',
    },
  };
}

export async function deliverNotification(db: Db, request: NotificationRequest): Promise<DeliveryOutcome> {
  const [user] = await db.select().from(users).where(eq(users.id, request.userId));
  const [organisation] = await db
    .select()
    .from(organisations)
    .where(eq(organisations.id, request.organisationId));
  if (!user || !organisation) return { status: 'skipped', reason: 'missing_record' };
  const recipient = request.channel === 'email' ? user.email : user.mobilePhone;
  if (!recipient) return { status: 'skipped', reason: 'no_contact' };
  const language = user.language;
  const appointment = request.appointmentId
    ? await appointmentValues(db, request.appointmentId, language, organisation.timeZone)
    : undefined;
  const values = {
    ...request.values,
    ...appointment?.values,
    firstName: user.firstName,
    organisation: organisation.name,
    phone: organisation.phone ?? '',
  };
  const base = `messages.${request.kind}`;
  const text =
    request.channel === 'email'
      ? translate(language, `${base}.emailText`, values)
      : translate(language, `${base}.sms`, values);
  const inserted = await db
    .insert(outboxMessages)
    .values({
      organisationId: organisation.id,
      userId: user.id,
      kind: request.kind,
      channel: request.channel,
      recipient,
      subject: request.channel === 'email' ? translate(language, `${base}.subject`, values) : null,
      bodyText: text,
      bodyHtml: request.channel === 'email' ? `<p>${escapeHtml(text).replaceAll('\n', '<br>')}</p>` : null,
      idempotencyKey: `${request.key}:${request.channel}`,
    })
    .onConflictDoNothing()
    .returning({ id: outboxMessages.id });
  if (inserted.length && request.appointmentId) {
    await db.insert(appointmentHistory).values({
      appointmentId: request.appointmentId,
      action: 'notification_sent',
      details: { kind: request.kind, channel: request.channel, userId: user.id, outboxId: inserted[0]!.id },
    });
  }
  return { status: 'sent' };
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
