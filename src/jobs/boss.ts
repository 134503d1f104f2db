// pg-boss on the application's own database: PGlite through its adapter, PostgreSQL through a pool.
// `enqueue` writes the job inside the caller's transaction, so a rolled-back change leaves no job (N4).
import { sql } from 'drizzle-orm';
import {
  type DrizzleTransactionLike,
  fromDrizzle,
  fromPglite,
  type JobInsert,
  PgBoss,
  type SendOptions,
} from 'pg-boss';
import type { Database, DbOrTx } from '../db/client.ts';
import { JOB_NAMES, type JobName, type JobPayloads } from './names.ts';

export type Boss = PgBoss;

export type QueueSettings = {
  retryLimit: number;
  retryDelaySeconds: number;
  expireSeconds: number;
  superviseSeconds?: number;
};
const DEFAULT_QUEUE: QueueSettings = {
  retryLimit: 6,
  retryDelaySeconds: 10,
  expireSeconds: 120,
  superviseSeconds: 30,
};

export async function startBoss(
  database: Database,
  options: { supervise?: boolean; queue?: QueueSettings } = {},
): Promise<PgBoss> {
  const queue = options.queue ?? DEFAULT_QUEUE;
  const common = {
    supervise: options.supervise ?? true,
    schedule: options.supervise ?? true,
    // How often expired jobs (a killed worker's) are noticed and retried.
    superviseIntervalSeconds: options.queue?.superviseSeconds ?? 30,
    // Expiry of a killed worker's jobs runs in the monitor pass, which pg-boss gates on its own
    // interval (default 60 s): keep both on the same interval.
    monitorIntervalSeconds: options.queue?.superviseSeconds ?? 30,
  };
  const boss =
    database.kind === 'pglite'
      ? new PgBoss({ db: fromPglite(database.pglite), backend: 'pglite', ...common })
      : new PgBoss({ connectionString: database.connectionString, max: 4, ...common });
  boss.on('error', (error) => {
    // Maintenance errors are reported on the event; they must not crash the process.
    process.emitWarning(`pg-boss: ${error instanceof Error ? error.message : String(error)}`);
  });
  await boss.start();
  const settings = {
    retryLimit: queue.retryLimit,
    retryDelay: queue.retryDelaySeconds,
    retryBackoff: true,
    retryDelayMax: 3600,
    expireInSeconds: queue.expireSeconds,
  };
  for (const name of JOB_NAMES) {
    await boss.createQueue(name, settings);
    // createQueue keeps an existing queue as it was: apply the configured settings.
    await boss.updateQueue(name, settings);
  }
  return boss;
}

/** Enqueues a job in the same transaction as the change that causes it. */
export async function enqueue<N extends JobName>(
  boss: PgBoss,
  tx: DbOrTx,
  name: N,
  data: JobPayloads[N],
  options: Omit<SendOptions, 'db'> = {},
): Promise<string | null> {
  return boss.send(name, data, { ...options, db: fromDrizzle(tx as unknown as DrizzleTransactionLike, sql) });
}

/** Enqueues several jobs of one queue in one statement, in the caller's transaction. */
export async function enqueueMany<N extends JobName>(
  boss: PgBoss,
  tx: DbOrTx,
  name: N,
  jobs: { data: JobPayloads[N]; options?: Pick<JobInsert, 'startAfter' | 'singletonKey'> }[],
): Promise<void> {
  if (!jobs.length) return;
  await boss.insert(
    name,
    jobs.map((job) => ({ data: job.data, ...job.options })),
    { db: fromDrizzle(tx as unknown as DrizzleTransactionLike, sql) },
  );
}
