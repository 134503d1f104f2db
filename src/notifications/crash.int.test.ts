// Issue #7 (N4): a worker killed in the middle of a delivery run loses no message and sends none twice.
// A real `creneau worker` process delivers 300 SMS to a Twilio-like provider on loopback; it is SIGKILLed
// while the provider has accepted messages whose replies it never read, and a fresh worker finishes the
// run. PostgreSQL only: PGlite has one connection and no second process.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAppointment, makeClinic, makeService, makeUser } from '../../test/scheduling-factories.ts';
import { type SmsProviderStandIn, startSmsProvider } from '../../test/sms-provider.ts';
import { openTestDatabase, testEngine } from '../../test/test-db.ts';
import type { Database } from '../db/client.ts';
import { appointmentHistory, outboxMessages } from '../db/schema.ts';
import { type QueueSettings, startBoss } from '../jobs/boss.ts';
import { enqueueNotification } from './enqueue.ts';

const MESSAGES = 300;
const KILL_AFTER_DELIVERED = 40;
/** Deliveries that must be waiting on the stalled provider when the worker is killed (batches run in parallel). */
const DELIVERY_LOOPS = 8;
const QUEUE: QueueSettings = { retryLimit: 6, retryDelaySeconds: 1, expireSeconds: 3, superviseSeconds: 1 };
const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

let database: Database & { url?: string };
let boss: PgBoss;
let provider: SmsProviderStandIn;
const workers: { child: ChildProcess; output: string[] }[] = [];

