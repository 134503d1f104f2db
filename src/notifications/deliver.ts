// Worker side of user notifications (N1, N2, N4, N5), batch by batch: renders each message in the user's
// language, writes it to the outbox under its idempotency key (a second attempt finds it and never sends
// twice once sent), hands it to its channel, and records the outcome in the appointment's history.
// A batch costs a fixed number of queries whatever its size (issue #7: 100,000 reminders in two minutes):
// one read per kind of record, one transaction that writes the outbox rows, the sends in parallel, one
// transaction that records the outcomes.
import { inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.ts';
import {
  appointmentHistory,
  appointments,
  type Language,
  locations,
  organisations,
  outboxMessages,
  services,
  staff,
  users,
} from '../db/schema.ts';
import { translate } from '../i18n/index.ts';
import { isAccountMessage, type NotificationRequest } from './enqueue.ts';
import { buildIcs } from './ics.ts';
import { smsSegments } from './sms-segments.ts';
import type { OutgoingEmail, Transports } from './transports.ts';

export type DeliveryOutcome =
  | { status: 'sent' | 'skipped' | 'duplicate'; reason?: string }
  | { status: 'failed'; error: string };
export type DeliveryContext = { db: Db; transports: Transports; mailFrom: string };
export type DeliveryItem = { request: NotificationRequest; isFinal: boolean };

/** Sends in flight at once per batch: SMS providers take many parallel requests, SMTP servers few. */
const PARALLEL_SENDS = { sms: 100, email: 8 } as const;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Date and time of an appointment as the user reads it: their language, the organisation's time zone. */
export function formatWhen(date: Date, language: Language, timeZone: string): string {
  // Building a formatter costs far more than using one: one per language and time zone.
  const cacheKey = `${language} ${timeZone}`;
  let formatter = formatters.get(cacheKey);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language === 'fr' ? 'fr-CA' : 'en-CA', {
      timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: 'numeric',
      minute: '2-digit',
    });
    formatters.set(cacheKey, formatter);
  }
  return formatter.format(date);
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const unique = (values: (string | undefined)[]) => [
  ...new Set(values.filter((v): v is string => Boolean(v))),
];

function byId<T extends { id: string }>(rows: T[]): Map<string, T> {
  return new Map(rows.map((row) => [row.id, row]));
}

/** Everything the batch's messages are about, one query per kind of record. */
async function loadRecords(db: Db, requests: NotificationRequest[]) {
  const userIds = unique(requests.map((r) => r.userId));
  const organisationIds = unique(requests.map((r) => r.organisationId));
  const appointmentIds = unique(requests.map((r) => r.appointmentId));
  const [userRows, organisationRows, bookingRows] = await Promise.all([
    db.select().from(users).where(inArray(users.id, userIds)),
    db.select().from(organisations).where(inArray(organisations.id, organisationIds)),
    appointmentIds.length
      ? db
          .select({
            appointment: appointments,
            service: services,
            providerFirst: staff.firstName,
            providerLast: staff.lastName,
            location: locations,
          })
          .from(appointments)
          .innerJoin(services, sql`${services.id} = ${appointments.serviceId}`)
          .innerJoin(staff, sql`${staff.id} = ${appointments.providerId}`)
          .leftJoin(locations, sql`${locations.id} = ${appointments.locationId}`)
          .where(inArray(appointments.id, appointmentIds))
      : Promise.resolve([]),
  ]);
  return {
    users: byId(userRows),
    organisations: byId(organisationRows),
    bookings: new Map(bookingRows.map((row) => [row.appointment.id, row])),
  };
}

type Records = Awaited<ReturnType<typeof loadRecords>>;
type Draft = {
  index: number;
  row: typeof outboxMessages.$inferInsert;
  ics?: OutgoingEmail['ics'];
};
type Skip = { index: number; reason: string };

