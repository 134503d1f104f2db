// The follow-up menu at scale (issue #6): 1,000,000 appointment participants (40 providers, three years of
// history and the year ahead); the filtered page of one provider over one month through `listFollowup`
// (first page, next page, a status filter, a name filter), and a batch action on 200 rows through
// `applyBatch` (Absent, then Present again, so the seed stays as it was).
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config.ts';
import type { StaffContext } from '../src/context.ts';
import { applyBatch } from '../src/followup/actions/apply-batch.ts';
import { type FollowupFilter, listFollowup } from '../src/followup/queries.ts';
import { startBoss } from '../src/jobs/boss.ts';
import { toInstant } from '../src/scheduling/slots.ts';
import { loadScope, type VisibilityScope } from '../src/users/visibility.ts';
import { type BenchResult, defineBenchmark } from './lib/benchmark.ts';
import { loadWithoutSecondaryIndexes } from './lib/bulk.ts';
import {
  BENCH_TIME_ZONE,
  type ClinicState,
  clinicDate,
  seedClinic,
  seedProviderAppointments,
  seedTimeOff,
} from './lib/clinic.ts';
import { explainKinds, type MeasuredCase, measureCases, summarise, toResults } from './lib/measure.ts';
import { seedUsers } from './users/seed-users.ts';

const PROVIDERS = 40;
const PARTICIPANTS = Number(process.env.BENCH_FOLLOWUP_PARTICIPANTS ?? 1_000_000);
const USERS = 200_000;
const HISTORY_DAYS = 3 * 365;
const AHEAD_DAYS = 365;
const PAGE = 50;
const BATCH_ROWS = 200;
const BATCH_SAMPLES = 6;
const SEED_VERSION = 1;
const GOAL = { goalMs: 30, note: 'issue #6' };
const BATCH_GOAL_MS = 1000;

type State = ClinicState & { spanStart: string; spanEnd: string };

/** The first instants of `count` consecutive local months, the last one starting `monthsAgo` months back. */
function months(count: number, monthsAgo: number): { from: Date; to: Date; label: string }[] {
  const [year, month] = clinicDate(0).split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const at = (k: number) => {
      const index = year * 12 + (month - 1) - monthsAgo - i + k;
      return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
    };
    return {
      from: new Date(toInstant(at(0), '00:00', BENCH_TIME_ZONE)),
      to: new Date(toInstant(at(1), '00:00', BENCH_TIME_ZONE)),
      label: at(0).slice(0, 7),
    };
  });
}

