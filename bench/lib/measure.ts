// Timing of real calls: a warm-up pass that also checks each case returns what it should, then a fixed
// number of samples taken round-robin over the cases, summarised overall and per case kind
// (nearest-rank percentiles).
import { performance } from 'node:perf_hooks';
import type { Db } from '../../src/db/client.ts';
import type { BenchResult, RunContext } from './benchmark.ts';

export type MeasuredCase = {
  /** Groups cases in the per-kind lines of the report ("name", "phone", ...). */
  kind: string;
  /** Says which input this case sends, in EXPLAIN output. */
  label: string;
  /** The real call; `db` is the benchmark database, or a recording one under `--explain`. */
  call(db: Db): Promise<unknown>;
  /** Whether a result is the expected one (a search finds rows, a probe finds its record). */
  check?(result: unknown): boolean;
};

export type Summary = { samples: number; medianMs: number; p95Ms: number; p99Ms: number };
export type Measured = { overall: Summary; byKind: Map<string, Summary>; checkedByKind: Map<string, number> };

export function summarise(durations: number[]): Summary {
  const sorted = [...durations].sort((a, b) => a - b);
  const at = (quantile: number) => sorted[Math.max(0, Math.ceil(quantile * sorted.length) - 1)] ?? Number.NaN;
  return { samples: sorted.length, medianMs: at(0.5), p95Ms: at(0.95), p99Ms: at(0.99) };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const values = map.get(key);
  if (values) values.push(value);
  else map.set(key, [value]);
}

/** Calls every case once (and at least `warmup` calls in all), returning the share of passed checks per kind. */
async function warmUp(db: Db, cases: MeasuredCase[], warmup: number): Promise<Map<string, number>> {
  const checks = new Map<string, boolean[]>();
  for (let i = 0; i < Math.max(warmup, cases.length); i++) {
    const current = cases[i % cases.length]!;
    const result = await current.call(db);
    if (current.check && i < cases.length) push(checks, current.kind, current.check(result));
  }
  return new Map([...checks].map(([kind, values]) => [kind, values.filter(Boolean).length / values.length]));
}

/**
 * Warms up, then runs `samples` measured calls cycling through the cases in the order given:
 * benchmarks interleave their kinds so that each kind meets the same cache conditions.
 */
export async function measureCases(
  db: Db,
  cases: MeasuredCase[],
  options: { samples: number; warmup: number },
): Promise<Measured> {
  if (!cases.length) throw new Error('measureCases needs at least one case');
  const checkedByKind = await warmUp(db, cases, options.warmup);
  const durations: number[] = [];
  const byKind = new Map<string, number[]>();
  for (let i = 0; i < options.samples; i++) {
    const current = cases[i % cases.length]!;
    const started = performance.now();
    await current.call(db);
    const elapsed = performance.now() - started;
    durations.push(elapsed);
    push(byKind, current.kind, elapsed);
  }
  return {
    overall: summarise(durations),
    byKind: new Map([...byKind].map(([kind, values]) => [kind, summarise(values)])),
    checkedByKind,
  };
}

/** Under `--explain`, prints the plans of the first case of each kind. */
export async function explainKinds(ctx: RunContext, name: string, cases: MeasuredCase[]): Promise<void> {
  if (!ctx.isExplaining) return;
  const seen = new Set<string>();
  for (const item of cases) {
    if (seen.has(item.kind)) continue;
    seen.add(item.kind);
    await ctx.explain(`${name} · ${item.kind} · ${item.label}`, (db) => item.call(db));
  }
}

/**
 * The benchmark line followed by one line per kind, each judged against the same median goal; a kind
 * whose cases were checked notes how many returned the expected result (`checkLabel`).
 */
export function toResults(
  name: string,
  measured: Measured,
  goal: { goalMs: number; note: string; checkLabel?: string },
): BenchResult[] {
  const line = (lineName: string, summary: Summary, note?: string): BenchResult => ({
    name: lineName,
    ...summary,
    goalMs: goal.goalMs,
    isPass: summary.medianMs < goal.goalMs,
    ...(note ? { note } : {}),
  });
  const checkNote = (kind: string) => {
    const share = measured.checkedByKind.get(kind);
    return share === undefined
      ? undefined
      : `${Math.round(share * 100)} % ${goal.checkLabel ?? 'as expected'}`;
  };
  return [
    line(name, measured.overall, goal.note),
    ...[...measured.byKind].map(([kind, summary]) => line(`${name} · ${kind}`, summary, checkNote(kind))),
  ];
}
