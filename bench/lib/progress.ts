// Seeding progress: rows, rows/s, percentage and time left — one updating line on a terminal,
// a line every few seconds otherwise (CI logs).
import { performance } from 'node:perf_hooks';

export type Progress = {
  /** Starts a phase of `total` rows (or steps). */
  start(label: string, total: number): void;
  /** Adds `count` done rows to the current phase. */
  advance(count: number): void;
  /** Ends the phase and prints its summary. */
  finish(): void;
  /** A phase without a row count (building an index, ANALYZE): prints how long it took. */
  step<T>(label: string, work: () => Promise<T>): Promise<T>;
};

const LOG_EVERY_MS = 5_000;

export function formatCount(value: number): string {
  return Math.round(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

export function createProgress(stream: NodeJS.WriteStream = process.stdout): Progress {
  const isTerminal = Boolean(stream.isTTY);
  let label = '';
  let total = 0;
  let done = 0;
  let startedAt = 0;
  let lastLogAt = 0;

  const line = () => {
    const seconds = (performance.now() - startedAt) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const percent = total > 0 ? (100 * done) / total : 100;
    const left = rate > 0 ? (total - done) / rate : 0;
    const timing =
      done >= total
        ? `in ${formatSeconds(seconds)}`
        : `${formatSeconds(seconds)} elapsed, ~${formatSeconds(left)} left`;
    return `  ${label}: ${formatCount(done)}/${formatCount(total)} (${percent.toFixed(0)} %) · ${formatCount(rate)} rows/s · ${timing}`;
  };

  return {
    start(nextLabel, nextTotal) {
      label = nextLabel;
      total = nextTotal;
      done = 0;
      startedAt = performance.now();
      lastLogAt = startedAt;
      if (isTerminal) stream.write(line());
    },
    advance(count) {
      done += count;
      const now = performance.now();
      if (isTerminal) stream.write(`\r\x1b[2K${line()}`);
      else if (now - lastLogAt >= LOG_EVERY_MS && done < total) {
        lastLogAt = now;
        stream.write(`${line()}\n`);
      }
    },
    finish() {
      stream.write(`${isTerminal ? '\r\x1b[2K' : ''}${line()}\n`);
    },
    async step(stepLabel, work) {
      const started = performance.now();
      if (isTerminal) stream.write(`  ${stepLabel}…`);
      const result = await work();
      const seconds = (performance.now() - started) / 1000;
      stream.write(`${isTerminal ? '\r\x1b[2K' : ''}  ${stepLabel}: ${formatSeconds(seconds)}\n`);
      return result;
    },
  };
}
