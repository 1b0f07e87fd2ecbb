import type { RawCallLogRow } from '../../src/core/call-log-source';
import { toCallLeg } from '../../src/threecx/call-log-row';
import { PbxAnswerTooLargeError, PbxRowCapError } from '../../src/threecx/errors';
import {
  CALL_A_ROWS,
  CALL_B_ROWS,
  CALL_C_ROWS,
  OLDEST_FIRST,
  V20_DAY,
} from '../helpers/fixtures/v20-shaped-rows';
import {
  type PagingCallLogServer,
  type PagingOrder,
  type PagingScenario,
  startPagingCallLogServer,
} from '../helpers/paging-call-log-server';
import {
  createPagingClient,
  reportFromRows,
  reportThroughClient,
  sortedIds,
} from './call-log-paging-helpers';
import { collect, createRecordingLogger, errorOf, queryFor } from './demo-helpers';

/**
 * The fetcher against a PBX that behaves like a live 3CX: rows in an order it does not promise,
 * calls appearing while a window is paged, 504s, answers too large, the report's row cap. Each
 * test compares what the real client hands over (rows, legs, the report's calls and talk time)
 * with the complete, de-duplicated rows.
 */
let server: PagingCallLogServer;
beforeAll(async () => {
  server = await startPagingCallLogServer({ rows: [], order: 'oldest-first' });
});
afterAll(async () => {
  await server.close();
});

const DAY = [`${V20_DAY}T00:00:00Z`, `${V20_DAY.slice(0, 8)}14T00:00:00Z`] as const;
/** The fixture's report: 3 calls, 2 answered (A and B), 161 s of talk. */
const COMPLETE = { calls: 3, answered: 2, talkSeconds: 161 };

async function reportFor(scenario: PagingScenario, pageSize = 2) {
  server.load(scenario);
  const client = createPagingClient(server, { pageSize });
  try {
    return await reportThroughClient(client, ...DAY);
  } finally {
    await client.close();
  }
}

test('the fixture itself: 3 calls, 2 answered, 161 s of talk', async () => {
  expect(await reportFromRows(OLDEST_FIRST, ...DAY)).toEqual(COMPLETE);
});

describe.each<PagingOrder>(['newest-first', 'oldest-first'])('rows %s, 2-row pages', (order) => {
  it('a 504 on the second page: the window again as halves, each row once', async () => {
    expect(await reportFor({ rows: OLDEST_FIRST, order, faults: [{ request: 2, fault: '504' }] })).toEqual(
      COMPLETE,
    );
    // The whole day, its 504, then the two halves, each read to its end.
    expect(server.requests.slice(0, 3).map((r) => [r.from, r.answer])).toEqual([
      ['2026-09-13T00:00:00.000Z', 'page'],
      ['2026-09-13T00:00:00.000Z', '504'],
      ['2026-09-13T00:00:00.000Z', 'page'],
    ]);
  });

  it('a call that ends while the window is paged (its rows appear after the first page)', async () => {
    const scenario = {
      rows: [...CALL_A_ROWS, ...CALL_B_ROWS],
      order,
      inserts: [{ afterRequest: 1, rows: CALL_C_ROWS }],
    };
    expect(await reportFor(scenario)).toEqual(COMPLETE);
  });

  it('a connection cut mid-answer and a call appearing: the retry resumes by identity', async () => {
    const scenario: PagingScenario = {
      rows: [...CALL_A_ROWS, ...CALL_C_ROWS],
      order,
      inserts: [{ afterRequest: 2, rows: CALL_B_ROWS }],
      faults: [{ request: 2, fault: 'cut' }],
    };
    expect(await reportFor(scenario)).toEqual(COMPLETE);
  });

  it('rows without CdrId (an older build) are told apart by the whole row', async () => {
    const withoutId = (rows: readonly RawCallLogRow[]) => rows.map(({ CdrId: _id, ...row }) => row);
    const scenario = {
      rows: withoutId([...CALL_A_ROWS, ...CALL_B_ROWS]),
      order,
      inserts: [{ afterRequest: 1, rows: withoutId(CALL_C_ROWS) }],
    };
    expect(await reportFor(scenario)).toEqual(COMPLETE);
  });
});

