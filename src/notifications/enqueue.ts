// The notification layer's interface for the areas: enqueue a message inside the caller's transaction.
// Delivery (rendering in the user's language, channel, outbox) happens in the worker (deliver.ts).
import type { PgBoss } from 'pg-boss';
import type { DbOrTx } from '../db/client.ts';
import { enqueue } from '../jobs/boss.ts';

export type NotificationKind =
  | 'user_invitation'
  | 'appointment_confirmation'
  | 'appointment_moved'
  | 'appointment_cancelled'
  | 'appointment_reminder';
export type Channel = 'email' | 'sms';

export type NotificationRequest = {
  /** Idempotency key: one message per cause and channel, whatever the retries. */
  key: string;
  kind: NotificationKind;
  channel: Channel;
  organisationId: string;
  userId: string;
  /** The appointment the message is about (its history receives the outcome, N4). */
  appointmentId?: string;
  /** Template values (links, dates already formatted are not expected: formatting is the renderer's). */
  values: Record<string, string>;
};

export async function enqueueNotification(
  boss: PgBoss,
  tx: DbOrTx,
  request: NotificationRequest,
): Promise<void> {
  await enqueue(boss, tx, 'notifications.deliver', request, { singletonKey: request.key });
}
