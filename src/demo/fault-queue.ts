/** Which requests a fault may hit. */
export type DemoEndpoint = 'token' | 'calllog' | 'users' | 'queues' | 'defs';

/** A misbehaviour to inject (see `DemoPbx.misbehave`). */
export interface DemoFault {
  /** Default 'calllog'. */
  endpoint?: DemoEndpoint | 'any';
  /**
   * Only requests whose `$skip` is this number count (no `$skip` counts as 0): e.g. `skip: 2` with
   * 2-row pages is the second page of every window, however windows interleave.
   */
  skip?: number;
  /** Hit the nth counted request (default 1)... */
  nth?: number;
  /** ...and this many consecutive counted requests (default 1). */
  times?: number;
  /** Answer with this status (body: `body`, default an OData error). */
  status?: number;
  body?: string | object;
  headers?: Record<string, string>;
  /** Send the headers and half the body, then cut the connection. */
  cutBody?: boolean;
  delayMs?: number;
  /**
   * A 200 answer of exactly this many bytes: the real answer, then spaces (still valid JSON), or
   * with `oversizedShape: 'nested'` an object holding arrays nested as deep as the size allows.
   */
  oversizedBytes?: number;
  oversizedShape?: 'padded' | 'nested';
  /** A 200 answer that never ends (no content-length): the real answer's rows, over and over. */
  endlessBody?: boolean;
  /**
   * Once the hit request is answered, the demo clock moves on this many ms: calls that end in
   * between are in the log from the next request on (a call ending while a window is paged).
   */
  advanceClockMs?: number;
}

/** What to do to one request: the merge of every queued fault that hits it. */
export interface FaultAction {
  status?: number;
  body?: string | object;
  headers?: Record<string, string>;
  cutBody: boolean;
  delayMs: number;
  oversized?: { bytes: number; shape: 'padded' | 'nested' };
  endlessBody: boolean;
  advanceClockMs: number;
}

interface QueuedFault {
  fault: DemoFault;
  skipLeft: number;
  timesLeft: number;
}

/** The `$skip` of a raw URL (0 without one; NaN when unreadable). */
function skipOf(rawUrl: string): number {
  const queryStart = rawUrl.indexOf('?');
  if (queryStart < 0) return 0;
  const value = new URLSearchParams(rawUrl.slice(queryStart + 1)).get('$skip');
  return value === null || value.trim() === '' ? 0 : Number(value);
}

function changesAnswer(fault: DemoFault): boolean {
  return (
    fault.status !== undefined ||
    fault.cutBody === true ||
    fault.oversizedBytes !== undefined ||
    fault.endlessBody === true
  );
}

/**
 * Faults wait for their Nth matching request, then hit `times` consecutive matching requests.
 * Every queued fault counts every matching request. A request gets at most one answer-changing
 * fault (status, body, cut, oversized or endless): a second one due on the same request waits for
 * the next matching request, so faults queued with the same `nth` hit one request after another.
 * Delays and clock moves always apply and add up.
 */
export class FaultQueue {
  private readonly queued: QueuedFault[] = [];

  add(fault: DemoFault): void {
    const nth = Math.max(1, Math.floor(fault.nth ?? 1));
    const times = Math.max(1, Math.floor(fault.times ?? 1));
    this.queued.push({ fault, skipLeft: nth - 1, timesLeft: times });
  }

  /** Advances the queue for one request (its endpoint and raw URL) and returns what hits it, if anything. */
  take(endpoint: DemoEndpoint | 'other', rawUrl = ''): FaultAction | undefined {
    let action: FaultAction | undefined;
    let decided = false;
    let skip: number | undefined;
    for (const entry of [...this.queued]) {
      const target = entry.fault.endpoint ?? 'calllog';
      if (target !== 'any' && target !== endpoint) continue;
      if (entry.fault.skip !== undefined) {
        skip ??= skipOf(rawUrl);
        if (skip !== entry.fault.skip) continue;
      }
      if (entry.skipLeft > 0) {
        entry.skipLeft -= 1;
        continue;
      }
      const answerChanging = changesAnswer(entry.fault);
      if (answerChanging && decided) continue;
      entry.timesLeft -= 1;
      if (entry.timesLeft <= 0) this.queued.splice(this.queued.indexOf(entry), 1);
      action ??= { cutBody: false, delayMs: 0, endlessBody: false, advanceClockMs: 0 };
      action.delayMs += entry.fault.delayMs ?? 0;
      action.advanceClockMs += entry.fault.advanceClockMs ?? 0;
      if (answerChanging) {
        decided = true;
        const { status, body, headers, cutBody, oversizedBytes, oversizedShape, endlessBody } = entry.fault;
        action.status = status;
        action.body = body;
        action.headers = headers;
        action.cutBody = cutBody === true;
        action.endlessBody = endlessBody === true;
        if (oversizedBytes !== undefined)
          action.oversized = { bytes: oversizedBytes, shape: oversizedShape ?? 'padded' };
      }
    }
    return action;
  }
}