describe('a call inserted at a position already paged past', () => {
  it('is picked up by reading the window again from $skip=0, and the log says so', async () => {
    // Oldest first; call C's two legs moved to start before every other row, so they land on the page already read.
    const firstMs = Math.min(...OLDEST_FIRST.map((row) => Date.parse(String(row.StartTime))));
    const early = CALL_C_ROWS.map((row, index) => ({
      ...row,
      StartTime: new Date(firstMs - (2 - index) * 60_000).toISOString(),
    }));
    server.load({
      rows: [...CALL_A_ROWS, ...CALL_B_ROWS],
      order: 'oldest-first',
      inserts: [{ afterRequest: 1, rows: early }],
    });
    const { logger, lines } = createRecordingLogger();
    const client = createPagingClient(server, { logger });
    const rows = await collect(client.streamRows(queryFor(...DAY)));
    expect(rows).toHaveLength(6);
    expect(sortedIds(rows)).toEqual(sortedIds([...CALL_A_ROWS, ...CALL_B_ROWS, ...early]));
    // Pages of 2 (the second repeats the first: rows moved down), an empty end with 4 of 6 seen, then from 0 until 6 are seen.
    expect(server.requests.map((r) => r.skip)).toEqual([0, 2, 4, 6, 0]);
    expect(lines.some((line) => line.includes('reading it again'))).toBe(true);
    await client.close();
  });

  it('a PBX whose count stays above its rows: read again a bounded number of times, then a warning', async () => {
    server.load({ rows: OLDEST_FIRST, order: 'newest-first', countOffset: 1 });
    const { logger, lines } = createRecordingLogger();
    const client = createPagingClient(server, { logger, pageSize: 4 });
    const rows = await collect(client.streamRows(queryFor(...DAY)));
    expect(sortedIds(rows)).toEqual(sortedIds(OLDEST_FIRST));
    // One read (0, 4, then the empty end) and one re-read that found nothing new while the count stood still.
    expect(server.requests.map((r) => r.skip)).toEqual([0, 4, 6, 0, 4, 6]);
    const warning = lines.map((line) => JSON.parse(line)).find((entry) => entry.level === 'warn');
    expect(warning).toMatchObject({ rows: 6, count: 7, reads: 2 });
    await client.close();
  });
});

describe('the rows view with its own $select', () => {
  it('asks for CdrId too, to tell rows apart, and hands over only the fields asked for', async () => {
    server.load({ rows: OLDEST_FIRST, order: 'newest-first' });
    const client = createPagingClient(server);
    const rows = await collect(client.streamRows(queryFor(...DAY, { select: ['SourceDn', 'StartTime'] })));
    expect(rows).toHaveLength(6);
    expect(Object.keys(rows[0]!).sort()).toEqual(['SourceDn', 'StartTime']);
    expect(new Set(server.requests.map((r) => r.select))).toEqual(new Set(['SourceDn,StartTime,CdrId']));
    await client.close();
  });
});

describe('answers too large (PBX_MAX_RESPONSE_MB)', () => {
  it('an endless call-log page: aborted at the limit, the window fetched as halves, the report complete', async () => {
    server.load({ rows: OLDEST_FIRST, order: 'newest-first', faults: [{ request: 2, fault: 'endless' }] });
    const client = createPagingClient(server, { maxResponseBytes: 256 * 1024 });
    expect(await reportThroughClient(client, ...DAY)).toEqual(COMPLETE);
    expect(server.requests.filter((r) => r.answer === 'endless')).toHaveLength(1);
    await client.close();
    // What the server managed to write before the client hung up: the limit plus socket buffers.
    expect(server.endlessBytes).toHaveLength(1);
    expect(server.endlessBytes[0]!).toBeLessThan(16 * 1024 * 1024);
  });

  it('every page too large: halved down to 5 minutes, then an error naming the setting', async () => {
    const faults = Array.from({ length: 30 }, (_, index) => ({
      request: index + 1,
      fault: 'oversized' as const,
    }));
    server.load({ rows: OLDEST_FIRST, order: 'newest-first', faults, oversizedBytes: 300 * 1024 });
    const client = createPagingClient(server, { maxResponseBytes: 256 * 1024 });
    const error = await errorOf(
      collect(client.streamRows(queryFor('2026-09-13T18:00:00Z', '2026-09-13T18:20:00Z'))),
    );
    expect(error).toBeInstanceOf(PbxAnswerTooLargeError);
    expect((error as Error).message).toBe(
      "The PBX's answer to GET /xapi/v1/ReportCallLogData/Pbx.GetCallLogData was larger than 262144 bytes (PBX_MAX_RESPONSE_MB); it was not read",
    );
    // 20 min, 10 min, 5 min; a 5-minute piece is not halved.
    expect(server.requests.map((r) => `${r.from.slice(11, 16)}-${r.to.slice(11, 16)}`)).toEqual([
      '18:00-18:19',
      '18:00-18:09',
      '18:00-18:04',
    ]);
    await client.close();
  });
});

