import { CALLBACK_STATE_ORDER, type CallbackReturner, type UnreturnedCall } from '../core/callbacks';
import { roundMicrosToSeconds } from '../report/round-half-up';
import { ZoneClock } from '../report/zone-clock';
import type { CallbackCall } from './callback-call';
import { callbackNumberKey } from './caller-number';

/** A missed inbound call to classify, as the report lists it in `missedCalls`. */
export interface MissedCallRef {
  /** The missed call's start (epoch ms, as exact as the legs give it). */
  startMs: number;
  /** The call key: orders misses that start at the same instant; optional. */
  key?: string;
  /** The caller's number as the PBX gave it (first leg's SourceCallerId). */
  from: string;
  fromName: string;
  /** Where the call ended (last leg's destination DN and name). */
  to: string;
  toName: string;
}

export interface FindUnreturnedOptions {
  /** Returns and attempts count up to this instant (epoch ms), included. */
  nowMs: number;
  /** Times are written with this zone's offset (as report times are); default UTC. */
  timeZone?: string;
  /**
   * Whether the returner's extension may be named to the reader (their access scope); when not,
   * `returnedBy` is `{ extension: '', name: 'a colleague' }`. Default: every extension.
   */
  mayNameReturner?: (extension: string) => boolean;
}

/** What stands for a returner the reader may not see. */
export const UNNAMED_RETURNER: Readonly<CallbackReturner> = Object.freeze({
  extension: '',
  name: 'a colleague',
});

/**
 * Each missed call with its call-back state (product spec, "Call-backs (round 2)"), ordered open,
 * tried, returned, anonymous, oldest first within each. `calls` are the calls to search for
 * returns (any period, any order; a colleague's return counts); the misses themselves may be among
 * them. A miss is `returned` by the first later call (starting after it, up to `nowMs`) with its
 * number that a person took: an outbound call with talk, or an inbound call answered; `tried` when
 * only outbound calls to the number followed; else `open`; `anonymous` without a usable number.
 * `attempts` counts the outbound calls to the number after the miss, up to and including the return.
 */
export function findUnreturned(
  misses: readonly MissedCallRef[],
  calls: Iterable<CallbackCall>,
  options: FindUnreturnedOptions,
): UnreturnedCall[] {
  const byNumber = indexByNumber(calls, options.nowMs);
  const clock = ZoneClock.of(options.timeZone ?? 'UTC');
  const classified = misses.map((miss) => ({
    miss,
    entry: classify(miss, byNumber.get(callbackNumberKey(miss.from) ?? '') ?? [], clock, options),
  }));
  classified.sort(
    (a, b) =>
      CALLBACK_STATE_ORDER.indexOf(a.entry.state) - CALLBACK_STATE_ORDER.indexOf(b.entry.state) ||
      a.miss.startMs - b.miss.startMs ||
      compareText(a.miss.key ?? '', b.miss.key ?? ''),
  );
  return classified.map(({ entry }) => entry);
}

/** The calls with a usable number, started by `nowMs`, per number key, oldest first. */
function indexByNumber(calls: Iterable<CallbackCall>, nowMs: number): Map<string, CallbackCall[]> {
  const byNumber = new Map<string, CallbackCall[]>();
  for (const call of calls) {
    if (call.direction === 'internal' || call.startMs > nowMs) continue;
    const key = callbackNumberKey(call.number);
    if (key === undefined) continue;
    const list = byNumber.get(key);
    if (list) list.push(call);
    else byNumber.set(key, [call]);
  }
  for (const list of byNumber.values())
    list.sort((a, b) => a.startMs - b.startMs || compareText(a.key, b.key));
  return byNumber;
}

/** One miss against the calls with its number (oldest first). */
function classify(
  miss: MissedCallRef,
  sameNumber: readonly CallbackCall[],
  clock: ZoneClock,
  options: FindUnreturnedOptions,
): UnreturnedCall {
  const entry: UnreturnedCall = {
    start: clock.formatIso(miss.startMs),
    from: miss.from,
    fromName: miss.fromName,
    to: miss.to,
    toName: miss.toName,
    state: 'anonymous',
    attempts: 0,
    returnedBy: null,
    returnedAt: null,
    returnedAfterSeconds: null,
  };
  if (callbackNumberKey(miss.from) === undefined) return entry;
  const later = sameNumber.filter((call) => call.startMs > miss.startMs);
  const taken = later.find((call) => call.reachedPerson);
  const untilMs = taken?.startMs ?? Number.POSITIVE_INFINITY;
  const attempts = later.filter((call) => call.direction === 'outbound' && call.startMs <= untilMs).length;
  if (taken === undefined) return { ...entry, state: attempts > 0 ? 'tried' : 'open', attempts };
  const returner = taken.by ?? { extension: '', name: '' };
  const named = options.mayNameReturner?.(returner.extension) ?? true;
  return {
    ...entry,
    state: 'returned',
    attempts,
    returnedBy: named ? { ...returner } : { ...UNNAMED_RETURNER },
    returnedAt: clock.formatIso(taken.startMs),
    returnedAfterSeconds: roundMicrosToSeconds(Math.round((taken.startMs - miss.startMs) * 1000)),
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
