// The worker: registers every job handler on pg-boss. Runs in the web process by default (A6) or alone
// through `creneau worker`.
import { lt } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import type { Db } from '../db/client.ts';
import { sessions } from '../db/schema.ts';
import { deliverNotification } from '../notifications/deliver.ts';
import type { NotificationRequest } from '../notifications/enqueue.ts';

export type WorkerContext = { db: Db; boss: PgBoss };

export async function startWorker(ctx: WorkerContext): Promise<void> {
  await ctx.boss.work('sessions.purge-expired', { pollingIntervalSeconds: 0.5 }, async () => {
    await ctx.db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  });
  await ctx.boss.work<NotificationRequest>(
    'notifications.deliver',
    { pollingIntervalSeconds: 0.5, batchSize: 5 },
    async (jobs) => {
      for (const job of jobs) await deliverNotification(ctx.db, job.data);
    },
  );
  await ctx.boss.schedule('sessions.purge-expired', '17 * * * *', {});
}