describe('the report row cap (PBX_REPORT_ROW_CAP)', () => {
  /** 30 one-leg calls, one every 40 minutes from 00:10. */
  const spread: RawCallLogRow[] = Array.from({ length: 30 }, (_, index) => ({
    ...CALL_B_ROWS[0]!,
    MainCallHistoryId: `00000000-0000-4000-8000-0000000000${String(index).padStart(2, '0')}`,
    CallHistoryId: `00000000-0000-4000-8000-0000000000${String(index).padStart(2, '0')}`,
    CdrId: `11111111-0000-4000-8000-0000000000${String(index).padStart(2, '0')}`,
    StartTime: new Date(Date.parse(DAY[0]) + (10 + 40 * index) * 60_000).toISOString(),
  }));

  it('a window whose count reaches the cap is fetched as hours; every row once, and the log says so', async () => {
    server.load({ rows: spread, order: 'newest-first' });
    const { logger, lines } = createRecordingLogger();
    const client = createPagingClient(server, { logger, pageSize: 1000, reportRowCap: 10 });
    const report = await reportThroughClient(client, ...DAY);
    expect(report).toEqual(await reportFromRows(spread, ...DAY));
    expect(report.calls).toBe(30);
    // The day (count 30 >= 10), then its 24 hours.
    expect(server.requests).toHaveLength(25);
    const warning = lines.map((line) => JSON.parse(line)).find((entry) => entry.level === 'warn');
    expect(warning).toMatchObject({ count: 30, rowCap: 10, pieces: 24 });
    expect(warning.message).toContain('PBX_REPORT_ROW_CAP');
    await client.close();
  });

  it('countRows splits the same way', async () => {
    server.load({ rows: spread, order: 'newest-first' });
    const client = createPagingClient(server, { reportRowCap: 10 });
    expect(await client.countRows(queryFor(...DAY))).toBe(30);
    // With a sample: a row of the first hour that has rows (the day's own count, at the cap, brings none).
    const { count, sample } = await client.countRowsWithSample(queryFor(...DAY));
    expect(count).toBe(30);
    const legs = spread.map((row) => toCallLeg(row));
    const firstHourMs = Math.min(...legs.map((leg) => Math.floor(leg!.startMs / 3_600_000) * 3_600_000));
    expect(legs).toContainEqual(sample);
    expect(sample!.startMs - firstHourMs).toBeLessThan(3_600_000);
    await client.close();
  });

  it('still at the cap in a 5-minute window: an error naming the setting, never a short report', async () => {
    server.load({ rows: OLDEST_FIRST, order: 'newest-first' });
    const client = createPagingClient(server, { reportRowCap: 2 });
    // Ten minutes around call A's three legs (within 30 s of each other): halves of 5 minutes, still 3 rows.
    const fromMs = Date.parse(String(CALL_A_ROWS[0]!.StartTime)) - 60_000;
    const window = [new Date(fromMs).toISOString(), new Date(fromMs + 10 * 60_000).toISOString()] as const;
    const error = await errorOf(reportThroughClient(client, ...window));
    expect(error).toBeInstanceOf(PbxRowCapError);
    expect((error as Error).message).toContain('PBX_REPORT_ROW_CAP');
    await client.close();
  });
});
