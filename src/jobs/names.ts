// The typed map of job names to payloads. Areas add their jobs here; the worker registers handlers by name.
import type { StaffEvent } from '../db/schema.ts';
import type { NotificationRequest } from '../notifications/enqueue.ts';
import type { StaffAccountMessage } from '../notifications/staff-account.ts';

export type JobPayloads = {
  /** Renders and delivers one user notification (N1, N4). */
  'notifications.deliver': NotificationRequest;
  /** Sends an appointment's reminder to its participants at the planned instant (N2). */
  'notifications.reminder': { appointmentId: string; sequence: number; ruleIndex: number };
  /** A message to a staff member about an event, per their settings (N3). */
  'notifications.staff': {
    event: StaffEvent;
    organisationId: string;
    appointmentId: string;
    staffId: string;
    key: string;
    /** Who caused it, when the message names them (V3: the invitee who declined). */
    actorStaffId?: string;
  };
  /** Looks up a staff member by their address and sends them a password-reset link, if any (A1). */
  'auth.send-password-reset': { email: string };
  /** Renders and delivers one message about a staff member's own account (A1: a password-reset link). */
  'notifications.staff-account': StaffAccountMessage;
  /** Looks up a portal account by its address and sends it a password-reset link, if any (P4). */
  'portal.send-password-reset': { email: string };
  /** Removes self sign-ups never confirmed within a week, with the records they created (P4; hourly). */
  'portal.purge-unconfirmed': Record<string, never>;
  /** Deletes expired holds (S10; bookings delete the ones in their way anyway). */
  'scheduling.purge-holds': Record<string, never>;
  /** Deletes expired staff sessions (runs on a schedule). */
  'sessions.purge-expired': Record<string, never>;
};

export type JobName = keyof JobPayloads;

export const JOB_NAMES: readonly JobName[] = [
  'sessions.purge-expired',
  'notifications.deliver',
  'notifications.reminder',
  'notifications.staff',
  'portal.send-password-reset',
  'auth.send-password-reset',
  'notifications.staff-account',
  'portal.purge-unconfirmed',
  'scheduling.purge-holds',
];
