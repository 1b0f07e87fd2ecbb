/**
 * Issue 15's acceptance: reports through the real 3CX client, over HTTP, from a demo PBX that
 * behaves as a live V20 PBX does (rows newest first or oldest first, 2-row pages, a 504 mid-window,
 * a call that ends while its window is being paged, an answer that never ends), equal the report
 * computed from the complete rows, each counted once.
 */
import { parseCommand } from '../../src/commands/parse-command';
import type { CallLeg } from '../../src/core/call-leg';
import type { CallLogSource, RawCallLogRow } from '../../src/core/call-log-source';
import type { Report } from '../../src/core/report';
import type { ReportRequest } from '../../src/core/report-request';
import { type DemoPbx, startDemoPbx } from '../../src/demo/demo-pbx';
import { ReportService } from '../../src/report/report-service';
import { toCallLeg } from '../../src/threecx/call-log-row';
import type { XapiClient } from '../../src/threecx/xapi-client';
import {
  CALL_A_ROWS,
  CALL_B_ROWS,
  CALL_C_ROWS,
  OLDEST_FIRST,
  V20_DAY,
} from '../helpers/fixtures/v20-shaped-rows';
import { startPbxWithLog } from '../helpers/serve-call-log-rows';
import { createTestClient } from '../threecx/demo-helpers';

type RowOrder = 'newest-first' | 'oldest-first';

/** The clock when the day's three calls are over (call C ends 18:41:36 UTC). */
const AFTER_THE_CALLS = new Date(`${V20_DAY}T20:00:00Z`);
/** Call B has ended (18:22:02); call C has begun (18:40:47) but is not over (it ends 18:41:36). */
const BEFORE_CALL_C_ENDS = new Date(`${V20_DAY}T18:41:00Z`);

function requestFor(command: string, now: Date): ReportRequest {
  const parsed = parseCommand(command, { now, timeZone: 'UTC' });
  if (!parsed.ok) throw parsed.error;
  return parsed.request;
}

/** A source holding `rows` in memory, each once, sharing the PBX's directory: the reference. */
function completeRows(rows: readonly RawCallLogRow[], directoryOf: XapiClient): CallLogSource {
  const legs = rows.map((row) => toCallLeg(row)).filter((leg): leg is CallLeg => leg !== undefined);
  const inQuery = (leg: CallLeg, from: Date, to: Date) =>
    leg.startMs >= from.getTime() && leg.startMs < to.getTime();
  return {
    async *streamRows() {
      yield* rows;
    },
    async *streamLegs(query) {
      yield* legs.filter((leg) => inQuery(leg, query.from, query.to));
    },
    countRows: async () => rows.length,
    getDirectory: () => directoryOf.getDirectory(),
    checkConnection: async () => {},
  };
}

async function reportOf(source: CallLogSource, request: ReportRequest): Promise<Report> {
  return new ReportService({ source, serviceLevelSeconds: 20 }).runReport(request);
}

function withoutPrevious(report: Report): Omit<Report, 'previous'> {
  const { previous: _periodBefore, ...period } = report;
  return period;
}

/** The figures a person reads first, for a readable failure. */
function headline(report: Report) {
  const { calls, answered, missed, talkSeconds } = report.totals;
  return { calls, answered, missed, talkSeconds };
}

