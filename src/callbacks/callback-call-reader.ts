import type { CallLeg } from '../core/call-leg';
import type { Directory } from '../core/directory';
import { CALL_PAUSE_MS } from '../report/report-builder';
import { CallFactsAccumulator } from './call-facts-accumulator';
import type { CallbackCall } from './callback-call';
import { callbackNumberKey } from './caller-number';
import { type DirectoryLookup, lookUpDirectory } from './directory-lookup';

export interface CallbackCallReaderOptions {
  /** The PBX directory: tells extensions and queues from outside numbers, and names extensions. */
  directory: Directory;
  /**
   * Legs come in start order give or take this much (`CallLogSource.legDisorderMs`): a call whose
   * legs all ended long enough before the latest start is finished as legs arrive, so memory
   * follows the calls in progress. Absent: legs may come in any order; calls finish at `finish`.
   */
  legDisorderMs?: number;
  /** A leg dated later than this counts as starting here when calls are finished (the fetch's end). */
  latestStartCapMs?: number;
  /**
   * Which finished calls to keep. It is asked once per call, when every leg that starts before the
   * call's start has been added. Default: `isCallbackCall`.
   */
  keep?: (call: CallbackCall) => boolean;
  /** How often (in legs) finished calls are looked for; default 4096. */
  finishEveryLegs?: number;
}

const FINISH_EVERY_LEGS = 4096;

/**
 * Reads legs (grouped by `CallLeg.callKey`, in any order within the source's disorder) into
 * `CallbackCall`s: `add` each leg, then `finish`. Holds the legs' facts only while a call may still
 * get legs; a finished call is kept (compact) only when `keep` wants it.
 */
export class CallbackCallReader {
  private readonly directory: DirectoryLookup;
  private readonly live = new Map<string, CallFactsAccumulator>();
  private readonly kept: CallbackCall[] = [];
  private latestStartMs = Number.NEGATIVE_INFINITY;
  private legsSinceFinishing = 0;

  constructor(private readonly options: CallbackCallReaderOptions) {
    this.directory = lookUpDirectory(options.directory);
  }

  /** Calls whose legs are held now (seen, not yet finished). */
  get callsHeld(): number {
    return this.live.size;
  }

  add(leg: CallLeg): void {
    if (!Number.isFinite(leg.startMs)) return;
    const key = normalizeCallKey(leg.callKey);
    let call = this.live.get(key);
    if (call === undefined) {
      call = new CallFactsAccumulator(key);
      this.live.set(key, call);
    }
    call.add(leg);
    const { legDisorderMs, latestStartCapMs } = this.options;
    if (legDisorderMs === undefined) return;
    const startMs = Math.min(leg.startMs, latestStartCapMs ?? Number.POSITIVE_INFINITY);
    if (startMs > this.latestStartMs) this.latestStartMs = startMs;
    if (++this.legsSinceFinishing < (this.options.finishEveryLegs ?? FINISH_EVERY_LEGS)) return;
    this.legsSinceFinishing = 0;
    // No leg still to come starts before latestStartMs - disorder; a call whose legs all ended a
    // pause before that gets no more legs (the report retires its calls the same way).
    this.finishEndedBefore(this.latestStartMs - legDisorderMs - CALL_PAUSE_MS);
  }

  /** Every call kept, in no particular order; the reader is spent. */
  finish(): CallbackCall[] {
    this.finishEndedBefore(Number.POSITIVE_INFINITY);
    return this.kept;
  }

  private finishEndedBefore(cutoffMs: number): void {
    const keep = this.options.keep ?? isCallbackCall;
    for (const [key, accumulator] of this.live) {
      if (accumulator.maxEndMs >= cutoffMs) continue;
      this.live.delete(key);
      const call = accumulator.toCall(this.directory);
      if (call !== undefined && keep(call)) this.kept.push(call);
    }
  }
}

/** Inbound and outbound calls with a usable number: the only ones that can miss or return a call. */
export function isCallbackCall(call: CallbackCall): boolean {
  return call.direction !== 'internal' && callbackNumberKey(call.number) !== undefined;
}

/**
 * Every call of `legs` (any order) as a `CallbackCall`, internal calls and calls without a usable
 * number left out: what the alert poller reads its trailing window with.
 */
export function readCallbackCalls(legs: Iterable<CallLeg>, directory: Directory): CallbackCall[] {
  const reader = new CallbackCallReader({ directory });
  for (const leg of legs) reader.add(leg);
  return reader.finish();
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** GUID keys compare case-insensitively, as the report's call keys do. */
function normalizeCallKey(key: string): string {
  return GUID.test(key) ? key.toLowerCase() : key;
}
