// Worker side of notifications: renders the message in the user's language and delivers it. The embedded
// default channel is the outbox (N1); the idempotency key makes a retried job a no-op.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { organisations, outboxMessages, users } from '../db/schema.ts';
import { translate } from '../i18n/index.ts';
import type { NotificationRequest } from './enqueue.ts';

export type DeliveryOutcome = { status: 'sent' | 'skipped'; reason?: string };

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
  const values = { ...request.values, firstName: user.firstName, organisation: organisation.name };
  const base = `messages.${request.kind}`;
  const text =
    request.channel === 'email'
      ? translate(language, `${base}.emailText`, values)
      : translate(language, `${base}.sms`, values);
  await db
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
    .onConflictDoNothing();
  return { status: 'sent' };
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
