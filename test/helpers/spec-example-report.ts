import type { CallSummary, Report } from '../../src/core/report';

/**
 * The spec's `--json` example, verbatim, with the queue figures the spec added later (the missed
 * call ended in queue 800, while 101 rang): last week in Berlin, ext 101, 3 calls (a fresh copy each call).
 */
export function buildSpecExampleReport(): Report {
  return {
    window: {
      from: '2026-11-16T00:00:00.000+01:00',
      to: '2026-11-23T00:00:00.000+01:00',
      timeZone: 'Europe/Berlin',
    },
    filters: { extensions: ['101'], queues: [], numbers: [], directions: [], status: null },
    totals: {
      calls: 3,
      inbound: 2,
      outbound: 1,
      internal: 0,
      answered: 2,
      missed: 1,
      talkSeconds: 412,
      avgTalkSeconds: 206,
      avgWaitSeconds: 9,
      longestTalkSeconds: 300,
      serviceLevelPercent: 50,
    },
    byExtension: [
      {
        extension: '101',
        name: 'Ben Okafor',
        calls: 3,
        answered: 1,
        missed: 1,
        outbound: 1,
        talkSeconds: 412,
      },
    ],
    byQueue: [
      {
        queue: '800',
        name: 'Sales',
        calls: 2,
        answered: 1,
        missed: 1,
        avgWaitSeconds: 9,
        abandoned: 1,
        abandonRatePercent: 50,
        longestWaitSeconds: 42,
        serviceLevelPercent: 50,
      },
    ],
    byHour: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    missedCalls: [
      {
        start: '2026-11-20T14:03:11.000+01:00',
        from: '+442071234567',
        fromName: 'Jane Caller',
        to: '101',
        toName: 'Ben Okafor',
        waitSeconds: 42,
      },
    ],
  };
}

/** The example's missed call as the `list` view lists it, with `overrides`. */
export function buildSpecListedCall(overrides: Partial<CallSummary> = {}): CallSummary {
  return {
    start: '2026-11-20T14:03:11.000+01:00',
    direction: 'inbound',
    from: '+442071234567',
    fromName: 'Jane Caller',
    to: '101',
    toName: 'Ben Okafor',
    answered: false,
    talkSeconds: 0,
    waitSeconds: 42,
    ...overrides,
  };
}
