// The public booking rush over real HTTP (issue #8): the application listens on loopback (PostgreSQL pool of
// 20) and 200 concurrent clients play 800 anonymous visitors of the portal on the 2,000 slots of 10 providers
// over 10 days. A visitor does what the booking page does: reads the week of free times, holds one of the
// first few of their preferred day without naming a provider (the server takes any provider free then; the
// first few times still draw many holds), then books it as a guest with their own email. A
// visitor whose hold is refused (409) reads a fresh list and tries again, up to four holds. Each visitor
// comes from its own address (X-Forwarded-For, which the app trusts from a loopback peer), so the per-address limits of the public
// routes stay in force, as in production, without one load generator exhausting them.
// The issue sets no speed goal, and in a closed loop of 200 clients latency is about 200 / throughput, so a
// latency goal would mostly measure the concurrency: the figures are reported for information. The must-pass
// line is the database check: no provider double-booked, every booked appointment with exactly one
// participant, as many appointments as 201 replies, and no status but 200 (list), 201/409 (hold), 201 (book).
import { eq, sql } from 'drizzle-orm';
import { loadConfig } from '../src/config.ts';
import type { Services } from '../src/context.ts';
import { type Database, openDatabase } from '../src/db/client.ts';
import { organisations } from '../src/db/schema.ts';
import { buildApp } from '../src/http/app.ts';
import { startBoss } from '../src/jobs/boss.ts';
import { toInstant } from '../src/scheduling/slots.ts';
import { type BenchResult, defineBenchmark } from './lib/benchmark.ts';
import { type BookingCheck, checkBookings, clearBookings } from './lib/bookings.ts';
import { BENCH_TIME_ZONE, type ClinicState, clinicDate, seedClinic } from './lib/clinic.ts';
import { type FlowClient, type FlowResult, runFlows } from './lib/flow-load.ts';
import type { LoadResult } from './lib/http-load.ts';
import { createProgress } from './lib/progress.ts';
import { createRandom } from './users/cases.ts';

const PROVIDERS = 10;
const DAYS = 10;
/** 08:00–18:00 in 30-minute slots (the consultation service). */
const SLOTS = PROVIDERS * DAYS * 20;
const VISITORS = 800;
const CLIENTS = 200;
const POOL_SIZE = 20;
/** A visitor picks among the first few free slots of their day: popular slots draw many holds. */
const FIRST_FEW = 5;
const MAX_HOLDS = 4;
/** New steps stop after this; a loaded 2-core machine serves about 4–5 visitors a second. */
const TIME_LIMIT_SECONDS = 120;
const SEED_VERSION = 1;
const EVERY_DAY_8_TO_18 = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  weekday,
  startTime: '08:00',
  endTime: '18:00',
}));
/** The booking page shows a week at a time: tomorrow's week, then the next one (days 1–7 and 8–14). */
const WEEK_STARTS = [1, 8];

type State = ClinicState & { slug: string };
type PublicSlot = { startsAt: string; locationId: string | null; remaining: number };
type Outcome = 'booked' | 'sold out' | 'gave up' | 'failed' | 'cut short';

export default defineBenchmark<State>({
  name: 'portal-rush',
  fingerprint: `portal-rush:${PROVIDERS}:v${SEED_VERSION}`,

  async seed({ tx }) {
    const clinic = await seedClinic(tx, {
      providers: PROVIDERS,
      hours: EVERY_DAY_8_TO_18,
      spanStart: clinicDate(-1),
    });
    const [organisation] = await tx
      .select({ slug: organisations.slug })
      .from(organisations)
      .where(eq(organisations.id, clinic.organisationId));
    return { ...clinic, slug: organisation!.slug };
  },

  async run(ctx, state) {
    const database = await openDatabase({ databaseUrl: ctx.database.connectionString, poolSize: POOL_SIZE });
    if (database.kind !== 'postgres') throw new Error('the portal rush needs PostgreSQL');
    try {
      await clearRush(database, state.organisationId);
      await openSlotDays(database, state.organisationId);
      const outcomes = new Map<Outcome, number>();
      const flows = await measurePortal(database, state, outcomes);
      const check = await checkBookings(database, state.organisationId);
      ctx.log(`  ${describeRun(flows, outcomes, check)}`);
      await clearRush(database, state.organisationId);
      return toResults(flows, outcomes, check);
    } finally {
      await database.close();
    }
  },
});

