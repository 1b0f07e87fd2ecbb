import { toCallLeg } from '../../src/threecx/call-log-row';
import { PbxHttpError } from '../../src/threecx/errors';
import {
  callLogUrls,
  collect,
  createRecordingLogger,
  createTestClient,
  type DemoPbx,
  errorOf,
  expectedRows,
  HOUR_MS,
  periodOf,
  queryFor,
  queryOption,
  sortWithinWindows,
  useTestPbx,
} from './demo-helpers';

let pbx: DemoPbx;
useTestPbx((started) => {
  pbx = started;
});

const DAY_26 = ['2026-11-26T00:00:00Z', '2026-11-27T00:00:00Z'] as const;
const THREE_DAYS = ['2026-11-24T00:00:00Z', '2026-11-27T00:00:00Z'] as const;

describe('the call-log request', () => {
  it('carries all 11 arguments in order, a doubled quote and encoded values', async () => {
    const client = createTestClient(pbx);
    const query = queryFor('2026-11-26T00:00:00Z', '2026-11-26T06:00:00Z');
    query.callLog.sourceFilter = "O'Brien Ltd";
    await collect(client.streamRows(query));
    expect(callLogUrls(pbx)).toEqual([
      '/xapi/v1/ReportCallLogData/Pbx.GetCallLogData(' +
        'periodFrom=2026-11-26T00%3A00%3A00.000Z,periodTo=2026-11-26T05%3A59%3A59.999Z,' +
        "sourceType=0,sourceFilter='O''Brien%20Ltd',destinationType=0,destinationFilter=''," +
        "callsType=0,callTimeFilterType=0,callTimeFilterFrom='0%3A00%3A0',callTimeFilterTo='0%3A00%3A0'," +
        'hidePcalls=true)?$top=1000&$skip=0&$count=true',
    ]);
    expect(pbx.requests.filter((entry) => entry.endpoint === 'calllog').map((entry) => entry.status)).toEqual(
      [200],
    );
    await client.close();
  });
});

describe('paging', () => {
  it('follows $skip over several pages and returns exactly the rows of the window', async () => {
    const client = createTestClient(pbx, { pageSize: 100 });
    const expected = expectedRows(pbx, ...DAY_26);
    expect(expected.length).toBeGreaterThan(200);
    const rows = await collect(client.streamRows(queryFor(...DAY_26)));
    expect(sortWithinWindows(rows, DAY_26[0])).toEqual(sortWithinWindows(expected, DAY_26[0]));
    const skips = callLogUrls(pbx).map((url) => queryOption(url, '$skip'));
    const pages = Math.ceil(expected.length / 100);
    expect(skips).toEqual(Array.from({ length: pages }, (_, page) => String(page * 100)));
    await client.close();
  });

  it('loses no row when the PBX caps pages below $top', async () => {
    pbx.setPageCap(37);
    const client = createTestClient(pbx, { pageSize: 100 });
    const expected = expectedRows(pbx, ...DAY_26);
    const rows = await collect(client.streamRows(queryFor(...DAY_26)));
    expect(sortWithinWindows(rows, DAY_26[0])).toEqual(sortWithinWindows(expected, DAY_26[0]));
    const skips = callLogUrls(pbx).map((url) => Number(queryOption(url, '$skip')));
    expect(skips.slice(0, 3)).toEqual([0, 37, 74]);
    expect(skips).toHaveLength(Math.ceil(expected.length / 37));
    await client.close();
  });

  it('ends a read at an empty page; a count that promises more makes it read again from $skip=0, each row once', async () => {
    pbx.misbehave({ endpoint: 'calllog', nth: 2, status: 200, body: { '@odata.count': 1000, value: [] } });
    const client = createTestClient(pbx, { pageSize: 50 });
    const rows = await collect(client.streamRows(queryFor(...DAY_26)));
    const expected = expectedRows(pbx, ...DAY_26);
    expect(sortWithinWindows(rows, DAY_26[0])).toEqual(sortWithinWindows(expected, DAY_26[0]));
    const skips = callLogUrls(pbx).map((url) => Number(queryOption(url, '$skip')));
    // The empty second page ends the first read; the second read goes on until every row was seen.
    expect(skips).toEqual([
      0,
      50,
      ...Array.from({ length: Math.ceil(expected.length / 50) }, (_, page) => page * 50),
    ]);
    await client.close();
  });

  it('passes the OData options on every page and keeps rows without StartTime', async () => {
    const client = createTestClient(pbx, { pageSize: 100 });
    const rows = await collect(client.streamRows(queryFor(...DAY_26, { select: ['CdrId', 'SourceDn'] })));
    expect(rows).toHaveLength(expectedRows(pbx, ...DAY_26).length);
    expect(Object.keys(rows[0]!).sort()).toEqual(['CdrId', 'SourceDn']);
    for (const url of callLogUrls(pbx)) expect(url).toContain('&$count=true&$select=CdrId%2CSourceDn');
    await client.close();
  });
});

