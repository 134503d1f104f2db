// Reminders at scale (issue #7): 100,000 appointments whose reminder falls on the same minute. The real
// `creneau worker` processes run the reminder jobs batch by batch, which deliver the SMS to a
// Twilio-like sink on loopback (5–20 ms a message, idempotency tokens honoured). Goal: every SMS within
// two minutes of the due minute, none twice. The run is bounded: past its time limit it reports the rate
// it reached and the time that rate projects, and where the CPU went.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.ts';
import { startBoss } from '../src/jobs/boss.ts';
import { type SmsProviderStandIn, startSmsProvider } from '../test/sms-provider.ts';
import { type BenchResult, defineBenchmark, type RunContext } from './lib/benchmark.ts';
import { type ClinicState, clinicDate, seedClinic } from './lib/clinic.ts';
import { describeCpu, snapshotCpu } from './lib/cpu.ts';
import { summarise } from './lib/measure.ts';
import { formatCount } from './lib/progress.ts';

const REMINDERS = Number(process.env.BENCH_REMINDERS ?? 100_000);
const PROVIDERS = 50;
const WORKERS = Number(process.env.BENCH_REMINDER_WORKERS ?? 2);
const GOAL_SECONDS = 120;
const TIME_LIMIT_SECONDS = Number(process.env.BENCH_REMINDER_SECONDS ?? 210);
const LEAD_SECONDS = 15;
const INSERT_CHUNK = 5_000;
const SEED_VERSION = 1;
const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));

type State = ClinicState & { count: number };

export default defineBenchmark<State>({
  name: 'reminders',
  fingerprint: `reminders:${REMINDERS}:v${SEED_VERSION}`,

  async seed({ tx, progress }) {
    const clinic = await seedClinic(tx, { providers: PROVIDERS, spanStart: clinicDate(-1) });
    progress.start('users with a mobile, appointments a year ahead', REMINDERS);
    const perProvider = Math.ceil(REMINDERS / PROVIDERS);
    for (let from = 1; from <= REMINDERS; from += 10_000) {
      const to = Math.min(REMINDERS, from + 9_999);
      // One user per appointment, SMS only, each with their own number; appointments back to back per
      // provider, a year ahead so the seed stays upcoming.
      await tx.execute(sql`
        WITH created AS (
          INSERT INTO users (account_id, first_name, last_name, mobile_phone, email, language)
          SELECT ${clinic.accountId}::uuid, 'Rappel', 'Patient ' || n, '+1438' || lpad(n::text, 7, '0'), NULL,
                 CASE WHEN n % 5 = 0 THEN 'en' ELSE 'fr' END
          FROM generate_series(${from}::int, ${to}::int) AS n
          RETURNING id, substring(mobile_phone FROM 6)::int AS n
        ),
        linked AS (
          INSERT INTO user_organisations (user_id, organisation_id)
          SELECT id, ${clinic.organisationId}::uuid FROM created
        ),
        slots AS (
          SELECT c.id AS user_id, (${`{${clinic.providerIds.join(',')}}`}::uuid[])[1 + (c.n - 1) / ${perProvider}] AS provider_id,
                 date_trunc('hour', now()) + interval '365 days' + ((c.n - 1) % ${perProvider}) * interval '15 minutes' AS starts_at
          FROM created c
        ),
        booked AS (
          INSERT INTO appointments (organisation_id, service_id, provider_id, location_id, starts_at, ends_at,
                                    busy_starts_at, busy_ends_at, state, source)
          SELECT ${clinic.organisationId}::uuid, ${clinic.followUpId}::uuid, provider_id, ${clinic.locationId}::uuid,
                 starts_at, starts_at + interval '15 minutes', starts_at, starts_at + interval '15 minutes', 'booked', 'staff'
          FROM slots
          RETURNING id, provider_id, starts_at
        )
        INSERT INTO appointment_participants (appointment_id, user_id, status)
        SELECT b.id, s.user_id, 'scheduled' FROM booked b JOIN slots s USING (provider_id, starts_at)`);
      progress.advance(to - from + 1);
    }
    progress.finish();
    return { ...clinic, count: REMINDERS };
  },

  async afterSeed({ db }) {
    await db.execute(sql`VACUUM (ANALYZE) users, user_organisations, appointments, appointment_participants`);
  },

  async run(ctx, state) {
    const sink = await startSmsProvider({ minDelayMs: 5, maxDelayMs: 20 });
    const workers: ChildProcess[] = [];
    try {
      const dueAt = await enqueueReminders(ctx, state);
      for (let i = 0; i < WORKERS; i++) workers.push(startWorker(ctx.database.connectionString, sink));
      ctx.log(
        `  ${WORKERS} worker processes started; ${formatCount(state.count)} reminders due at ${dueAt.toISOString()}`,
      );
      const outcome = await follow(ctx, state, sink, workers, dueAt);
      return [outcome];
    } finally {
      for (const worker of workers) await stopWorker(worker);
      await clearNotifications(ctx.db, state);
      await sink.close();
    }
  },
});

