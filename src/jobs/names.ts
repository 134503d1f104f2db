// The typed map of job names to payloads. Areas add their jobs here; the worker registers handlers by name.
import type { NotificationRequest } from '../notifications/enqueue.ts';

export type JobPayloads = {
  /** Renders and delivers one user notification (N1, N4). */
  'notifications.deliver': NotificationRequest;
  /** Deletes expired staff sessions (runs on a schedule). */
  'sessions.purge-expired': Record<string, never>;
};

export type JobName = keyof JobPayloads;

export const JOB_NAMES: readonly JobName[] = ['sessions.purge-expired', 'notifications.deliver'];