/** The outbox row of one request, or why nothing is sent (N5). */
function render(
  ctx: DeliveryContext,
  records: Records,
  request: NotificationRequest,
  index: number,
): Draft | Skip {
  const user = records.users.get(request.userId);
  const organisation = records.organisations.get(request.organisationId);
  if (!user || !organisation) return { index, reason: 'missing_record' };
  // A new address is written to before it replaces the record's (P4): the request names it.
  const recipient = request.to ?? (request.channel === 'email' ? user.email : user.mobilePhone);
  // Account messages (invitation, confirmation links) go out whatever the appointment preferences (U4).
  const allowed =
    isAccountMessage(request.kind) || (request.channel === 'email' ? user.notifyByEmail : user.notifyBySms);
  const booking = request.appointmentId ? records.bookings.get(request.appointmentId) : undefined;
  // N5: never for a past appointment, never on a channel turned off, never without a contact.
  const isPast = booking ? booking.appointment.startsAt.getTime() <= Date.now() : false;
  const reason = !recipient ? 'no_contact' : !allowed ? 'preference_off' : isPast ? 'past' : undefined;
  if (reason || !recipient) return { index, reason: reason ?? 'no_contact' };
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
          attendee: { name: `${user.firstName} ${user.lastName}`, email: recipient },
          cancelled: request.kind === 'appointment_cancelled',
        })
      : undefined;
  return {
    index,
    ics,
    row: {
      organisationId: organisation.id,
      userId: user.id,
      appointmentId: request.appointmentId ?? null,
      kind: request.kind,
      channel: request.channel,
      recipient,
      subject: isEmail ? translate(language, `${base}.subject`, values) : null,
      bodyText: text,
      bodyHtml: isEmail ? `<p>${escapeHtml(text).replaceAll('\n', '<br>')}</p>` : null,
      ics: ics?.content ?? null,
      icsMethod: ics?.method ?? null,
      segments: isEmail ? null : smsSegments(text).segments,
      transport: isEmail ? ctx.transports.emailTransport : ctx.transports.smsTransport,
      status: 'sending',
      idempotencyKey: `${request.key}:${request.channel}`,
    },
  };
}

function historyEntry(request: NotificationRequest, action: string, details: Record<string, unknown>) {
  return {
    appointmentId: request.appointmentId!,
    action,
    details: { kind: request.kind, channel: request.channel, userId: request.userId, ...details },
  };
}

async function insertHistory(db: DbOrTx, entries: ReturnType<typeof historyEntry>[]) {
  if (entries.length) await db.insert(appointmentHistory).values(entries);
}

