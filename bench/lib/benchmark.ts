// The shape every `bench/*.bench.ts` file default-exports, so the harness (bench/run.ts) can seed it once,
// reuse the seed on later runs, measure it and report it like the others.
import type { Database, Db, Tx } from '../../src/db/client.ts';
import type { Progress } from './progress.ts';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One line of the results table: a benchmark, or one query kind of it. */
export type BenchResult = {
  name: string;
  samples: number;
  medianMs: number;
  p95Ms: number;
  p99Ms: number;
  /** The median must stay under this (the issue that set it is in `note`). */
  goalMs: number;
  /** Shown instead of `median < goalMs` when the line is judged otherwise ("p99 < 1000 ms", "info"). */
  goal?: string;
  isPass: boolean;
  note?: string;
};

export type SeedContext = {
  /** The seeding transaction: the harness records the seed in it, so a half-done seed leaves nothing. */
  tx: Tx;
  progress: Progress;
  log(line: string): void;
};

export type RunContext = {
  database: Extract<Database, { kind: 'postgres' }>;
  db: Db;
  /** Measured calls per benchmark (`--samples`). */
  samples: number;
  /** With `--explain`, prints EXPLAIN (ANALYZE, BUFFERS) of the SQL a call issues. */
  explain(label: string, call: (db: Db) => Promise<unknown>): Promise<void>;
  isExplaining: boolean;
  log(line: string): void;
};

export type Benchmark<State extends JsonValue = JsonValue> = {
  /** What `npm run bench -- <name>` selects. */
  name: string;
  /** Changes whenever the seeded data would: a different fingerprint re-seeds. */
  fingerprint: string;
  /** Fills the database inside the harness's transaction; returns what `run` needs to find its data. */
  seed(ctx: SeedContext, stale: State | undefined): Promise<State>;
  /** Work that cannot run in a transaction (VACUUM), after the seed is committed. */
  afterSeed?(ctx: RunContext, state: State): Promise<void>;
  run(ctx: RunContext, state: State): Promise<BenchResult[]>;
};

/** Identity function that gives a benchmark file its types. */
export function defineBenchmark<State extends JsonValue>(benchmark: Benchmark<State>): Benchmark<State> {
  return benchmark;
}
