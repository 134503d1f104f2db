// Slot search at scale (issue #5): 20 providers with weekly opening hours, holidays, vacations and locks,
// 500,000 appointments (three years of history and the year ahead, ~60 % of the quarter-hours booked);
// the public and staff searches of one 30-minute service over all providers and 30 days, through
// `searchSlots`. The two halves of a search — loading calendars, computing slots — are timed apart too.
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.ts';
import { organisations } from '../src/db/schema.ts';
import { listProviderIds, loadCalendars, loadService, toServiceSpec } from '../src/scheduling/calendars.ts';
import { searchSlots } from '../src/scheduling/slot-search.ts';
import { findFreeSlots, type ProviderCalendar } from '../src/scheduling/slots.ts';
import { defineBenchmark } from './lib/benchmark.ts';
import { loadWithoutSecondaryIndexes } from './lib/bulk.ts';
import {
  BENCH_TIME_ZONE,
  type ClinicState,
  clinicDate,
  seedClinic,
  seedProviderAppointments,
  seedTimeOff,
} from './lib/clinic.ts';
import { explainKinds, type MeasuredCase, measureCases, toResults } from './lib/measure.ts';
import { seedUsers } from './users/seed-users.ts';

const PROVIDERS = 20;
const APPOINTMENTS = Number(process.env.BENCH_SLOT_APPOINTMENTS ?? 500_000);
const USERS = 50_000;
const HISTORY_DAYS = 3 * 365;
const AHEAD_DAYS = 365;
const SEARCH_DAYS = 30;
const SEED_VERSION = 1;
const GOAL = { goalMs: 20, note: 'issue #5' };

type State = ClinicState & { spanStart: string; spanEnd: string; seededOn: string };

export default defineBenchmark<State>({
  name: 'slots',
  fingerprint: `slots:${PROVIDERS}:${APPOINTMENTS}:v${SEED_VERSION}`,

  async seed({ tx, progress, log }) {
    await tx.execute(sql`SELECT setseed(0.505)`);
    const spanStart = clinicDate(-HISTORY_DAYS);
    const spanEnd = clinicDate(AHEAD_DAYS);
    const clinic = await seedClinic(tx, { providers: PROVIDERS, spanStart });
    log(`  clinic ${clinic.organisationId}: ${PROVIDERS} providers, opening hours from ${spanStart}`);
    await seedTimeOff(tx, clinic, { from: spanStart, to: spanEnd });
    const tables = ['users', 'user_organisations', 'appointments', 'appointment_participants', 'slot_locks'];
    await loadWithoutSecondaryIndexes(tx, tables, progress, async () => {
      await seedUsers(
        tx,
        { accountId: clinic.accountId, organisationId: clinic.organisationId, count: USERS },
        progress,
      );
      progress.start(`appointments ${spanStart} → ${spanEnd}`, APPOINTMENTS);
      for (const [i, providerId] of clinic.providerIds.entries()) {
        const count = Math.floor(APPOINTMENTS / PROVIDERS) + (i < APPOINTMENTS % PROVIDERS ? 1 : 0);
        await seedProviderAppointments(tx, clinic, {
          providerId,
          from: spanStart,
          to: spanEnd,
          count,
          lockEveryDays: 5,
        });
        progress.advance(count);
      }
      progress.finish();
    });
    return { ...clinic, spanStart, spanEnd, seededOn: clinicDate(0) };
  },

  async afterSeed({ db }) {
    await db.execute(
      sql`VACUUM (ANALYZE) appointments, appointment_participants, slot_locks, availability_rules, availability_exceptions, absences, provider_busy_days`,
    );
  },

  async run(ctx, state) {
    const [organisation] = await ctx.db
      .select()
      .from(organisations)
      .where(sql`${organisations.id} = ${state.organisationId}`);
    if (!organisation) throw new Error('the seeded organisation is missing: run with --fresh');
    const booked = await ctx.db.execute(sql`
      SELECT count(*)::int AS n FROM appointments
      WHERE organisation_id = ${state.organisationId} AND state <> 'cancelled'
        AND starts_at >= now() AND starts_at < now() + interval '30 days'`);
    ctx.log(
      `  ${(booked as unknown as { rows: { n: number }[] }).rows[0]!.n} live appointments in the next 30 days`,
    );
    const windows = [1, 2, 3, 4, 5, 6, 7].map((offset) => ({
      fromDate: clinicDate(offset),
      toDate: clinicDate(offset + SEARCH_DAYS - 1),
    }));
    const search = (audience: 'public' | 'staff', window: (typeof windows)[number]): MeasuredCase => ({
      kind: `${audience}, all providers, ${SEARCH_DAYS} days`,
      label: `${window.fromDate}..${window.toDate}`,
      call: (db) => searchSlots(db, { organisation, serviceId: state.consultationId, audience, ...window }),
      check: (result) => (result as unknown[]).length > 0,
    });
    const cases = windows.flatMap((window) => [search('public', window), search('staff', window)]);
    await explainKinds(ctx, 'searchSlots', cases.slice(0, 1));
    const measured = await measureCases(ctx.db, cases, { samples: ctx.samples, warmup: 20 });

    // Where the time goes: the database half (loadCalendars) and the pure half (findFreeSlots).
    const service = await loadService(ctx.db, state.organisationId, state.consultationId);
    const providerIds = await listProviderIds(ctx.db, state.organisationId);
    const load = (db: Db, window: (typeof windows)[number]) =>
      loadCalendars(db, {
        organisationId: state.organisationId,
        timeZone: BENCH_TIME_ZONE,
        providerIds,
        ...window,
        now: new Date(),
      });
    const calendars = new Map<string, ProviderCalendar[]>();
    for (const window of windows) calendars.set(window.fromDate, await load(ctx.db, window));
    const bookings = [...calendars.values()][0]!.reduce((sum, c) => sum + c.bookings.length, 0);
    ctx.log(`  one ${SEARCH_DAYS}-day window loads ${bookings} bookings (with two days of margin)`);
    const parts: MeasuredCase[] = windows.flatMap((window) => [
      { kind: 'loadCalendars (database)', label: window.fromDate, call: (db) => load(db, window) },
      {
        kind: 'findFreeSlots (pure)',
        label: window.fromDate,
        call: async () =>
          findFreeSlots(calendars.get(window.fromDate)!, toServiceSpec(service), {
            timeZone: BENCH_TIME_ZONE,
            ...window,
            now: Date.now(),
            includeLocked: false,
          }),
      },
    ]);
    const split = await measureCases(ctx.db, parts, { samples: Math.min(ctx.samples, 120), warmup: 10 });
    return [
      ...toResults('slots.search', measured, { ...GOAL, checkLabel: 'found slots' }),
      ...toResults('slots.search parts', split, { ...GOAL, note: 'where a search spends its time' }).slice(1),
    ];
  },
});
