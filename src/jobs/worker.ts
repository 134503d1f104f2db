// The worker: registers every job handler on pg-boss. Runs in the web process by default (A6) or alone
// through `creneau worker`. Delivery jobs report per job, so one failing message is retried with back-off
// (pg-boss retryBackoff) without holding back the rest of its batch.
import { and, eq, lt } from 'drizzle-orm';
import type { Job, JobResult, JobWithMetadata, PgBoss } from 'pg-boss';
import { sendStaffPasswordReset } from '../auth/jobs/send-password-reset.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { appointments, sessions } from '../db/schema.ts';
import { type DeliveryOutcome, deliverNotifications } from '../notifications/deliver.ts';
import { deliverStaffNotification } from '../notifications/deliver-staff.ts';
import { dueReminders } from '../notifications/due-reminders.ts';
import type { NotificationRequest } from '../notifications/enqueue.ts';
import { deliverStaffAccountMessage } from '../notifications/staff-account.ts';
import { createTransports, type Transports } from '../notifications/transports.ts';
import { purgeUnconfirmedSignUps } from '../portal/jobs/purge-unconfirmed.ts';
import { sendPasswordReset } from '../portal/jobs/send-password-reset.ts';
import type { JobPayloads } from './names.ts';

export type WorkerContext = { db: Db; boss: PgBoss; config: Config; transports?: Transports };

const POLL = { pollingIntervalSeconds: 0.5 };
/**
 * Deliveries go batch by batch (a fixed number of queries per batch, the sends in parallel), several
 * batches at once, fetching again at once while batches come back full (issue #7: a rush of reminders).
 */
const BATCHES = { batchSize: 100, localConcurrency: 4, burstWhenBatchFull: true };

/** The last attempt pg-boss will make: a failure now is recorded as final (N4). */
function isFinalAttempt(job: Job<unknown>): boolean {
  return job.retryCount >= (job as JobWithMetadata<unknown>).retryLimit;
}

/** A job fails (and is retried, or records its final failure) when one of its messages failed. */
function jobResult(id: string, outcomes: DeliveryOutcome[]): JobResult {
  const failure = outcomes.find((outcome) => outcome.status === 'failed');
  return failure && 'error' in failure
    ? { id, status: 'failed', output: { message: failure.error } }
    : { id, status: 'completed' };
}

export async function startWorker(ctx: WorkerContext): Promise<Transports> {
  const transports = ctx.transports ?? createTransports(ctx.config);
  const delivery = { db: ctx.db, transports, mailFrom: ctx.config.mailFrom };

  await ctx.boss.work<NotificationRequest>(
    'notifications.deliver',
    { ...POLL, ...BATCHES, perJobResults: true, includeMetadata: true },
    async (jobs) => {
      const outcomes = await deliverNotifications(
        delivery,
        jobs.map((job) => ({ request: job.data, isFinal: isFinalAttempt(job) })),
      );
      return jobs.map((job, index) => jobResult(job.id, [outcomes[index]!]));
    },
  );

  // A due reminder is delivered by its own job (no second job per message): the job is retried with
  // back-off like any delivery, and each message's idempotency key keeps a retry from sending twice.
  await ctx.boss.work<JobPayloads['notifications.reminder']>(
    'notifications.reminder',
    { ...POLL, ...BATCHES, perJobResults: true, includeMetadata: true },
    async (jobs) => {
      const planned = await dueReminders(
        ctx.db,
        jobs.map((job) => job.data),
      );
      const items = planned.map(({ jobIndex, request }) => ({
        request,
        isFinal: isFinalAttempt(jobs[jobIndex]!),
      }));
      const outcomes = await deliverNotifications(delivery, items);
      return jobs.map((job, jobIndex) =>
        jobResult(
          job.id,
          outcomes.filter((_, i) => planned[i]!.jobIndex === jobIndex),
        ),
      );
    },
  );

  await ctx.boss.work<JobPayloads['notifications.staff']>(
    'notifications.staff',
    { ...POLL, batchSize: 10 },
    async (jobs) => {
      for (const job of jobs) await deliverStaffNotification(delivery, job.data);
    },
  );

  // One request per job: a failed one is retried alone (a retry may issue a newer link, never a second email
  // for the same link).
  await ctx.boss.work<JobPayloads['portal.send-password-reset']>(
    'portal.send-password-reset',
    POLL,
    async ([job]) => ({ outcome: await sendPasswordReset(ctx, job!.data) }),
  );

  await ctx.boss.work('portal.purge-unconfirmed', POLL, async () => ({
    purged: await purgeUnconfirmedSignUps(ctx.db),
  }));
  // Staff "Forgot your password?" (A1), like the portal's: one request per job, the message by its own job.
  await ctx.boss.work<JobPayloads['auth.send-password-reset']>(
    'auth.send-password-reset',
    POLL,
    async ([job]) => ({ outcome: await sendStaffPasswordReset(ctx, job!.data) }),
  );
  await ctx.boss.work<JobPayloads['notifications.staff-account']>(
    'notifications.staff-account',
    POLL,
    async ([job]) => ({ outcome: await deliverStaffAccountMessage(delivery, job!.data) }),
  );

  await ctx.boss.work('sessions.purge-expired', POLL, async () => {
    await ctx.db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  });
  await ctx.boss.work('scheduling.purge-holds', POLL, async () => {
    await ctx.db
      .delete(appointments)
      .where(and(eq(appointments.state, 'held'), lt(appointments.holdExpiresAt, new Date())));
  });
  await ctx.boss.schedule('sessions.purge-expired', '17 * * * *', {});
  await ctx.boss.schedule('scheduling.purge-holds', '*/10 * * * *', {});
  await ctx.boss.schedule('portal.purge-unconfirmed', '41 * * * *', {});
  return transports;
}
