// Results out: an aligned table on the terminal, a Markdown table to paste into the README,
// and bench/results/latest.json (git-ignored) for tooling.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { BenchResult } from './benchmark.ts';

export type SeedReport = { isReused: boolean; seconds: number; seededAt: string };
export type BenchReport = { name: string; seed: SeedReport; runSeconds: number; results: BenchResult[] };
export type RunReport = {
  startedAt: string;
  finishedAt: string;
  environment: { node: string; cpus: number; postgres: string; database: string };
  benchmarks: BenchReport[];
};

const HEADERS = ['benchmark', 'median ms', 'p95 ms', 'p99 ms', 'samples', 'goal', 'result', 'note'];

function cells(result: BenchResult): string[] {
  return [
    result.name,
    result.medianMs.toFixed(1),
    result.p95Ms.toFixed(1),
    result.p99Ms.toFixed(1),
    String(result.samples),
    result.goal ?? `median < ${result.goalMs} ms`,
    result.isPass ? 'pass' : 'FAIL',
    result.note ?? '',
  ];
}

export function formatTable(results: BenchResult[]): string {
  const rows = [HEADERS, ...results.map(cells)];
  const widths = HEADERS.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const format = (row: string[]) =>
    row.map((cell, column) =>
      column === 0 || column === HEADERS.length - 1
        ? cell.padEnd(widths[column]!)
        : cell.padStart(widths[column]!),
    );
  const rule = widths.map((width) => '─'.repeat(width)).join('─┼─');
  return [
    format(HEADERS).join(' │ '),
    rule,
    ...results.map((result) => format(cells(result)).join(' │ ')),
  ].join('\n');
}

export function formatMarkdown(report: RunReport): string {
  const results = report.benchmarks.flatMap((benchmark) => benchmark.results);
  const align = HEADERS.map((_, column) => (column === 0 || column === HEADERS.length - 1 ? ':--' : '--:'));
  const lines = [
    `| ${HEADERS.join(' | ')} |`,
    `| ${align.join(' | ')} |`,
    ...results.map((result) => `| ${cells(result).join(' | ')} |`),
  ];
  const { environment } = report;
  return [
    ...lines,
    '',
    `_${report.finishedAt.slice(0, 10)} · PostgreSQL ${environment.postgres} · Node ${environment.node} · ${environment.cpus} CPU cores · \`npm run bench\`_`,
  ].join('\n');
}

export function writeJsonReport(report: RunReport, directory: URL): string {
  mkdirSync(directory, { recursive: true });
  const file = new URL('latest.json', directory);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file.pathname;
}