export default defineBenchmark<State>({
  name: 'followup',
  fingerprint: `followup:${PROVIDERS}:${PARTICIPANTS}:v${SEED_VERSION}`,

  async seed({ tx, progress, log }) {
    await tx.execute(sql`SELECT setseed(0.606)`);
    const spanStart = clinicDate(-HISTORY_DAYS);
    const spanEnd = clinicDate(AHEAD_DAYS);
    const clinic = await seedClinic(tx, { providers: PROVIDERS, spanStart });
    log(`  clinic ${clinic.organisationId}: ${PROVIDERS} providers, ${spanStart} → ${spanEnd}`);
    await seedTimeOff(tx, clinic, { from: spanStart, to: spanEnd });
    const tables = ['users', 'user_organisations', 'appointments', 'appointment_participants'];
    await loadWithoutSecondaryIndexes(tx, tables, progress, async () => {
      const organisation = { accountId: clinic.accountId, organisationId: clinic.organisationId };
      await seedUsers(tx, { ...organisation, count: USERS }, progress);
      progress.start('participants (one per appointment)', PARTICIPANTS);
      for (const [i, providerId] of clinic.providerIds.entries()) {
        const count = Math.floor(PARTICIPANTS / PROVIDERS) + (i < PARTICIPANTS % PROVIDERS ? 1 : 0);
        await seedProviderAppointments(tx, clinic, { providerId, from: spanStart, to: spanEnd, count });
        progress.advance(count);
      }
      progress.finish();
    });
    return { ...clinic, spanStart, spanEnd };
  },

  async afterSeed({ db }) {
    await db.execute(sql`VACUUM (ANALYZE) users, user_organisations, appointments, appointment_participants`);
  },

  async run(ctx, state) {
    const scope = await loadScope(ctx.db, state.organisationId);
    const periods = [...months(12, 1), ...months(1, -1)];
    const filters: { kind: string; filter: FollowupFilter }[] = [];
    for (const [i, period] of periods.entries()) {
      const base = {
        from: period.from,
        to: period.to,
        providerId: state.providerIds[(i * 7) % state.providerIds.length]!,
        order: 'asc' as const,
        limit: PAGE,
      };
      const first = await listFollowup(ctx.db, scope, base);
      filters.push({ kind: 'provider + month', filter: base });
      filters.push({
        kind: 'provider + month, next page',
        filter: { ...base, cursor: first.nextCursor ?? undefined },
      });
      filters.push({ kind: 'provider + month, absent', filter: { ...base, statuses: ['absent'] } });
      filters.push({ kind: 'provider + month, name', filter: { ...base, q: 'trem' } });
    }
    const cases = filters.map(
      ({ kind, filter }): MeasuredCase => ({
        kind,
        label: `${filter.providerId} ${filter.from.toISOString().slice(0, 7)}`,
        call: (db) => listFollowup(db, scope, filter),
        check: (result) => (result as Awaited<ReturnType<typeof listFollowup>>).items.length > 0,
      }),
    );
    await explainKinds(ctx, 'listFollowup', cases);
    const measured = await measureCases(ctx.db, cases, { samples: ctx.samples, warmup: 20 });
    return [
      ...toResults('followup.list', measured, { ...GOAL, checkLabel: 'found rows' }),
      await measureBatch(ctx.database, scope, state),
    ];
  },
});

/** F2: Absent then Present on the 200 first "present" rows of one provider's month, timed per batch. */
async function measureBatch(
  database: Parameters<typeof startBoss>[0],
  scope: VisibilityScope,
  state: State,
): Promise<BenchResult> {
  const [period] = months(1, 2);
  const page = await listFollowup(database.db, scope, {
    from: period!.from,
    to: period!.to,
    providerId: state.providerIds[3]!,
    statuses: ['present'],
    order: 'asc',
    limit: BATCH_ROWS,
  });
  const participantIds = page.items.map((item) => item.participantId);
  const boss = await startBoss(database, { supervise: false });
  const ctx: StaffContext = {
    db: database.db,
    boss,
    config: loadConfig({}),
    language: 'fr',
    actor: {
      kind: 'staff',
      staffId: state.adminId,
      accountId: state.accountId,
      email: state.adminEmail,
      firstName: 'Ada',
      lastName: 'Admin',
      language: 'fr',
      roles: new Map([[state.organisationId, 'admin' as const]]),
    },
  };
  const durations: number[] = [];
  let done = 0;
  try {
    for (let i = 0; i < BATCH_SAMPLES; i++) {
      const started = performance.now();
      const result = await applyBatch(ctx, state.organisationId, {
        participantIds,
        action: i % 2 === 0 ? 'absent' : 'present',
      });
      durations.push(performance.now() - started);
      done += result.done;
    }
  } finally {
    await boss.stop({ graceful: false, close: true, timeout: 2000 });
  }
  const summary = summarise(durations);
  const isComplete = participantIds.length === BATCH_ROWS && done === BATCH_ROWS * BATCH_SAMPLES;
  return {
    name: `followup.batch · ${BATCH_ROWS} rows, Absent/Present`,
    ...summary,
    goalMs: BATCH_GOAL_MS,
    isPass: isComplete && summary.medianMs < BATCH_GOAL_MS,
    note: `issue #6 · ${done}/${BATCH_ROWS * BATCH_SAMPLES} rows done`,
  };
}