/** Polls a condition (no fixed sleep): the first defined value, or a failure naming what was awaited. */
async function waitFor<T>(
  what: string,
  read: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 90_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      const logs = workers.map((w, i) => `worker ${i + 1}:\n${w.output.join('').slice(-3000)}`).join('\n');
      throw new Error(`timed out waiting for ${what}\n${logs}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function startWorkerProcess(): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'worker'], {
    cwd: repositoryRoot,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      SMS_PROVIDER_URL: provider.url,
      SMS_ACCOUNT_SID: 'ACstandin',
      SMS_AUTH_TOKEN: 'secret',
      SMTP_URL: '',
      NOTIFY_RETRY_LIMIT: String(QUEUE.retryLimit),
      NOTIFY_RETRY_DELAY: String(QUEUE.retryDelaySeconds),
      JOB_EXPIRE_SECONDS: String(QUEUE.expireSeconds),
      BOSS_SUPERVISE_SECONDS: String(QUEUE.superviseSeconds),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  workers.push({ child, output });
  return child;
}

async function seedDeliveries() {
  const { db } = database;
  const clinic = await makeClinic(db);
  const service = await makeService(db, clinic.organisation.id, clinic.location.id);
  const firstStart = Date.now() + 3 * 86_400_000;
  const appointmentIds: string[] = [];
  for (let i = 0; i < MESSAGES; i++) {
    const user = await makeUser(db, clinic.account.id, clinic.organisation.id, {
      mobilePhone: `+1514555${String(i).padStart(4, '0')}`,
      notifyBySms: true,
    });
    const { appointment } = await makeAppointment(db, {
      organisationId: clinic.organisation.id,
      serviceId: service.id,
      providerId: clinic.provider.id,
      locationId: clinic.location.id,
      startsAt: new Date(firstStart + i * 30 * 60_000).toISOString(),
      userIds: [user.id],
    });
    // The real interface: a confirmation enqueued in the transaction of the change that causes it.
    await db.transaction((tx) =>
      enqueueNotification(boss, tx, {
        key: `confirmation:${appointment.id}:0:${user.id}`,
        kind: 'appointment_confirmation',
        channel: 'sms',
        organisationId: clinic.organisation.id,
        userId: user.id,
        appointmentId: appointment.id,
        values: {},
      }),
    );
    appointmentIds.push(appointment.id);
  }
  return appointmentIds;
}

const countSent = async () => {
  const [row] = await database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(outboxMessages)
    .where(eq(outboxMessages.status, 'sent'));
  return row!.n;
};

describe.skipIf(testEngine !== 'postgres')('N4: a worker killed during delivery (issue #7)', () => {
  beforeAll(async () => {
    database = await openTestDatabase();
    provider = await startSmsProvider({ minDelayMs: 5, maxDelayMs: 20 });
    boss = await startBoss(database, { supervise: false, queue: QUEUE });
  });

  afterAll(async () => {
    for (const { child } of workers) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await once(child, 'exit');
      }
    }
    await boss?.stop({ graceful: false, close: true, timeout: 2000 });
    await provider?.close();
    await database?.close();
  });

  it('N4: after a SIGKILL mid-run, every message reaches the provider exactly once and is recorded once', async () => {
    const appointmentIds = await seedDeliveries();

    // Once KILL_AFTER_DELIVERED messages are in, the provider accepts messages but withholds its replies:
    // the worker dies with deliveries that reached the provider and were never recorded as sent.
    provider.stallAfter = KILL_AFTER_DELIVERED;
    const first = startWorkerProcess();
    await waitFor('every delivery loop to wait on the provider', () =>
      provider.stalled >= DELIVERY_LOOPS ? true : undefined,
    );
    first.kill('SIGKILL');
    await once(first, 'exit');
    const deliveredAtKill = provider.delivered.length;
    const stalledAtKill = provider.stalled;
    const sentAtKill = await countSent();
    provider.stallAfter = undefined;
    provider.stall = false;
    // The kill landed mid-run: messages the provider accepted are not recorded as sent.
    expect(sentAtKill).toBeLessThanOrEqual(deliveredAtKill - stalledAtKill);
    expect(sentAtKill).toBeLessThan(MESSAGES);

    const killedAt = Date.now();
    startWorkerProcess();
    await waitFor(
      'all messages sent',
      async () => ((await countSent()) === MESSAGES ? true : undefined),
      100_000,
    );
    const recoverySeconds = (Date.now() - killedAt) / 1000;

    // At the provider: each message once, to each number once; the retries of the lost replies reused
    // their idempotency token and were dropped as duplicates.
    expect(provider.delivered).toHaveLength(MESSAGES);
    expect(new Set(provider.delivered.map((m) => m.to)).size).toBe(MESSAGES);
    expect(new Set(provider.delivered.map((m) => m.token)).size).toBe(MESSAGES);
    expect(provider.droppedDuplicates).toBeGreaterThanOrEqual(stalledAtKill);

    // In the outbox: one row per message, sent, carrying the provider's sid of that message.
    const rows = await database.db.select().from(outboxMessages);
    expect(rows).toHaveLength(MESSAGES);
    expect(rows.every((row) => row.status === 'sent' && row.transport === 'http')).toBe(true);
    const sidByToken = new Map(provider.delivered.map((m) => [m.token, m.sid]));
    expect(rows.every((row) => row.providerMessageId === sidByToken.get(row.idempotencyKey))).toBe(true);

    // In each appointment's history: exactly one notification_sent.
    const history = await database.db
      .select({ appointmentId: appointmentHistory.appointmentId, n: sql<number>`count(*)::int` })
      .from(appointmentHistory)
      .where(eq(appointmentHistory.action, 'notification_sent'))
      .groupBy(appointmentHistory.appointmentId);
    expect(history).toHaveLength(MESSAGES);
    expect(new Set(history.map((h) => h.appointmentId))).toEqual(new Set(appointmentIds));
    expect(history.every((h) => h.n === 1)).toBe(true);

    // Every job completed (none left active, failed or retrying).
    const jobs = await boss.findJobs('notifications.deliver', {});
    expect(jobs.filter((job) => job.state === 'completed')).toHaveLength(MESSAGES);

    console.log(
      `[crash test] delivered before the kill: ${deliveredAtKill} (${stalledAtKill} replies withheld, ` +
        `${sentAtKill} recorded as sent); ` +
        `duplicates dropped by the idempotency token: ${provider.droppedDuplicates}; ` +
        `all ${MESSAGES} sent ${recoverySeconds.toFixed(1)} s after the kill`,
    );
  }, 150_000);
});
