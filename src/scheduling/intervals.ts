// Half-open UTC intervals in epoch milliseconds, and the set operations slot generation needs.
export type Interval = { start: number; end: number };

export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Sorts and merges overlapping or touching intervals. */
export function normalise(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const interval of sorted) {
    const last = out.at(-1);
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else out.push({ ...interval });
  }
  return out;
}

/** `from` minus every interval of `remove`. */
export function subtract(from: readonly Interval[], remove: readonly Interval[]): Interval[] {
  const cuts = normalise(remove);
  const out: Interval[] = [];
  for (const base of normalise(from)) {
    let pieces: Interval[] = [base];
    for (const cut of cuts) {
      if (cut.start >= base.end) break;
      pieces = pieces.flatMap((piece) => {
        if (!overlaps(piece, cut)) return [piece];
        const kept: Interval[] = [];
        if (cut.start > piece.start) kept.push({ start: piece.start, end: cut.start });
        if (cut.end < piece.end) kept.push({ start: cut.end, end: piece.end });
        return kept;
      });
    }
    out.push(...pieces);
  }
  return out;
}
