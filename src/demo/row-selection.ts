/**
 * Matching rows of one bucket: `indices[from..to)` are bucket row indices (ascending) of rows
 * that pass a query's filters and lie in its period.
 */
export interface BucketRun {
  dayNumber: number;
  indices: Uint32Array;
  from: number;
  to: number;
}

/**
 * The part of `indices` whose rows start in [fromMs, toMs] (inclusive): `startMs` is ascending
 * along `indices`, so two binary searches find it.
 */
export function boundRun(
  indices: Uint32Array,
  startMs: Float64Array,
  fromMs: number,
  toMs: number,
): { from: number; to: number } {
  return {
    from: firstAtLeast(indices, startMs, fromMs, false),
    to: firstAtLeast(indices, startMs, toMs, true),
  };
}

/** First position whose start is >= ms (`after`: > ms). */
function firstAtLeast(indices: Uint32Array, startMs: Float64Array, ms: number, after: boolean): number {
  let lo = 0;
  let hi = indices.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const value = startMs[indices[mid]!]!;
    if (after ? value <= ms : value < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The runs' parts that make up one page: `skip` rows left out, then at most `top` (undefined: all)
 * rows, in served order. Descending order serves runs last to first, each from its end, so each
 * returned run is then read from `to - 1` down to `from`.
 */
export function pageRuns(
  runs: readonly BucketRun[],
  descending: boolean,
  skip: number,
  top: number | undefined,
): BucketRun[] {
  const page: BucketRun[] = [];
  let toSkip = skip;
  let left = top ?? Number.POSITIVE_INFINITY;
  for (let step = 0; step < runs.length && left > 0; step += 1) {
    const run = runs[descending ? runs.length - 1 - step : step]!;
    const size = run.to - run.from;
    if (toSkip >= size) {
      toSkip -= size;
      continue;
    }
    const take = Math.min(size - toSkip, left);
    const from = descending ? run.to - toSkip - take : run.from + toSkip;
    page.push({ dayNumber: run.dayNumber, indices: run.indices, from, to: from + take });
    toSkip = 0;
    left -= take;
  }
  return page;
}

/** The number of rows in the runs. */
export function countRuns(runs: readonly BucketRun[]): number {
  let count = 0;
  for (const run of runs) count += run.to - run.from;
  return count;
}

/**
 * The runs cut to the first `maxRows` rows in the given order (the PBX's own, before `$orderby`):
 * what a report holds when it stops at its row cap. Runs stay in ascending order.
 */
export function capRuns(runs: readonly BucketRun[], maxRows: number, newestFirst: boolean): BucketRun[] {
  if (countRuns(runs) <= maxRows) return [...runs];
  const kept: BucketRun[] = [];
  let left = maxRows;
  for (let step = 0; step < runs.length && left > 0; step += 1) {
    const run = runs[newestFirst ? runs.length - 1 - step : step]!;
    const take = Math.min(run.to - run.from, left);
    const from = newestFirst ? run.to - take : run.from;
    kept.push({ dayNumber: run.dayNumber, indices: run.indices, from, to: from + take });
    left -= take;
  }
  return newestFirst ? kept.reverse() : kept;
}
