// The notification layer's interface for the areas: enqueue a message inside the caller's transaction.
// Delivery (rendering in the user's language, channel, outbox) happens in the worker (deliver.ts).
import type { PgBoss } from 'pg-boss';
import type { DbOrTx } from '../db/client.ts';
import { enqueue, enqueueMany } from '../jobs/boss.ts';

export type NotificationKind =
  | 'user_invitation'
  | 'account_verification'
  | 'account_email_change'
  | 'account_password_reset'
  | 'account_exists'
  | 'appointment_confirmation'
  | 'appointment_moved'
  | 'appointment_cancelled'
  | 'appointment_reminder';
export type Channel = 'email' | 'sms';

/**
 * Messages about the portal account itself (P4, U5): they go out whatever the notification preferences
 * (U4), which are about appointments; the person asked for them.
 */
export const ACCOUNT_KINDS: ReadonlySet<NotificationKind> = new Set([
  'user_invitation',
  'account_verification',
  'account_email_change',
  'account_password_reset',
  'account_exists',
]);
export const isAccountMessage = (kind: NotificationKind): boolean => ACCOUNT_KINDS.has(kind);

export type NotificationRequest = {
  /** Idempotency key: one message per cause and channel, whatever the retries. */
  key: string;
  kind: NotificationKind;
  channel: Channel;
  organisationId: string;
  userId: string;
  /** The appointment the message is about (its history receives the outcome, N4). */
  appointmentId?: string;
  /**
   * The address to write to instead of the record's contact: a new email address is proven before it
   * replaces the record's one (P4 email change), so its link must reach the new address.
   */
  to?: string;
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

/** Several messages in one statement (a booking's confirmations on every channel). */
export async function enqueueNotifications(
  boss: PgBoss,
  tx: DbOrTx,
  requests: NotificationRequest[],
): Promise<void> {
  await enqueueMany(
    boss,
    tx,
    'notifications.deliver',
    requests.map((request) => ({ data: request, options: { singletonKey: request.key } })),
  );
}