/** Inserts the reminder jobs as `scheduleReminders` would, all due at the next whole minute. */
async function enqueueReminders(ctx: RunContext, state: State) {
  const boss = await startBoss(ctx.database, { supervise: false });
  try {
    await clearNotifications(ctx.db, state);
    const dueAt = new Date(Math.ceil((Date.now() + (LEAD_SECONDS + 20) * 1000) / 60_000) * 60_000);
    const result = await ctx.db.execute(sql`
      SELECT a.id FROM appointments a WHERE a.organisation_id = ${state.organisationId} ORDER BY a.id`);
    const ids = (result as unknown as { rows: { id: string }[] }).rows.map((row) => row.id);
    for (let i = 0; i < ids.length; i += INSERT_CHUNK) {
      await boss.insert(
        'notifications.reminder',
        ids.slice(i, i + INSERT_CHUNK).map((appointmentId) => ({
          data: { appointmentId, sequence: 0, ruleIndex: 0 },
          startAfter: dueAt,
          singletonKey: `reminder:${appointmentId}:0:0`,
        })),
      );
    }
    ctx.log(`  ${formatCount(ids.length)} reminder jobs inserted`);
    return dueAt;
  } finally {
    await boss.stop({ graceful: false, close: true, timeout: 2000 });
  }
}

function startWorker(databaseUrl: string, sink: SmsProviderStandIn): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'worker'], {
    cwd: repositoryRoot,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      SMS_PROVIDER_URL: sink.url,
      SMS_ACCOUNT_SID: 'ACbench',
      SMS_AUTH_TOKEN: 'bench',
      SMTP_URL: '',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function stopWorker(worker: ChildProcess) {
  if (worker.exitCode !== null || worker.signalCode !== null) return;
  worker.kill('SIGKILL');
  await once(worker, 'exit');
}

/** Logs progress every few seconds until every SMS is delivered or the time limit is reached. */
async function follow(
  ctx: RunContext,
  state: State,
  sink: SmsProviderStandIn,
  workers: ChildProcess[],
  dueAt: Date,
): Promise<BenchResult> {
  while (Date.now() < dueAt.getTime()) await new Promise((resolve) => setTimeout(resolve, 250));
  const pids = workers.map((worker) => worker.pid!).filter(Boolean);
  const cpuAtDue = snapshotCpu(pids);
  const deadline = dueAt.getTime() + TIME_LIMIT_SECONDS * 1000;
  let deliveredAtGoal: number | undefined;
  while (sink.delivered.length < state.count && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const elapsed = (Date.now() - dueAt.getTime()) / 1000;
    if (deliveredAtGoal === undefined && elapsed >= GOAL_SECONDS) deliveredAtGoal = sink.delivered.length;
    const jobs = await countJobs(ctx.db);
    ctx.log(
      `  +${elapsed.toFixed(0)} s: reminders done ${formatCount(jobs.remindersDone)}, outbox rows ${formatCount(jobs.messagesWritten)}, delivered ${formatCount(sink.delivered.length)} (${(sink.delivered.length / elapsed).toFixed(0)}/s)`,
    );
  }
  const cpuAtEnd = snapshotCpu(pids);
  const seconds = (Date.now() - dueAt.getTime()) / 1000;
  const delivered = sink.delivered.length;
  const isComplete = delivered >= state.count;
  const lastAt = Math.max(...sink.delivered.map((message) => message.at));
  const allSeconds = isComplete ? (lastAt - dueAt.getTime()) / 1000 : undefined;
  const rate = delivered / seconds;
  const uniqueNumbers = new Set(sink.delivered.map((message) => message.to)).size;
  const cpu = describeCpu(cpuAtDue, cpuAtEnd, cpus().length);
  ctx.log(`  ${cpu}`);
  ctx.log(
    `  delivered ${formatCount(delivered)} to ${formatCount(uniqueNumbers)} numbers; duplicates dropped by token: ${sink.droppedDuplicates}`,
  );
  const summary = summarise(sink.delivered.map((message) => message.at - dueAt.getTime()));
  const timing = isComplete
    ? `all in ${allSeconds!.toFixed(0)} s`
    : `${formatCount(delivered)} in ${seconds.toFixed(0)} s (limit), ~${(state.count / rate).toFixed(0)} s projected`;
  return {
    name: `reminders.sms · ${formatCount(state.count)} due at one minute, ${WORKERS} workers`,
    ...summary,
    goalMs: GOAL_SECONDS * 1000,
    isPass: isComplete && allSeconds! <= GOAL_SECONDS && uniqueNumbers === delivered,
    note: `issue #7 · ${timing} · ${rate.toFixed(0)} SMS/s · ${formatCount(deliveredAtGoal ?? delivered)} by ${GOAL_SECONDS} s · ${sink.droppedDuplicates} duplicates dropped, ${delivered - uniqueNumbers} delivered twice · delays since the due minute`,
  };
}

async function countJobs(db: Db) {
  const result = await db.execute(sql`
    SELECT (SELECT count(*) FROM pgboss.job
            WHERE name = 'notifications.reminder' AND state = 'completed')::int AS "remindersDone",
           (SELECT count(*) FROM outbox_messages WHERE kind = 'appointment_reminder')::int AS "messagesWritten"`);
  return (result as unknown as { rows: { remindersDone: number; messagesWritten: number }[] }).rows[0]!;
}

/** Leaves no job, outbox row or notification history behind, so that runs do not see each other's. */
async function clearNotifications(db: Db, state: State) {
  await db.execute(sql`DELETE FROM pgboss.job WHERE name LIKE 'notifications.%'`);
  await db.execute(sql`DELETE FROM outbox_messages WHERE organisation_id = ${state.organisationId}`);
  await db.execute(sql`
    DELETE FROM appointment_history h USING appointments a
    WHERE a.id = h.appointment_id AND a.organisation_id = ${state.organisationId}
      AND h.action LIKE 'notification_%'`);
}
