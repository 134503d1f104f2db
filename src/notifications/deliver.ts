// Worker side of user notifications (N1, N2, N4, N5): renders the message in the user's language, writes it
// to the outbox under its idempotency key (a second attempt finds it and never sends twice once sent), hands
// it to the channel, and records the outcome in the appointment's history.
import { and, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.ts';
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
import { buildIcs } from './ics.ts';
import { smsSegments } from './sms-segments.ts';
import type { Transports } from './transports.ts';

export type DeliveryOutcome = { status: 'sent' | 'skipped' | 'duplicate'; reason?: string };
export type DeliveryContext = { db: Db; transports: Transports; mailFrom: string };

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

async function loadAppointment(db: Db, appointmentId: string) {
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
  return row;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function recordOutcome(
  db: DbOrTx,
  request: NotificationRequest,
  action: string,
  details: Record<string, unknown>,
) {
  if (!request.appointmentId) return;
  await db.insert(appointmentHistory).values({
    appointmentId: request.appointmentId,
    action,
    details: { kind: request.kind, channel: request.channel, userId: request.userId, ...details },
  });
}

export async function deliverNotification(
  ctx: DeliveryContext,
  request: NotificationRequest,
  attempt: { isFinal: boolean } = { isFinal: true },
): Promise<DeliveryOutcome> {
  const { db } = ctx;
  const [user] = await db.select().from(users).where(eq(users.id, request.userId));
  const [organisation] = await db
    .select()
    .from(organisations)
    .where(eq(organisations.id, request.organisationId));
  if (!user || !organisation) return { status: 'skipped', reason: 'missing_record' };
  const recipient = request.channel === 'email' ? user.email : user.mobilePhone;
  const allowed =
    request.kind === 'user_invitation' ||
    (request.channel === 'email' ? user.notifyByEmail : user.notifyBySms);
  const booking = request.appointmentId ? await loadAppointment(db, request.appointmentId) : undefined;
  // N5: never for a past appointment, never on a channel turned off, never without a contact.
  const isPast = booking ? booking.appointment.startsAt.getTime() <= Date.now() : false;
  const reason = !recipient ? 'no_contact' : !allowed ? 'preference_off' : isPast ? 'past' : undefined;
  if (reason) {
    await recordOutcome(db, request, 'notification_skipped', { reason });
    return { status: 'skipped', reason };
  }
  const language = user.language;
  const values: Record<string, string> = {
    ...request.values,
    firstName: user.firstName,
    organisation: organisation.name,
    phone: organisation.phone ?? '',
  };
  if (booking) {
    values.service = language === 'fr' ? booking.service.nameFr : booking.service.nameEn;
    values.provider = `${booking.providerFirst} ${booking.providerLast}`;
    values.when = formatWhen(booking.appointment.startsAt, language, organisation.timeZone);
    values.place = booking.location
      ? [booking.location.name, booking.location.address].filter(Boolean).join(', ')
      : '';
  }
  const base = `messages.${request.kind}`;
  const isEmail = request.channel === 'email';
  const text = translate(language, isEmail ? `${base}.emailText` : `${base}.sms`, values);
  const subject = isEmail ? translate(language, `${base}.subject`, values) : null;
  const ics =
    isEmail && booking
      ? buildIcs({
          appointmentId: booking.appointment.id,
          sequence: booking.appointment.sequence,
          startsAt: booking.appointment.startsAt,
          endsAt: booking.appointment.endsAt,
          summary: `${values.service} — ${organisation.name}`,
          location: values.place ?? '',
          description: text,
          organiser: { name: organisation.name, email: ctx.mailFrom.replace(/^.*<|>.*$/g, '') },
          attendee: { name: `${user.firstName} ${user.lastName}`, email: recipient! },
          cancelled: request.kind === 'appointment_cancelled',
        })
      : undefined;
  const key = `${request.key}:${request.channel}`;
  const transport = isEmail ? ctx.transports.emailTransport : ctx.transports.smsTransport;
  await db
    .insert(outboxMessages)
    .values({
      organisationId: organisation.id,
      userId: user.id,
      appointmentId: request.appointmentId ?? null,
      kind: request.kind,
      channel: request.channel,
      recipient: recipient!,
      subject,
      bodyText: text,
      bodyHtml: isEmail ? `<p>${escapeHtml(text).replaceAll('\n', '<br>')}</p>` : null,
      ics: ics?.content ?? null,
      icsMethod: ics?.method ?? null,
      segments: isEmail ? null : smsSegments(text).segments,
      transport,
      status: 'sending',
      idempotencyKey: key,
    })
    .onConflictDoNothing();
  const [message] = await db.select().from(outboxMessages).where(eq(outboxMessages.idempotencyKey, key));
  if (message?.status !== 'sending') return { status: 'duplicate' };
  try {
    const sent = isEmail
      ? await ctx.transports.sendEmail({
          key,
          to: message.recipient,
          subject: message.subject ?? '',
          text: message.bodyText,
          html: message.bodyHtml ?? '',
          ics,
        })
      : await ctx.transports.sendSms({ key, to: message.recipient, body: message.bodyText });
    // Only the first attempt to get here records the outcome (the status guard makes it exactly once), and
    // the status and its history entry commit together: a crash between them would leave a sent message
    // that no retry can record any more.
    await db.transaction(async (tx) => {
      const updated = await tx
        .update(outboxMessages)
        .set({ status: 'sent', providerMessageId: sent.providerMessageId, sentAt: new Date(), error: null })
        .where(and(eq(outboxMessages.id, message.id), eq(outboxMessages.status, 'sending')))
        .returning({ id: outboxMessages.id });
      if (updated.length)
        await recordOutcome(tx, request, 'notification_sent', { outboxId: message.id, transport });
    });
    return { status: 'sent' };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    await db
      .update(outboxMessages)
      .set({ error: detail, ...(attempt.isFinal ? { status: 'failed' as const } : {}) })
      .where(eq(outboxMessages.id, message.id));
    if (attempt.isFinal)
      await recordOutcome(db, request, 'notification_failed', { outboxId: message.id, error: detail });
    throw error;
  }
}