describe('windows', () => {
  it('fetches a 3-day period as 3 day windows, yielded in order with none lost or doubled', async () => {
    // The first request to arrive (normally the first window's) answers last.
    pbx.misbehave({ endpoint: 'calllog', nth: 1, delayMs: 150 });
    const client = createTestClient(pbx, { concurrency: 3 });
    const rows = await collect(client.streamRows(queryFor(...THREE_DAYS)));
    expect(sortWithinWindows(rows, THREE_DAYS[0])).toEqual(
      sortWithinWindows(expectedRows(pbx, ...THREE_DAYS), THREE_DAYS[0]),
    );
    expect(callLogUrls(pbx).map(periodOf).sort()).toEqual([
      '2026-11-24T00:00:00.000Z..2026-11-24T23:59:59.999Z',
      '2026-11-25T00:00:00.000Z..2026-11-25T23:59:59.999Z',
      '2026-11-26T00:00:00.000Z..2026-11-26T23:59:59.999Z',
    ]);
    await client.close();
  });

  it('aligns windows to the start of the period', async () => {
    const client = createTestClient(pbx);
    const rows = await collect(client.streamRows(queryFor('2026-11-24T10:00:00Z', '2026-11-26T15:00:00Z')));
    const expected = expectedRows(pbx, '2026-11-24T10:00:00Z', '2026-11-26T15:00:00Z');
    const from = '2026-11-24T10:00:00Z';
    expect(sortWithinWindows(rows, from)).toEqual(sortWithinWindows(expected, from));
    expect(callLogUrls(pbx).map(periodOf).sort()).toEqual([
      '2026-11-24T10:00:00.000Z..2026-11-25T09:59:59.999Z',
      '2026-11-25T10:00:00.000Z..2026-11-26T09:59:59.999Z',
      '2026-11-26T10:00:00.000Z..2026-11-26T14:59:59.999Z',
    ]);
    await client.close();
  });

  it('fetches a window that answers 504 again as two halves', async () => {
    pbx.misbehave({ endpoint: 'calllog', nth: 1, status: 504 });
    const client = createTestClient(pbx, { minWindowMs: HOUR_MS });
    const rows = await collect(client.streamRows(queryFor(...DAY_26)));
    expect(sortWithinWindows(rows, DAY_26[0])).toEqual(
      sortWithinWindows(expectedRows(pbx, ...DAY_26), DAY_26[0]),
    );
    expect(callLogUrls(pbx).map(periodOf)).toEqual([
      '2026-11-26T00:00:00.000Z..2026-11-26T23:59:59.999Z',
      '2026-11-26T00:00:00.000Z..2026-11-26T11:59:59.999Z',
      '2026-11-26T12:00:00.000Z..2026-11-26T23:59:59.999Z',
    ]);
    expect(pbx.requests.filter((entry) => entry.endpoint === 'calllog').map((entry) => entry.status)).toEqual(
      [504, 200, 200],
    );
    await client.close();
  });

  it('gives up with the 504 once halves would be shorter than minWindowMs', async () => {
    pbx.misbehave({ endpoint: 'calllog', status: 504, times: 2 });
    const client = createTestClient(pbx, { minWindowMs: 2 * HOUR_MS });
    const error = await errorOf(
      collect(client.streamRows(queryFor('2026-11-26T00:00:00Z', '2026-11-26T06:00:00Z'))),
    );
    expect(error).toBeInstanceOf(PbxHttpError);
    expect((error as PbxHttpError).status).toBe(504);
    expect((error as PbxHttpError).hint).toBe('The PBX took too long to answer: ask for a shorter period.');
    // 6 h -> 3 h halves; a 3 h half cannot be halved into 2 h pieces.
    expect(callLogUrls(pbx).map(periodOf)).toEqual([
      '2026-11-26T00:00:00.000Z..2026-11-26T05:59:59.999Z',
      '2026-11-26T00:00:00.000Z..2026-11-26T02:59:59.999Z',
    ]);
    await client.close();
  });
});

