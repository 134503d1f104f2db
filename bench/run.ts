// `npm run bench [-- <name>…] [--fresh] [--samples N] [--explain]`: runs the benchmarks of
// bench/*.bench.ts against PostgreSQL (BENCH_DATABASE_URL names the server), seeding each one once
// into the `creneau_bench` database and reusing the seed on later runs; `--fresh` starts from scratch.
import { readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { runMigrations } from '../src/db/migrate.ts';
import type { Benchmark, BenchResult, JsonValue, RunContext } from './lib/benchmark.ts';
import {
  DEFAULT_SERVER_URL,
  describeUrl,
  explainCall,
  openBenchDatabase,
  type PostgresDatabase,
  readSeed,
  serverVersion,
  writeSeed,
} from './lib/database.ts';
import { createProgress, formatSeconds } from './lib/progress.ts';
import {
  type BenchReport,
  formatMarkdown,
  formatTable,
  type RunReport,
  writeJsonReport,
} from './lib/report.ts';

const USAGE = `Usage: npm run bench -- [name…] [--fresh] [--samples N] [--explain]
  name       run only these benchmarks (default: all of bench/*.bench.ts)
  --fresh    drop and recreate the ${'creneau_bench'} database, then seed again
  --samples  measured calls per benchmark (default 240)
  --explain  print EXPLAIN (ANALYZE, BUFFERS) of one query per kind before measuring
Server: BENCH_DATABASE_URL, else ${DEFAULT_SERVER_URL}`;

const log = (line: string) => console.log(line);

async function loadBenchmarks(names: string[]): Promise<Benchmark[]> {
  const directory = new URL('.', import.meta.url);
  const files = readdirSync(directory)
    .filter((file) => file.endsWith('.bench.ts'))
    .sort();
  const available = files.map((file) => file.replace(/\.bench\.ts$/, ''));
  const unknown = names.filter((name) => !available.includes(name));
  if (unknown.length)
    throw new Error(`unknown benchmark ${unknown.join(', ')}; available: ${available.join(', ')}`);
  const chosen = files.filter((_, i) => !names.length || names.includes(available[i]!));
  const modules = await Promise.all(
    chosen.map((file) => import(new URL(file, directory).href) as Promise<{ default: Benchmark }>),
  );
  return modules.map((module) => module.default);
}

/** Reuses the recorded seed when its fingerprint matches, otherwise seeds in one transaction. */
async function ensureSeeded(database: PostgresDatabase, benchmark: Benchmark, ctx: RunContext) {
  const recorded = await readSeed(database.db, benchmark.name);
  if (recorded?.fingerprint === benchmark.fingerprint) {
    log(
      `  reusing the seed "${recorded.fingerprint}" of ${recorded.seededAt} (seeded in ${formatSeconds(recorded.seconds)})`,
    );
    return {
      state: recorded.state,
      seed: { isReused: true, seconds: recorded.seconds, seededAt: recorded.seededAt },
    };
  }
  log(recorded ? `  the recorded seed "${recorded.fingerprint}" is stale: seeding again` : '  seeding');
  const started = performance.now();
  const progress = createProgress();
  const state = await database.db.transaction(async (tx) => {
    const seeded = await benchmark.seed({ tx, progress, log }, recorded?.state);
    const seconds = (performance.now() - started) / 1000;
    await writeSeed(tx, benchmark.name, { fingerprint: benchmark.fingerprint, state: seeded, seconds });
    return seeded;
  });
  if (benchmark.afterSeed) await progress.step('after seed (vacuum)', () => benchmark.afterSeed!(ctx, state));
  const seconds = (performance.now() - started) / 1000;
  log(`  seeded in ${formatSeconds(seconds)}`);
  return { state, seed: { isReused: false, seconds, seededAt: new Date().toISOString() } };
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      fresh: { type: 'boolean', default: false },
      samples: { type: 'string', default: '240' },
      explain: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return log(USAGE);
  const samples = Number(values.samples);
  if (!Number.isInteger(samples) || samples < 1) throw new Error('--samples wants a positive integer');
  const benchmarks = await loadBenchmarks(positionals);
  const serverUrl = process.env.BENCH_DATABASE_URL || DEFAULT_SERVER_URL;
  const startedAt = new Date().toISOString();
  const database = await openBenchDatabase(serverUrl, { isFresh: values.fresh });
  try {
    await runMigrations(database);
    const ctx: RunContext = {
      database,
      db: database.db,
      samples,
      isExplaining: values.explain,
      explain: (label, call) => explainCall(database, label, call, log),
      log,
    };
    const reports: BenchReport[] = [];
    for (const benchmark of benchmarks) {
      log(`\n▶ ${benchmark.name}`);
      const { state, seed } = await ensureSeeded(database, benchmark, ctx);
      const started = performance.now();
      const results: BenchResult[] = await benchmark.run(ctx, state as JsonValue);
      const runSeconds = (performance.now() - started) / 1000;
      log(`  measured in ${formatSeconds(runSeconds)}\n\n${formatTable(results)}`);
      reports.push({ name: benchmark.name, seed, runSeconds, results });
    }
    const report: RunReport = {
      startedAt,
      finishedAt: new Date().toISOString(),
      environment: {
        node: process.version,
        cpus: cpus().length,
        postgres: await serverVersion(database.db),
        database: describeUrl(database.connectionString),
      },
      benchmarks: reports,
    };
    const file = writeJsonReport(report, new URL('./results/', import.meta.url));
    log(`\nMarkdown for the README:\n\n${formatMarkdown(report)}\n\nWritten ${file}`);
    const failed = reports.flatMap((item) => item.results).filter((result) => !result.isPass);
    if (failed.length) {
      log(
        `\n${failed.length} result(s) missed their goal: ${failed.map((result) => result.name).join(', ')}`,
      );
      process.exitCode = 1;
    }
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  // Drizzle wraps the driver's error (with the SQL and its parameters); the cause says what went wrong.
  const cause =
    error instanceof Error && error.cause instanceof Error ? `\ncaused by: ${error.cause.message}` : '';
  console.error(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}${cause}`);
  process.exitCode = 2;
});
