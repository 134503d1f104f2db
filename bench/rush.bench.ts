// A booking rush over real HTTP (issues #5 and #8): the application listens on loopback (PostgreSQL pool
// of 20), a staff member is signed in, and 200 concurrent clients make 20,000 booking attempts — ten per
// slot, in shuffled order — on 2,000 slots. Exactly 2,000 must succeed, without overlap. The same load
// then runs against a bare endpoint that only inserts the appointment and its participant in one
// transaction: the application's throughput must stay at least half of that floor.
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { loadConfig } from '../src/config.ts';
import type { Services } from '../src/context.ts';
import { type Database, openDatabase, sqlStateOf } from '../src/db/client.ts';
import { appointments, participants } from '../src/db/schema.ts';
import { buildApp } from '../src/http/app.ts';
import { startBoss } from '../src/jobs/boss.ts';
import { toInstant } from '../src/scheduling/slots.ts';
import { PASSWORD } from '../test/factories.ts';
import { type BenchResult, defineBenchmark } from './lib/benchmark.ts';
import { checkBookings, clearBookings } from './lib/bookings.ts';
import { BENCH_TIME_ZONE, type ClinicState, clinicDate, seedClinic } from './lib/clinic.ts';
import { type LoadRequest, type LoadResult, requestJson, runLoad } from './lib/http-load.ts';
import { formatCount } from './lib/progress.ts';
import { createRandom } from './users/cases.ts';
import { seedUsers } from './users/seed-users.ts';

const PROVIDERS = 10;
const DAYS = 10;
const SLOTS_PER_DAY = 20;
const SLOTS = PROVIDERS * DAYS * SLOTS_PER_DAY;
const ATTEMPTS_PER_SLOT = 10;
const CLIENTS = 200;
const POOL_SIZE = 20;
const TIME_LIMIT_SECONDS = 120;
const SEED_VERSION = 1;
const RATIO_GOAL = 0.5;
const EVERY_DAY_8_TO_18 = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  weekday,
  startTime: '08:00',
  endTime: '18:00',
}));

type State = ClinicState;

export default defineBenchmark<State>({
  name: 'rush',
  fingerprint: `rush:${PROVIDERS}:${SLOTS}:v${SEED_VERSION}`,

  async seed({ tx, progress }) {
    const clinic = await seedClinic(tx, {
      providers: PROVIDERS,
      hours: EVERY_DAY_8_TO_18,
      spanStart: clinicDate(-1),
    });
    await seedUsers(tx, { ...clinic, count: SLOTS * ATTEMPTS_PER_SLOT }, progress);
    return clinic;
  },

  async run(ctx, state) {
    const database = await openDatabase({ databaseUrl: ctx.database.connectionString, poolSize: POOL_SIZE });
    if (database.kind !== 'postgres') throw new Error('the rush needs PostgreSQL');
    try {
      await clearBookings(database, state.organisationId);
      const userIds = await listUserIds(database, state.organisationId);
      const attempts = buildAttempts(state, userIds);
      const app = await measureApplication(ctx.log, database, state, attempts);
      const appCheck = await checkBookings(database, state.organisationId);
      ctx.log(`  application: ${describe(app)}; ${appCheck.booked} booked, ${appCheck.overlaps} overlaps`);
      await clearBookings(database, state.organisationId);
      const bare = await measureBare(ctx.log, database, state, attempts);
      const bareCheck = await checkBookings(database, state.organisationId);
      ctx.log(
        `  bare endpoint: ${describe(bare)}; ${bareCheck.booked} booked, ${bareCheck.overlaps} overlaps`,
      );
      await clearBookings(database, state.organisationId);
      const ratio = app.perSecond / bare.perSecond;
      const isCorrect =
        appCheck.booked === SLOTS &&
        appCheck.overlaps === 0 &&
        app.statuses.get(201) === SLOTS &&
        !app.stoppedAt;
      return [
        result(`rush.book · application (${CLIENTS} clients)`, app, {
          // Same concurrency on both sides: half the throughput is about twice the median latency.
          goalMs: bare.latency.medianMs / RATIO_GOAL,
          goal: `throughput ≥ ${RATIO_GOAL} × bare`,
          isPass: isCorrect && ratio >= RATIO_GOAL,
          note: `${app.perSecond.toFixed(0)} req/s · ${appCheck.booked}/${SLOTS} booked · ${appCheck.overlaps} overlaps · ratio ${ratio.toFixed(2)} (goal ≥ ${RATIO_GOAL}) · issues #5 #8`,
        }),
        result('rush.book · bare two-insert endpoint', bare, {
          goalMs: Number.POSITIVE_INFINITY,
          goal: 'the floor',
          isPass: bareCheck.booked === SLOTS && bareCheck.overlaps === 0,
          note: `${bare.perSecond.toFixed(0)} req/s · ${bareCheck.booked}/${SLOTS} booked · the floor`,
        }),
      ];
    } finally {
      await database.close();
    }
  },
});

function result(
  name: string,
  load: LoadResult,
  goal: { goalMs: number; goal: string; isPass: boolean; note: string },
) {
  return { name, ...load.latency, ...goal } satisfies BenchResult;
}

