import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets its old generation grow past the live data before the next full collection
 * (V8 picks 10–300 % by itself). A long report promotes a steady stream of short-lived data (each
 * day window's legs, read ahead and then dropped), and with V8's own choice the heap grew to two
 * or three times the live data: 260+ MB peak over a million legs instead of under 200. The cost
 * is a few more full collections (tens of milliseconds each over such a report). See
 * docs/performance.md.
 */
export const HEAP_GROWING_PERCENT = 50;

/**
 * Applies `HEAP_GROWING_PERCENT` to this process, first thing in an entry point; a
 * `--heap-growing-percent` given to node itself wins. Returns the percent in effect, or undefined
 * when node's own flag decides.
 */
export function limitHeapGrowth(execArgv: readonly string[] = process.execArgv): number | undefined {
  if (execArgv.some((flag) => flag.startsWith('--heap-growing-percent'))) return undefined;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return HEAP_GROWING_PERCENT;
}
