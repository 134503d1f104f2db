// The worker: registers every job handler on pg-boss. Runs in the web process by default (A6) or alone
// through `creneau worker`. Delivery jobs report per job, so one failing message is retried with back-off
// (pg-boss retryBackoff) without holding back the rest of its batch.
import { and, eq, lt } from 'drizzle-orm';
import type { JobResult, JobWithMetadata, PgBoss } from 'pg-boss';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { appointments, sessions } from '../db/schema.ts';
import { deliverNotification } from '../notifications/deliver.ts';
import { deliverStaffNotification } from '../notifications/deliver-staff.ts';
import type { NotificationRequest } from '../notifications/enqueue.ts';
import { createTransports, type Transports } from '../notifications/transports.ts';
import { liveUserIds, notifyUsers } from '../notifications/triggers.ts';
import type { JobPayloads } from './names.ts';

export type WorkerContext = { db: Db; boss: PgBoss; config: Config; transports?: Transports };

const POLL = { pollingIntervalSeconds: 0.5 };

export async function startWorker(ctx: WorkerContext): Promise<Transports> {
  const transports = ctx.transports ?? createTransports(ctx.config);
  const delivery = { db: ctx.db, transports, mailFrom: ctx.config.mailFrom };

  await ctx.boss.work<NotificationRequest>(
    'notifications.deliver',
    {
      ...POLL,
      batchSize: 20,
      burstWhenBatchFull: true,
      perJobResults: true,
      includeMetadata: true,
      localConcurrency: 8,
    },
    async (jobs) => {
      const results: JobResult[] = [];
      for (const job of jobs) {
        try {
          await deliverNotification(delivery, job.data, {
            isFinal: job.retryCount >= (job as JobWithMetadata<NotificationRequest>).retryLimit,
          });
          results.push({ id: job.id, status: 'completed' });
        } catch (error) {
          results.push({
            id: job.id,
            status: 'failed',
            output: { message: error instanceof Error ? error.message : String(error) },
          });
        }
      }
      return results;
    },
  );

  await ctx.boss.work<JobPayloads['notifications.reminder']>(
    'notifications.reminder',
    { ...POLL, batchSize: 20, burstWhenBatchFull: true, localConcurrency: 4 },
    async (jobs) => {
      for (const job of jobs) {
        await ctx.db.transaction(async (tx) => {
          const [appointment] = await tx
            .select()
            .from(appointments)
            .where(eq(appointments.id, job.data.appointmentId));
          // Moved (new sequence), cancelled, or already started: this reminder no longer applies.
          if (appointment?.state !== 'booked' || appointment.sequence !== job.data.sequence) return;
          if (appointment.startsAt.getTime() <= Date.now()) return;
          await notifyUsers(ctx.boss, tx, {
            kind: 'appointment_reminder',
            appointment,
            userIds: await liveUserIds(tx, appointment.id),
            key: `reminder:${appointment.id}:${appointment.sequence}:${job.data.ruleIndex}`,
          });
        });
      }
    },
  );

  await ctx.boss.work<JobPayloads['notifications.staff']>(
    'notifications.staff',
    { ...POLL, batchSize: 10 },
    async (jobs) => {
      for (const job of jobs) await deliverStaffNotification(delivery, job.data);
    },
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
  return transports;
}