describe.each<RowOrder>(['newest-first', 'oldest-first'])(
  'a V20-shaped day served %s in 2-row pages',
  (order) => {
    let pbx: DemoPbx | undefined;
    let client: XapiClient | undefined;
    afterEach(async () => {
      await client?.close();
      await pbx?.close();
      client = undefined;
      pbx = undefined;
    });

    it('a 504 on the second page: 3 calls, every talk second, as from the complete rows', async () => {
      pbx = await startPbxWithLog(AFTER_THE_CALLS, OLDEST_FIRST, { order, pageCap: 2 });
      pbx.misbehave({ endpoint: 'calllog', skip: 2, status: 504 });
      client = createTestClient(pbx, { pageSize: 2, cache: false });
      const request = requestFor(`${V20_DAY}`, AFTER_THE_CALLS);

      const report = await reportOf(client, request);
      const reference = await reportOf(completeRows(OLDEST_FIRST, client), request);

      expect(headline(reference)).toEqual({ calls: 3, answered: 2, missed: 1, talkSeconds: 161 });
      expect(report).toEqual(reference);
      // The 504 was answered: the window was fetched again in parts, not given up.
      expect(pbx.requests.some((entry) => entry.endpoint === 'calllog' && entry.status === 504)).toBe(true);
    });

    it('a call that ends while the window is being paged is counted once, and nothing is lost', async () => {
      pbx = await startPbxWithLog(BEFORE_CALL_C_ENDS, OLDEST_FIRST, { order, pageCap: 2 });
      // Once the first page is answered, the clock moves past call C's end: its two legs appear.
      pbx.misbehave({ endpoint: 'calllog', skip: 0, advanceClockMs: 30 * 60_000 });
      client = createTestClient(pbx, { pageSize: 2, cache: false });
      const request = requestFor(`${V20_DAY}`, BEFORE_CALL_C_ENDS);

      const report = await reportOf(client, request);
      const reference = await reportOf(completeRows(OLDEST_FIRST, client), request);

      expect(headline(reference)).toEqual({ calls: 3, answered: 2, missed: 1, talkSeconds: 161 });
      expect(report).toEqual(reference);
    });

    it('before call C ends, the report holds the two calls that are over', async () => {
      pbx = await startPbxWithLog(BEFORE_CALL_C_ENDS, OLDEST_FIRST, { order, pageCap: 2 });
      client = createTestClient(pbx, { pageSize: 2, cache: false });
      const request = requestFor(`${V20_DAY}`, BEFORE_CALL_C_ENDS);

      const report = await reportOf(client, request);
      const reference = await reportOf(completeRows([...CALL_A_ROWS, ...CALL_B_ROWS], client), request);

      expect(headline(report)).toEqual({ calls: 2, answered: 2, missed: 0, talkSeconds: 161 });
      expect(report).toEqual(reference);
      expect(CALL_C_ROWS).toHaveLength(2);
    });
  },
);

describe('an answer that never ends', () => {
  it('fails the report with a clear error naming PBX_MAX_RESPONSE_MB, holding no more than the limit', async () => {
    const pbx = await startPbxWithLog(AFTER_THE_CALLS, OLDEST_FIRST, { pageCap: 2 });
    pbx.misbehave({ endpoint: 'calllog', endlessBody: true, times: Number.MAX_SAFE_INTEGER });
    const client = createTestClient(pbx, { pageSize: 2, cache: false, maxResponseBytes: 1024 * 1024 });
    const before = process.memoryUsage().rss;
    try {
      const failure = await reportOf(client, requestFor(`${V20_DAY}`, AFTER_THE_CALLS)).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(Error);
      expect((failure as Error).message + String((failure as { hint?: string }).hint ?? '')).toMatch(
        /PBX_MAX_RESPONSE_MB/,
      );
      // Every split part's answer was cut at 1 MB: the process grew by far less than an endless body.
      expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
    } finally {
      await client.close();
      await pbx.close();
    }
  });
});

describe('a month at 2,000 calls a day, newest first, with calls ending while it is paged', () => {
  it('equals the report from the complete rows', async () => {
    const now = new Date('2026-11-30T12:00:00Z');
    const pbx = await startDemoPbx({ seed: 7, now, callsPerDay: 2000, days: 35, rowOrder: 'newest-first' });
    // Windows one after another, so the clock's moves (on the second page of every window) all
    // happen before today's window has been read to its end.
    const client = createTestClient(pbx, { pageSize: 200, concurrency: 1, cache: false });
    pbx.misbehave({
      endpoint: 'calllog',
      skip: 200,
      advanceClockMs: 15 * 60_000,
      times: Number.MAX_SAFE_INTEGER,
    });
    try {
      // November as a whole (asked the next morning), while the PBX's clock runs on from noon on
      // the 30th: the calls that end while the 30th is being paged are in the report's window.
      const request = requestFor('nov 1 - nov 30', new Date('2026-12-01T06:00:00Z'));
      const report = await reportOf(client, request);
      const margin = 60 * 60 * 1000;
      const rows = pbx.rowsBetween(
        new Date(request.window.from.getTime() - margin),
        new Date(request.window.to.getTime() + margin),
      );
      const reference = await reportOf(completeRows(JSON.parse(JSON.stringify(rows)), client), request);
      expect(pbx.now().getTime()).toBeGreaterThan(now.getTime());
      expect(reference.totals.calls).toBeGreaterThan(35_000);
      // The month itself: the rows above hold only November, so the month before it (October,
      // which the demo holds only from the 26th on) is left out of both.
      expect(withoutPrevious(report)).toEqual(withoutPrevious(reference));
      expect(report.previous?.window.from).toBe('2026-10-01T00:00:00.000Z'); // nov 1 - nov 30 is a whole month
    } finally {
      await client.close();
      await pbx.close();
    }
  }, 120_000);
});