/** Opening hours only on days 1–10 from today, whatever day the seed was made. */
async function openSlotDays(database: Database, organisationId: string) {
  await database.db.execute(sql`
    UPDATE availability_rules SET valid_from = ${clinicDate(1)}, valid_until = ${clinicDate(DAYS)}
    WHERE organisation_id = ${organisationId}`);
}

/** The bookings and the guest records the portal created (the seeded clinic has no other user records). */
async function clearRush(database: Database, organisationId: string) {
  await clearBookings(database, organisationId);
  await database.db.execute(sql`
    DELETE FROM users WHERE id IN (SELECT user_id FROM user_organisations WHERE organisation_id = ${organisationId})`);
}

async function measurePortal(database: Database, state: State, outcomes: Map<Outcome, number>) {
  const config = { ...loadConfig({}), cookieSecure: false, logLevel: 'warn' };
  const boss = await startBoss(database, { supervise: false });
  const services: Services = { config, database, db: database.db, boss };
  const app = await buildApp(services);
  const progress = createProgress();
  try {
    const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    const visitor = createVisitor(state, new URL(baseUrl).origin);
    progress.start('visitors', VISITORS);
    const flows = await runFlows({
      baseUrl,
      visitors: VISITORS,
      clients: CLIENTS,
      timeLimitSeconds: TIME_LIMIT_SECONDS,
      visit: async (index, client) => {
        const outcome = await visitor(index, client);
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      },
      onVisited: () => progress.advance(1),
    });
    progress.finish();
    return flows;
  } finally {
    await app.close();
    await boss.stop({ graceful: false, close: true, timeout: 2000 });
  }
}

/** One visitor's flow: list the week, hold a popular slot, retry on 409 with a fresh list, book as a guest. */
function createVisitor(state: State, origin: string) {
  const random = createRandom(8);
  const base = `/api/v1/public/organisations/${state.slug}`;
  const weeks = WEEK_STARTS.map((start) => `from=${clinicDate(start)}&to=${clinicDate(start + 6)}`);
  return async (index: number, client: FlowClient): Promise<Outcome> => {
    const headers = {
      // 198.18.0.0/15 is set aside for benchmarks (RFC 2544): one address per visitor.
      'x-forwarded-for': `198.${18 + (index >> 16)}.${(index >> 8) & 255}.${index & 255}`,
      origin,
      'accept-language': index % 2 ? 'en-CA,en;q=0.8' : 'fr-CA,fr;q=0.8',
    };
    const preferredDay = 1 + Math.floor(random() * DAYS);
    let week = preferredDay < WEEK_STARTS[1]! ? 0 : 1;
    let hasSwitchedWeek = false;
    for (let holds = 0; holds < MAX_HOLDS; ) {
      if (client.isOverdue()) return 'cut short';
      const list = await client.send({
        kind: 'list',
        method: 'GET',
        path: `${base}/services/${state.consultationId}/slots?${weeks[week]}`,
        headers,
      });
      if (list.status !== 200) return 'failed';
      const slot = pickSlot(list.body as PublicSlot[], preferredDay, random);
      if (!slot) {
        if (hasSwitchedWeek) return 'sold out';
        [week, hasSwitchedWeek] = [1 - week, true];
        continue;
      }
      const hold = await client.send({
        kind: 'hold',
        method: 'POST',
        path: `${base}/holds`,
        body: { serviceId: state.consultationId, ...slot },
        headers,
      });
      holds++;
      if (hold.status === 409) continue;
      if (hold.status !== 201) return 'failed';
      const booking = await client.send({
        kind: 'book',
        method: 'POST',
        path: `${base}/bookings`,
        body: {
          holdToken: (hold.body as { token: string }).token,
          guest: { firstName: 'Visitor', lastName: `Rush${index}`, email: `guest-${index}@portal-rush.test` },
        },
        headers,
      });
      return booking.status === 201 ? 'booked' : 'failed';
    }
    return 'gave up';
  };
}

const dayStarts = new Map<number, string>();
/** The UTC instant (ISO text, so it compares as text) at which day `offset` from today begins in the clinic. */
function dayStart(offset: number): string {
  let start = dayStarts.get(offset);
  if (!start) {
    start = new Date(toInstant(clinicDate(offset), '00:00', BENCH_TIME_ZONE)).toISOString();
    dayStarts.set(offset, start);
  }
  return start;
}

