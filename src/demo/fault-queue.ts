/** Which requests a fault may hit. */
export type DemoEndpoint = 'token' | 'calllog' | 'users' | 'queues' | 'defs';

/** A misbehaviour to inject (see `DemoPbx.misbehave`). */
export interface DemoFault {
  endpoint?: DemoEndpoint | 'any';
  nth?: number;
  times?: number;
  status?: number;
  body?: string | object;
  headers?: Record<string, string>;
  cutBody?: boolean;
  delayMs?: number;
}

/** What to do to one request: the merge of every queued fault that hits it. */
export interface FaultAction {
  status?: number;
  body?: string | object;
  headers?: Record<string, string>;
  cutBody: boolean;
  delayMs: number;
}

interface QueuedFault {
  fault: DemoFault;
  skipLeft: number;
  timesLeft: number;
}

/**
 * Faults wait for their Nth matching request, then hit `times` consecutive matching requests.
 * Every queued fault counts every matching request. A request gets at most one answer-changing
 * fault (status, body or cut): a second one due on the same request waits for the next matching
 * request, so faults queued with the same `nth` hit one request after another. Delays always
 * apply and add up.
 */
export class FaultQueue {
  private readonly queued: QueuedFault[] = [];

  add(fault: DemoFault): void {
    const nth = Math.max(1, Math.floor(fault.nth ?? 1));
    const times = Math.max(1, Math.floor(fault.times ?? 1));
    this.queued.push({ fault, skipLeft: nth - 1, timesLeft: times });
  }

  /** Advances the queue for one request to `endpoint` and returns what hits it, if anything. */
  take(endpoint: DemoEndpoint | 'other'): FaultAction | undefined {
    let action: FaultAction | undefined;
    let decided = false;
    for (const entry of [...this.queued]) {
      const target = entry.fault.endpoint ?? 'calllog';
      if (target !== 'any' && target !== endpoint) continue;
      if (entry.skipLeft > 0) {
        entry.skipLeft -= 1;
        continue;
      }
      const changesAnswer = entry.fault.status !== undefined || entry.fault.cutBody === true;
      if (changesAnswer && decided) continue;
      entry.timesLeft -= 1;
      if (entry.timesLeft <= 0) this.queued.splice(this.queued.indexOf(entry), 1);
      action ??= { cutBody: false, delayMs: 0 };
      action.delayMs += entry.fault.delayMs ?? 0;
      if (changesAnswer) {
        decided = true;
        action.status = entry.fault.status;
        action.body = entry.fault.body;
        action.headers = entry.fault.headers;
        action.cutBody = entry.fault.cutBody === true;
      }
    }
    return action;
  }
}
