// Users at scale (issue #4): one organisation with 1,000,000 user records; type-ahead search and
// duplicate suggestions (U8) measured through `searchUsers` and `findDuplicateSuggestions`.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.ts';
import { users } from '../src/db/schema.ts';
import { findDuplicateSuggestions, searchUsers } from '../src/users/queries.ts';
import { loadScope, type VisibilityScope } from '../src/users/visibility.ts';
import { makeAccount } from '../test/factories.ts';
import { defineBenchmark } from './lib/benchmark.ts';
import { loadWithoutSecondaryIndexes } from './lib/bulk.ts';
import { explainKinds, type MeasuredCase, measureCases, toResults } from './lib/measure.ts';
import {
  buildProbes,
  buildSearchQueries,
  createRandom,
  type Probe,
  type SampledUser,
  type SearchKind,
  sampleUsers,
} from './users/cases.ts';
import { seedUsers } from './users/seed-users.ts';

const USER_COUNT = Number(process.env.BENCH_USERS ?? 1_000_000);
const SEED_VERSION = 1;
const GOAL = { goalMs: 50, note: 'issue #4' };
const SEARCH_LIMIT = 20;
const CASES_PER_KIND = 20;
const WARMUP_CALLS = 60;

type State = { accountId: string; organisationId: string; count: number };

export default defineBenchmark<State>({
  name: 'users',
  fingerprint: `users:${USER_COUNT}:v${SEED_VERSION}`,

  async seed({ tx, progress, log }, stale) {
    const { account, organisation } = stale
      ? { account: { id: stale.accountId }, organisation: { id: stale.organisationId } }
      : await makeAccount(tx);
    await loadWithoutSecondaryIndexes(tx, ['users', 'user_organisations'], progress, async () => {
      if (stale) {
        log(`  removing the stale seed of ${stale.count} users`);
        await tx.execute(sql`DELETE FROM user_organisations WHERE organisation_id = ${stale.organisationId}`);
        await tx.delete(users).where(eq(users.accountId, stale.accountId));
      }
      await seedUsers(
        tx,
        { accountId: account.id, organisationId: organisation.id, count: USER_COUNT },
        progress,
      );
    });
    return { accountId: account.id, organisationId: organisation.id, count: USER_COUNT };
  },

  async afterSeed({ db }) {
    // Sets hint bits and the visibility map, as autovacuum would have long done on a live database.
    await db.execute(sql`VACUUM (ANALYZE) users, user_organisations`);
  },

  async run(ctx, state) {
    const scope = await loadScope(ctx.db, state.organisationId);
    const sample = [
      ...(await findEloiseTremblay(ctx.db, state.accountId)),
      ...(await sampleUsers(ctx.db, state.accountId, 300, state.count)),
    ];
    ctx.log(`  ${sample.length} records sampled to build queries and probes`);
    const random = createRandom(4);
    const searchCases = toSearchCases(scope, buildSearchQueries(sample, CASES_PER_KIND, random));
    const probeCases = toProbeCases(scope, buildProbes(sample, CASES_PER_KIND, random));
    await explainKinds(ctx, 'searchUsers', searchCases);
    await explainKinds(ctx, 'findDuplicateSuggestions', probeCases);

    const options = { samples: ctx.samples, warmup: WARMUP_CALLS };
    const search = await measureCases(ctx.db, searchCases, options);
    const duplicates = await measureCases(ctx.db, probeCases, options);
    return [
      ...toResults('users.search', search, { ...GOAL, checkLabel: 'found rows' }),
      ...toResults('users.duplicates', duplicates, { ...GOAL, checkLabel: 'found the record' }),
    ];
  },
});

/** One case per query, kinds alternating, each checked to find at least one row. */
function toSearchCases(scope: VisibilityScope, queries: Record<SearchKind, string[]>): MeasuredCase[] {
  const cases: MeasuredCase[] = [];
  for (let i = 0; i < CASES_PER_KIND; i++) {
    for (const [kind, list] of Object.entries(queries)) {
      const q = list[i % list.length]!;
      cases.push({
        kind,
        label: `"${q}"`,
        call: (db) => searchUsers(db, scope, { q, limit: SEARCH_LIMIT }),
        check: (result) => (result as Awaited<ReturnType<typeof searchUsers>>).items.length > 0,
      });
    }
  }
  return cases;
}

/** One case per probe, kinds alternating, each checked to suggest the record it was typed from. */
function toProbeCases(scope: VisibilityScope, probes: Probe[]): MeasuredCase[] {
  const byKind = new Map<string, MeasuredCase[]>();
  for (const { kind, expectedId, ...probe } of probes) {
    const item: MeasuredCase = {
      kind,
      label: JSON.stringify(probe),
      call: (db) => findDuplicateSuggestions(db, scope, probe),
      check: (result) =>
        (result as Awaited<ReturnType<typeof findDuplicateSuggestions>>).some(
          (user) => user.id === expectedId,
        ),
    };
    byKind.set(kind, [...(byKind.get(kind) ?? []), item]);
  }
  const lists = [...byKind.values()];
  const longest = Math.max(...lists.map((list) => list.length));
  return Array.from({ length: longest }, (_, i) => lists.flatMap((list) => list[i] ?? [])).flat();
}

/** An "Éloïse Tremblay" of the seed leads the sample, so the first probe is issue #4's "Eloise Tremblai". */
async function findEloiseTremblay(db: Db, accountId: string): Promise<SampledUser[]> {
  const result = await db.execute(sql`
    SELECT id, first_name AS "firstName", last_name AS "lastName", birth_date::text AS "birthDate",
           email, mobile_phone AS "mobilePhone"
    FROM users WHERE account_id = ${accountId} AND search_name = 'eloise tremblay' AND mobile_phone IS NOT NULL
    ORDER BY id LIMIT 1`);
  return (result as unknown as { rows: SampledUser[] }).rows;
}
