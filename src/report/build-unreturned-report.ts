import { CallbackCallReader } from '../callbacks/callback-call-reader';
import { callbackNumberKey } from '../callbacks/caller-number';
import { findUnreturned } from '../callbacks/find-unreturned';
import type { CallLeg } from '../core/call-leg';
import type { Report } from '../core/report';
import { ReportBuilder, type ReportBuilderOptions } from './report-builder';

/** What the `unreturned` view needs beyond the report's own options. */
export interface UnreturnedOptions {
  /** Returns count up to now (epoch ms): later calls, also after the period's end. */
  nowMs: number;
  /**
   * Legs starting at or after this go to call-backs only, not to the report: the end of the fetch
   * a plain report of the period makes, so that its figures stay exactly those of that report.
   */
  reportLegsBeforeMs: number;
  /** The end of this fetch (legs dated later are treated as starting here when calls are finished). */
  fetchEndMs: number;
}

/**
 * The report of the period plus `unreturned`: its missed calls (exactly those of `missedCalls`:
 * filters and scope select them) with their call-back state, returns searched among every call
 * of the legs, a colleague's too, up to `nowMs`. `pages` run from the period's start (less the
 * fetch margin) up to now (plus it). Memory: the report's own, plus the calls whose number some leg
 * of the period came from (`SourceCallerId`, a superset of the misses' numbers): no other call can
 * return a miss of it.
 */
export async function buildReportWithUnreturned(
  pages: AsyncIterable<readonly CallLeg[]>,
  options: ReportBuilderOptions,
  unreturned: UnreturnedOptions,
): Promise<Report> {
  const fromMs = options.window.from.getTime();
  const toMs = options.window.to.getTime();
  const builder = new ReportBuilder(options);
  // The numbers callers of the period called from: a superset of the misses' numbers, complete for
  // every call that started before the one the reader is finishing.
  const callerNumbers = new Set<string>();
  const reader = new CallbackCallReader({
    directory: options.directory,
    ...(options.legDisorderMs !== undefined && { legDisorderMs: options.legDisorderMs }),
    latestStartCapMs: unreturned.fetchEndMs,
    ...(options.retireEveryLegs !== undefined && { finishEveryLegs: options.retireEveryLegs }),
    keep: (call) => call.startMs >= fromMs && callerNumbers.has(callbackNumberKey(call.number) ?? ''),
  });
  for await (const page of pages) {
    for (const leg of page) {
      if (leg.startMs >= fromMs && leg.startMs < toMs) {
        const key = callbackNumberKey(leg.sourceCallerId);
        if (key !== undefined) callerNumbers.add(key);
      }
      reader.add(leg);
      if (leg.startMs < unreturned.reportLegsBeforeMs) builder.add(leg);
    }
  }
  const report = builder.finish();
  const misses = builder.listedMisses.map(({ startMs, key, entry }) => ({ startMs, key, ...entry }));
  const scope = options.scope;
  const visible = scope && new Set(scope.extensions);
  return {
    ...report,
    unreturned: findUnreturned(misses, reader.finish(), {
      nowMs: unreturned.nowMs,
      timeZone: options.window.timeZone,
      ...(visible && { mayNameReturner: (extension: string) => visible.has(extension) }),
    }),
  };
}