function describe(load: LoadResult): string {
  const statuses = [...load.statuses].map(([status, count]) => `${status}×${count}`).join(' ');
  return `${formatCount(load.sent)} requests in ${load.seconds.toFixed(1)} s = ${load.perSecond.toFixed(0)}/s, p99 ${load.latency.p99Ms.toFixed(0)} ms [${statuses}]${load.stoppedAt ? ' (time limit)' : ''}`;
}

/** Ten attempts per slot, shuffled, each for a different user. */
function buildAttempts(state: State, userIds: string[]) {
  const slots: { providerId: string; startsAt: string }[] = [];
  for (let day = 2; day < 2 + DAYS; day++) {
    const date = clinicDate(day);
    for (let i = 0; i < SLOTS_PER_DAY; i++) {
      const time = `${String(8 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`;
      const startsAt = new Date(toInstant(date, time, BENCH_TIME_ZONE)).toISOString();
      for (const providerId of state.providerIds) slots.push({ providerId, startsAt });
    }
  }
  const attempts = slots.flatMap((slot) => Array.from({ length: ATTEMPTS_PER_SLOT }, () => slot));
  const random = createRandom(8);
  for (let i = attempts.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [attempts[i], attempts[j]] = [attempts[j]!, attempts[i]!];
  }
  return attempts.map((slot, i) => ({ ...slot, userId: userIds[i % userIds.length]! }));
}

type Attempt = ReturnType<typeof buildAttempts>[number];

async function measureApplication(
  log: (line: string) => void,
  database: Database,
  state: State,
  attempts: Attempt[],
): Promise<LoadResult> {
  const config = { ...loadConfig({}), cookieSecure: false, logLevel: 'warn' };
  const boss = await startBoss(database, { supervise: false });
  const services: Services = { config, database, db: database.db, boss };
  const app = await buildApp(services);
  try {
    const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    const signIn = await requestJson(baseUrl, 'POST', '/api/v1/auth/sign-in', {
      body: { email: state.adminEmail, password: PASSWORD },
    });
    if (signIn.status !== 200) throw new Error(`sign-in answered ${signIn.status}`);
    const cookie = signIn.cookies.join('; ');
    const session = await requestJson(baseUrl, 'GET', '/api/v1/auth/session', { cookie });
    const csrfToken = (session.body as { csrfToken: string }).csrfToken;
    const path = `/api/v1/orgs/${state.organisationId}/appointments`;
    const requests: LoadRequest[] = attempts.map((attempt) => ({
      path,
      body: {
        serviceId: state.consultationId,
        providerId: attempt.providerId,
        startsAt: attempt.startsAt,
        userIds: [attempt.userId],
      },
    }));
    return await runLoad({
      baseUrl,
      headers: { cookie, 'x-csrf-token': csrfToken },
      requests,
      clients: CLIENTS,
      timeLimitSeconds: TIME_LIMIT_SECONDS,
      onProgress: (done) =>
        log(`  application: ${formatCount(done)}/${formatCount(requests.length)} attempts`),
    });
  } finally {
    await app.close();
    await boss.stop({ graceful: false, close: true, timeout: 2000 });
  }
}

/** The floor: a route that only inserts an appointment row and a participant row in one transaction. */
async function measureBare(
  log: (line: string) => void,
  database: Database,
  state: State,
  attempts: Attempt[],
): Promise<LoadResult> {
  const app = Fastify({ logger: false });
  app.post<{ Body: { providerId: string; startsAt: string; userId: string } }>(
    '/bare',
    async (request, reply) => {
      const startsAt = new Date(request.body.startsAt);
      const endsAt = new Date(startsAt.getTime() + 30 * 60_000);
      try {
        const id = await database.db.transaction(async (tx) => {
          const [row] = await tx
            .insert(appointments)
            .values({
              organisationId: state.organisationId,
              serviceId: state.consultationId,
              providerId: request.body.providerId,
              locationId: state.locationId,
              startsAt,
              endsAt,
              busyStartsAt: startsAt,
              busyEndsAt: endsAt,
              state: 'booked',
            })
            .returning({ id: appointments.id });
          await tx
            .insert(participants)
            .values({ appointmentId: row!.id, userId: request.body.userId, status: 'scheduled' });
          return row!.id;
        });
        return reply.status(201).send({ id });
      } catch (error) {
        if (sqlStateOf(error) === '23P01')
          return reply.status(409).send({ error: { code: 'slot_unavailable' } });
        throw error;
      }
    },
  );
  try {
    const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    return await runLoad({
      baseUrl,
      headers: {},
      requests: attempts.map((attempt) => ({ path: '/bare', body: attempt })),
      clients: CLIENTS,
      timeLimitSeconds: TIME_LIMIT_SECONDS,
      onProgress: (done) =>
        log(`  bare endpoint: ${formatCount(done)}/${formatCount(attempts.length)} attempts`),
    });
  } finally {
    await app.close();
  }
}

async function listUserIds(database: Database, organisationId: string): Promise<string[]> {
  const result = await database.db.execute(
    sql`SELECT user_id AS id FROM user_organisations WHERE organisation_id = ${organisationId} ORDER BY user_id`,
  );
  return (result as unknown as { rows: { id: string }[] }).rows.map((row) => row.id);
}