describe('top and skip', () => {
  it('count over the whole result, across windows, and stop fetching once enough rows came', async () => {
    const all = expectedRows(pbx, ...THREE_DAYS);
    const firstDay = expectedRows(pbx, '2026-11-24T00:00:00Z', '2026-11-25T00:00:00Z').length;
    const client = createTestClient(pbx, { concurrency: 1 });
    const rows = await collect(client.streamRows(queryFor(...THREE_DAYS, { skip: firstDay - 5, top: 20 })));
    // The last 5 rows of the first day and the first 15 of the second, in the PBX's order within each.
    const dayOf = (row: (typeof rows)[number]) => String(row.StartTime).slice(0, 10);
    expect(rows.map(dayOf)).toEqual([...Array(5).fill('2026-11-24'), ...Array(15).fill('2026-11-25')]);
    const ids = new Set(all.map((row) => row.CdrId));
    expect(new Set(rows.map((row) => row.CdrId)).size).toBe(20);
    for (const row of rows) expect(ids.has(row.CdrId)).toBe(true);
    expect(callLogUrls(pbx).map(periodOf)).toEqual([
      '2026-11-24T00:00:00.000Z..2026-11-24T23:59:59.999Z',
      '2026-11-25T00:00:00.000Z..2026-11-25T23:59:59.999Z',
    ]);
    await client.close();
  });

  it('top=0 asks nothing', async () => {
    const client = createTestClient(pbx);
    expect(await collect(client.streamRows(queryFor(...THREE_DAYS, { top: 0 })))).toEqual([]);
    expect(callLogUrls(pbx)).toEqual([]);
    await client.close();
  });
});

describe('countRows', () => {
  it('sums @odata.count over the windows with one small request each', async () => {
    const client = createTestClient(pbx);
    expect(await client.countRows(queryFor(...THREE_DAYS))).toBe(expectedRows(pbx, ...THREE_DAYS).length);
    const urls = callLogUrls(pbx);
    expect(urls).toHaveLength(3);
    for (const url of urls) expect(url.slice(url.indexOf('?'))).toBe('?$top=1&$count=true');
    await client.close();
  });

  it('countRowsWithSample: the same requests, and the row that came with the first count, as a leg', async () => {
    const client = createTestClient(pbx);
    const rows = expectedRows(pbx, ...THREE_DAYS);
    const { count, sample } = await client.countRowsWithSample(queryFor(...THREE_DAYS));
    expect(count).toBe(rows.length);
    // The PBX's first row of the first day (newest first), parsed as the report parses rows.
    const firstDay = expectedRows(pbx, THREE_DAYS[0], '2026-11-25T00:00:00Z');
    const newest = firstDay.reduce((a, b) => (String(b.StartTime) > String(a.StartTime) ? b : a));
    expect(sample).toEqual(toCallLeg(newest));
    expect(callLogUrls(pbx)).toHaveLength(3);
    await client.close();
  });

  it('countRowsWithSample: no sample for a window without rows, or a row it cannot read', async () => {
    const client = createTestClient(pbx);
    pbx.misbehave({ endpoint: 'calllog', status: 200, body: { '@odata.count': 0, value: [] } });
    expect(await client.countRowsWithSample(queryFor(...DAY_26))).toEqual({ count: 0 });
    pbx.misbehave({
      endpoint: 'calllog',
      status: 200,
      body: { '@odata.count': 7, value: [{ SourceDn: '101', StartTime: '2026-11-26T09:00:00Z' }] },
    });
    expect(await client.countRowsWithSample(queryFor(...DAY_26))).toEqual({ count: 7 });
    await client.close();
  });
});

describe('streamLegs', () => {
  it('parses every row and skips (and counts) the ones it cannot read', async () => {
    const rows = expectedRows(pbx, '2026-11-26T08:00:00Z', '2026-11-26T14:00:00Z');
    expect(rows.length).toBeGreaterThan(50);
    const unreadable = { SourceDn: '101', StartTime: '2026-11-26T09:00:00Z' };
    pbx.misbehave({
      endpoint: 'calllog',
      status: 200,
      body: { '@odata.count': rows.length + 1, value: [...rows, unreadable] },
    });
    const { logger, lines } = createRecordingLogger();
    const client = createTestClient(pbx, { logger });
    const legs = await collect(client.streamLegs(queryFor('2026-11-26T08:00:00Z', '2026-11-26T14:00:00Z')));
    expect(legs).toEqual(rows.map((row) => toCallLeg(row)));
    expect(legs.length).toBe(rows.length);
    const warning = lines.map((line) => JSON.parse(line)).find((entry) => entry.level === 'warn');
    expect(warning).toEqual({
      time: '2026-11-29T10:00:00.000Z',
      level: 'warn',
      message: 'Skipped call-log rows that could not be read',
      skippedRows: 1,
    });
    await client.close();
  });
});

describe('a consumer that stops early', () => {
  it('abandons the windows in flight without unhandled rejections', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      pbx.setDelay(30);
      const client = createTestClient(pbx, { concurrency: 3 });
      let seen = 0;
      for await (const _row of client.streamRows(queryFor(...THREE_DAYS))) {
        seen++;
        if (seen === 3) break;
      }
      expect(seen).toBe(3);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(unhandled).toEqual([]);
      await client.close();
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
