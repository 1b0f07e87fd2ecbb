import fc from 'fast-check';
import type { CallLeg } from '../../src/core/call-leg';
import type { RawCallLogRow } from '../../src/core/call-log-source';
import { toCallLeg } from '../../src/threecx/call-log-row';
import {
  type PagingCallLogServer,
  type PagingFault,
  type PagingScenario,
  startPagingCallLogServer,
} from '../helpers/paging-call-log-server';
import { createPagingClient, sortLegs } from './call-log-paging-helpers';
import { queryFor } from './demo-helpers';

/**
 * The fetcher's promise, for any order and any live traffic: every window's legs handed over are
 * exactly the window's complete rows, each once, where "complete" means every row that existed
 * when the window (or, after a split, the piece holding it) was last asked for. The PBX (a real HTTP server) serves the rows in a stable
 * random order per window, caps pages, lets rows appear at random positions between pages (up to
 * three times), and may answer one request with a 504 or cut the connection in the middle of it.
 */
const FROM = '2026-09-13T06:00:00Z';
const TO = '2026-09-13T12:00:00Z';
const WINDOW_MS = 2 * 3_600_000;
const FROM_MS = Date.parse(FROM);
const SPAN_MS = Date.parse(TO) - FROM_MS;

let server: PagingCallLogServer;
beforeAll(async () => {
  server = await startPagingCallLogServer({ rows: [], order: 'oldest-first' });
});
afterAll(async () => {
  await server.close();
});

function guid(kind: number, index: number): string {
  return `${String(kind).padStart(8, '0')}-0000-4000-8000-${String(index).padStart(12, '0')}`;
}

/** A leg at `offsetMs` into the period, of one of five calls; every row differs in StartTime. */
function buildRow(
  index: number,
  offsetMs: number,
  call: number,
  talkSeconds: number,
  withCdrId: boolean,
): RawCallLogRow {
  return {
    ...(withCdrId && { CdrId: guid(1, index) }),
    MainCallHistoryId: guid(2, call),
    CallId: 1,
    SegmentId: 1,
    StartTime: new Date(FROM_MS + offsetMs).toISOString(),
    SourceDn: '10000',
    DestinationDn: String(100 + call),
    Direction: 'Inbound',
    CallType: 'Extension',
    Answered: talkSeconds > 0,
    RingingDuration: 'PT3.5S',
    TalkingDuration: `PT${talkSeconds}.250000S`,
  };
}

const scenarioArbitrary = fc
  .record({
    offsets: fc.uniqueArray(fc.integer({ min: 0, max: SPAN_MS - 1 }), { maxLength: 40 }),
    calls: fc.array(fc.nat(4), { minLength: 40, maxLength: 40 }),
    talk: fc.array(fc.nat(300), { minLength: 40, maxLength: 40 }),
    withCdrId: fc.boolean(),
    seed: fc.nat(),
    pageCap: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    /** Per row: 0 = there from the start, else the insert event (1..3) that brings it. */
    insertEvent: fc.array(fc.nat(3), { minLength: 40, maxLength: 40 }),
    eventAfter: fc.tuple(
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 12 }),
    ),
    fault: fc.option(
      fc.record({
        request: fc.integer({ min: 1, max: 10 }),
        fault: fc.constantFrom<PagingFault>('504', 'cut'),
      }),
      { nil: undefined },
    ),
  })
  .map((drawn): PagingScenario => {
    const rows = drawn.offsets.map((offsetMs, index) =>
      buildRow(index, offsetMs, drawn.calls[index]!, drawn.talk[index]!, drawn.withCdrId),
    );
    const at = (event: number) => rows.filter((_, index) => drawn.insertEvent[index] === event);
    return {
      rows: at(0),
      order: { seed: drawn.seed },
      pageCap: drawn.pageCap,
      inserts: [1, 2, 3].map((event) => ({ afterRequest: drawn.eventAfter[event - 1]!, rows: at(event) })),
      faults: drawn.fault ? [drawn.fault] : [],
    };
  });

/** When each row came to exist: 0 from the start, else after that call-log request was answered. */
function appearances(scenario: PagingScenario): Array<{ row: RawCallLogRow; afterRequest: number }> {
  return [
    ...scenario.rows.map((row) => ({ row, afterRequest: 0 })),
    ...(scenario.inserts ?? []).flatMap((insert) =>
      insert.rows.map((row) => ({ row, afterRequest: insert.afterRequest })),
    ),
  ];
}

/**
 * Per client window, the legs of the rows it must hand over: each row that existed when the last
 * request whose period holds its StartTime was answered (a window's pieces after a split end at
 * different times; a row that appears after its piece was read completely comes with the next report).
 */
function expectedLegsByWindow(scenario: PagingScenario): string[][] {
  const expected = appearances(scenario).filter(({ row, afterRequest }) => {
    const rowMs = Date.parse(String(row.StartTime));
    let last = 0;
    server.requests.forEach((request, index) => {
      if (Date.parse(request.from) <= rowMs && rowMs <= Date.parse(request.to)) last = index + 1;
    });
    return afterRequest < last;
  });
  return [0, 1, 2].map((window) => {
    const inWindow = expected.filter(({ row }) => windowOf(Date.parse(String(row.StartTime))) === window);
    return sortLegs(inWindow.map(({ row }) => toCallLeg(row)!));
  });
}

function windowOf(startMs: number): number {
  return Math.floor((startMs - FROM_MS) / WINDOW_MS);
}

function byWindow(legs: readonly CallLeg[]): string[][] {
  return [0, 1, 2].map((window) => sortLegs(legs.filter((leg) => windowOf(leg.startMs) === window)));
}

test('legs handed over equal the complete, de-duplicated rows of each window', async () => {
  await fc.assert(
    fc.asyncProperty(scenarioArbitrary, fc.integer({ min: 2, max: 7 }), async (scenario, pageSize) => {
      server.load(scenario);
      const client = createPagingClient(server, { pageSize, windowMs: WINDOW_MS, concurrency: 2 });
      try {
        const legs: CallLeg[] = [];
        for await (const page of client.streamLegPages(queryFor(FROM, TO))) legs.push(...page);
        expect(byWindow(legs)).toEqual(expectedLegsByWindow(scenario));
      } finally {
        await client.close();
      }
    }),
    { numRuns: 150 },
  );
});