/** One of the first few free slots of the preferred day, or of the nearest day of the list that has any. */
function pickSlot(
  slots: PublicSlot[],
  preferredDay: number,
  random: () => number,
): Pick<PublicSlot, 'startsAt' | 'locationId'> | undefined {
  const byDay = new Map<number, PublicSlot[]>();
  for (const slot of slots) {
    let day = preferredDay;
    while (slot.startsAt < dayStart(day)) day--;
    while (slot.startsAt >= dayStart(day + 1)) day++;
    const list = byDay.get(day);
    if (list) list.push(slot);
    else byDay.set(day, [slot]);
  }
  const days = [...byDay.keys()].sort(
    (a, b) => Math.abs(a - preferredDay) - Math.abs(b - preferredDay) || a - b,
  );
  if (!days.length) return undefined;
  const daySlots = byDay
    .get(days[0]!)!
    .sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : 0));
  const picked = daySlots[Math.floor(random() * Math.min(FIRST_FEW, daySlots.length))]!;
  // As the booking page does: a time, not a provider — the server holds any provider free then.
  return { startsAt: picked.startsAt, locationId: picked.locationId };
}

/** Statuses a visitor should never meet: anything but 200 on a list, 201/409 on a hold, 201 on a booking. */
function unexpectedStatuses(flows: FlowResult): string[] {
  const expected: Record<string, number[]> = { list: [200], hold: [201, 409], book: [201] };
  return [...flows.byKind].flatMap(([kind, load]) =>
    [...load.statuses]
      .filter(([status]) => !expected[kind]?.includes(status))
      .map(([status, count]) => `${kind} ${status}×${count}`),
  );
}

function statuses(load: LoadResult | undefined): string {
  return load ? [...load.statuses].map(([status, count]) => `${status}×${count}`).join(' ') : 'none';
}

function describeOutcomes(outcomes: Map<Outcome, number>): string {
  return [...outcomes].map(([outcome, count]) => `${outcome} ${count}`).join(', ');
}

function describeRun(flows: FlowResult, outcomes: Map<Outcome, number>, check: BookingCheck): string {
  const kinds = [...flows.byKind]
    .map(
      ([kind, load]) =>
        `${kind} ${load.sent} = ${load.perSecond.toFixed(0)}/s p99 ${load.latency.p99Ms.toFixed(0)} ms [${statuses(load)}]`,
    )
    .join('; ');
  return `${flows.visited} visitors in ${flows.seconds.toFixed(1)} s${flows.stoppedAt ? ' (time limit)' : ''}: ${kinds}; visitors ${describeOutcomes(outcomes)}; database: ${check.appointments} booked, ${check.held} held, ${check.overlaps} overlaps, ${check.withoutOneParticipant} without exactly one participant`;
}

function toResults(flows: FlowResult, outcomes: Map<Outcome, number>, check: BookingCheck): BenchResult[] {
  const unexpected = unexpectedStatuses(flows);
  const booked201 = flows.byKind.get('book')?.statuses.get(201) ?? 0;
  const isCorrect =
    check.overlaps === 0 &&
    check.withoutOneParticipant === 0 &&
    check.appointments === booked201 &&
    check.booked === booked201 &&
    unexpected.length === 0;
  const info = (kind: string, label: string): BenchResult => {
    const load = flows.byKind.get(kind);
    return {
      name: `portal-rush.${kind} · ${label}`,
      samples: load?.sent ?? 0,
      medianMs: load?.latency.medianMs ?? Number.NaN,
      p95Ms: load?.latency.p95Ms ?? Number.NaN,
      p99Ms: load?.latency.p99Ms ?? Number.NaN,
      goalMs: Number.POSITIVE_INFINITY,
      goal: 'info',
      isPass: true,
      note: `${(load?.perSecond ?? 0).toFixed(0)} req/s · ${statuses(load)}`,
    };
  };
  return [
    info('list', `public slot list, a week (${CLIENTS} clients)`),
    info('hold', 'hold a slot'),
    info('book', 'book the hold as a guest'),
    {
      name: `portal-rush · whole visit, ${VISITORS} visitors`,
      ...flows.visits,
      goalMs: Number.POSITIVE_INFINITY,
      goal: 'no double booking',
      isPass: isCorrect,
      note: [
        `${check.appointments}/${SLOTS} slots booked`,
        `${check.overlaps} overlaps`,
        `${check.withoutOneParticipant} without exactly one participant`,
        `${check.held} holds left`,
        `visitors: ${describeOutcomes(outcomes)}`,
        ...(unexpected.length ? [`unexpected: ${unexpected.join(' ')}`] : []),
        ...(flows.stoppedAt ? [`stopped by the time limit at ${flows.stoppedAt.toFixed(0)} s`] : []),
        'issue #8',
      ].join(' · '),
    },
  ];
}
