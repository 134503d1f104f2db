// A6 on PostgreSQL: the web process without its in-process worker (IN_PROCESS_WORKER=false) only enqueues;
// a separate `creneau worker` process delivers. Real processes, real HTTP, real SMS provider stand-in.
// (The one-process mode — web and worker together, on PGlite — is what every notification test runs.)
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD } from '../../test/factories.ts';
import { localInstant, makeClinic, makeService, makeUser } from '../../test/scheduling-factories.ts';
import { type SmsProviderStandIn, startSmsProvider } from '../../test/sms-provider.ts';
import { openTestDatabase, testEngine } from '../../test/test-db.ts';
import { waitFor } from '../../test/wait.ts';
import type { Database } from '../db/client.ts';
import { outboxMessages } from '../db/schema.ts';

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));
let database: Database & { url?: string };
let provider: SmsProviderStandIn;
const children: { child: ChildProcess; output: string[] }[] = [];

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

function start(command: 'serve' | 'worker', env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', command], {
    cwd: repositoryRoot,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      SMS_PROVIDER_URL: provider.url,
      SMS_ACCOUNT_SID: 'ACstandin',
      SMTP_URL: '',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  children.push({ child, output });
  return child;
}

describe.skipIf(testEngine !== 'postgres')('A6: web and worker as separate processes', () => {
  beforeAll(async () => {
    database = await openTestDatabase();
    provider = await startSmsProvider({ minDelayMs: 0, maxDelayMs: 2 });
  });

  afterAll(async () => {
    for (const { child } of children) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
    }
    await provider?.close();
    await database?.close();
  });

  it('A6/N4: a booking on a web process without worker is delivered by a separate `creneau worker`', async () => {
    const { db } = database;
    const clinic = await makeClinic(db);
    const service = await makeService(db, clinic.organisation.id, clinic.location.id);
    const user = await makeUser(db, clinic.account.id, clinic.organisation.id, {
      mobilePhone: '+15145550199',
    });

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    start('serve', {
      PORT: String(port),
      HOST: '127.0.0.1',
      IN_PROCESS_WORKER: 'false',
      COOKIE_SECURE: 'false',
    });
    const describeOutput = () => children.map((c) => c.output.join('').slice(-2000)).join('\n');
    await waitFor(
      async () => ((await fetch(`${base}/readyz`).catch(() => undefined))?.ok ? true : undefined),
      60_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${describeOutput()}`);
    });

    const signIn = await fetch(`${base}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: clinic.admin.email, password: PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const session = (await (await fetch(`${base}/api/v1/auth/session`, { headers: { cookie } })).json()) as {
      csrfToken: string;
    };
    const booked = await fetch(`${base}/api/v1/orgs/${clinic.organisation.id}/appointments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': session.csrfToken },
      body: JSON.stringify({
        serviceId: service.id,
        providerId: clinic.provider.id,
        startsAt: localInstant('America/Toronto', 5, '10:00'),
        userIds: [user.id],
      }),
    });
    expect(booked.status, await booked.clone().text()).toBe(201);

    // The web process enqueued the confirmation in the booking transaction; nothing is delivered yet.
    if (database.kind !== 'postgres') throw new Error('PostgreSQL only');
    const { rows } = await database.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'notifications.deliver' AND state = 'created'`,
    );
    const queued = rows[0]!.n;
    expect(queued).toBe(1);
    expect(provider.delivered).toHaveLength(0);
    expect(await db.select().from(outboxMessages).where(eq(outboxMessages.userId, user.id))).toHaveLength(0);

    start('worker', {});
    const delivered = await waitFor(
      () => provider.delivered.find((m) => m.to === '+15145550199'),
      60_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${describeOutput()}`);
    });
    expect(delivered.body).toMatch(/\S/);
    const [row] = await waitFor(async () => {
      const rows = await db.select().from(outboxMessages).where(eq(outboxMessages.userId, user.id));
      return rows[0]?.status === 'sent' ? rows : undefined;
    });
    expect(row!.kind).toBe('appointment_confirmation');
    expect(row!.transport).toBe('http');
  }, 120_000);
});
