// A1: messages about a staff member's own account (a password-reset link), through the notification layer:
// enqueued in the caller's transaction, rendered by the worker in the staff member's language (text and
// HTML), written to the staff outbox under its idempotency key and handed to the email channel. The outbox
// row commits only once the channel took the message, so a failed send is retried and a done one never
// sent twice.
import { eq } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import type { Db, DbOrTx } from '../db/client.ts';
import { organisations, staff, staffOutbox } from '../db/schema.ts';
import { translate } from '../i18n/index.ts';
import { enqueue } from '../jobs/boss.ts';
import { escapeHtml } from './deliver.ts';
import type { Transports } from './transports.ts';

export type StaffAccountMessageKind = 'staff_password_reset';

export type StaffAccountMessage = {
  /** Idempotency key: one message per cause, whatever the retries. */
  key: string;
  kind: StaffAccountMessageKind;
  staffId: string;
  /** The organisation the message comes from (its name signs it; the outbox row belongs to it). */
  organisationId: string;
  /** Template values; `link` is made clickable in the HTML part. */
  values: { link: string };
};

export async function enqueueStaffAccountMessage(
  boss: PgBoss,
  tx: DbOrTx,
  message: StaffAccountMessage,
): Promise<void> {
  await enqueue(boss, tx, 'notifications.staff-account', message, { singletonKey: message.key });
}

export type StaffAccountOutcome = 'sent' | 'duplicate' | 'missing_record';

export async function deliverStaffAccountMessage(
  ctx: { db: Db; transports: Transports },
  message: StaffAccountMessage,
): Promise<StaffAccountOutcome> {
  const [member] = await ctx.db.select().from(staff).where(eq(staff.id, message.staffId));
  const [organisation] = await ctx.db
    .select()
    .from(organisations)
    .where(eq(organisations.id, message.organisationId));
  if (!member || !organisation) return 'missing_record';
  const language = member.language;
  const values = {
    ...message.values,
    firstName: member.firstName,
    email: member.email,
    organisation: organisation.name,
  };
  const base = `messages.${message.kind}`;
  const subject = translate(language, `${base}.subject`, values);
  const text = translate(language, `${base}.emailText`, values);
  const link = escapeHtml(message.values.link);
  const html = `<p>${escapeHtml(text)
    .replaceAll('\n', '<br>')
    .replace(link, `<a href="${link}">${link}</a>`)}</p>`;
  const key = `${message.key}:email`;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(staffOutbox)
      .values({
        organisationId: organisation.id,
        staffId: member.id,
        event: message.kind,
        channel: 'email',
        recipient: member.email,
        subject,
        bodyText: text,
        bodyHtml: html,
        idempotencyKey: key,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) return 'duplicate';
    await ctx.transports.sendEmail({ key, to: member.email, subject, text, html });
    return 'sent';
  });
}