/** Runs `task` over `items` with at most `limit` running at once; results in input order. */
async function inParallel<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const position = next++;
      results[position] = await task(items[position]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

type SendResult = { draft: Draft; id: string; providerMessageId?: string | null; error?: string };

/**
 * Delivers a batch of notifications; one outcome per item, in order. A `failed` outcome means the job
 * should be retried (or, when `isFinal`, that the failure has been recorded).
 */
export async function deliverNotifications(
  ctx: DeliveryContext,
  items: DeliveryItem[],
): Promise<DeliveryOutcome[]> {
  if (!items.length) return [];
  const { db, transports } = ctx;
  const requests = items.map((item) => item.request);
  const records = await loadRecords(db, requests);
  const outcomes: DeliveryOutcome[] = new Array(items.length);
  const drafts: Draft[] = [];
  const skips: Skip[] = [];
  requests.forEach((request, index) => {
    const rendered = render(ctx, records, request, index);
    if ('row' in rendered) drafts.push(rendered);
    else skips.push(rendered);
  });
  for (const skip of skips) outcomes[skip.index] = { status: 'skipped', reason: skip.reason };

  // The outbox rows (a retry finds its row under the same key) and the skipped entries, in one commit.
  const pending = await db.transaction(async (tx) => {
    await insertHistory(
      tx,
      skips
        .filter((skip) => requests[skip.index]!.appointmentId)
        .map((skip) => historyEntry(requests[skip.index]!, 'notification_skipped', { reason: skip.reason })),
    );
    if (!drafts.length) return new Map<string, { id: string; status: string }>();
    await tx
      .insert(outboxMessages)
      .values(drafts.map((draft) => draft.row))
      .onConflictDoNothing();
    const rows = await tx
      .select({ id: outboxMessages.id, key: outboxMessages.idempotencyKey, status: outboxMessages.status })
      .from(outboxMessages)
      .where(
        inArray(
          outboxMessages.idempotencyKey,
          drafts.map((draft) => draft.row.idempotencyKey),
        ),
      );
    return new Map(rows.map((row) => [row.key, row]));
  });

  const toSend: { draft: Draft; id: string }[] = [];
  const claimed = new Set<string>();
  for (const draft of drafts) {
    const key = draft.row.idempotencyKey;
    const row = pending.get(key);
    // Sent (or being recorded) by an earlier attempt, or twice in this batch: never twice.
    if (row?.status !== 'sending' || claimed.has(key)) outcomes[draft.index] = { status: 'duplicate' };
    else {
      claimed.add(key);
      toSend.push({ draft, id: row.id });
    }
  }
  const send = async ({ draft, id }: { draft: Draft; id: string }): Promise<SendResult> => {
    const { row } = draft;
    try {
      const sent =
        row.channel === 'email'
          ? await transports.sendEmail({
              key: row.idempotencyKey,
              to: row.recipient,
              subject: row.subject ?? '',
              text: row.bodyText,
              html: row.bodyHtml ?? '',
              ics: draft.ics,
            })
          : await transports.sendSms({ key: row.idempotencyKey, to: row.recipient, body: row.bodyText });
      return { draft, id, providerMessageId: sent.providerMessageId };
    } catch (error) {
      return { draft, id, error: error instanceof Error ? error.message : String(error) };
    }
  };
  const [emailResults, smsResults] = await Promise.all([
    inParallel(
      toSend.filter((s) => s.draft.row.channel === 'email'),
      PARALLEL_SENDS.email,
      send,
    ),
    inParallel(
      toSend.filter((s) => s.draft.row.channel === 'sms'),
      PARALLEL_SENDS.sms,
      send,
    ),
  ]);
  const results = [...emailResults, ...smsResults];
  if (results.length) await recordOutcomes(db, items, results);
  for (const result of results) {
    outcomes[result.draft.index] = result.error
      ? { status: 'failed', error: result.error }
      : { status: 'sent' };
  }
  return outcomes;
}

/**
 * The outcomes of a batch's sends in one commit. Only the first attempt to record a message's success
 * finds it still `sending` (exactly once), and the status and its history entry commit together: a crash
 * between them would leave a sent message that no retry could record any more.
 */
async function recordOutcomes(db: Db, items: DeliveryItem[], results: SendResult[]) {
  const sent = results.filter((r) => !r.error);
  const failed = results.filter((r) => r.error);
  await db.transaction(async (tx) => {
    const recorded = new Set<string>();
    if (sent.length) {
      const updated = await tx.execute(sql`
        UPDATE ${outboxMessages} AS o
        SET status = 'sent', provider_message_id = v.provider_message_id, sent_at = now(), error = NULL
        FROM jsonb_to_recordset(${JSON.stringify(
          sent.map((r) => ({ id: r.id, provider_message_id: r.providerMessageId ?? null })),
        )}::jsonb) AS v(id uuid, provider_message_id text)
        WHERE o.id = v.id AND o.status = 'sending'
        RETURNING o.id`);
      for (const row of (updated as unknown as { rows: { id: string }[] }).rows) recorded.add(row.id);
    }
    if (failed.length)
      await tx.execute(sql`
        UPDATE ${outboxMessages} AS o
        SET error = v.error, status = CASE WHEN v.final THEN 'failed' ELSE o.status END
        FROM jsonb_to_recordset(${JSON.stringify(
          failed.map((r) => ({ id: r.id, error: r.error, final: items[r.draft.index]!.isFinal })),
        )}::jsonb) AS v(id uuid, error text, final boolean)
        WHERE o.id = v.id`);
    const entries = [
      ...sent
        .filter((r) => recorded.has(r.id))
        .map((r) => ({ r, action: 'notification_sent', details: { transport: r.draft.row.transport } })),
      ...failed
        .filter((r) => items[r.draft.index]!.isFinal)
        .map((r) => ({ r, action: 'notification_failed', details: { error: r.error } })),
    ]
      .filter(({ r }) => items[r.draft.index]!.request.appointmentId)
      .map(({ r, action, details }) =>
        historyEntry(items[r.draft.index]!.request, action, { outboxId: r.id, ...details }),
      );
    await insertHistory(tx, entries);
  });
}
