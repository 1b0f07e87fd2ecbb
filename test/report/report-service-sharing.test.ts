import { parseCommand } from '../../src/commands/parse-command';
import { previousWindow } from '../../src/core/previous-window';
import type { ReportRequest } from '../../src/core/report-request';
import { ReportService } from '../../src/report/report-service';
import { createTestClient, DEMO_NOW, type DemoPbx, HOUR_MS, startTestPbx } from '../threecx/demo-helpers';

let pbx: DemoPbx;
beforeAll(async () => {
  pbx = await startTestPbx();
});
afterAll(async () => {
  await pbx.close();
});
beforeEach(() => {
  pbx.requests.length = 0;
  pbx.setDelay(0);
});

function requestFor(command: string, nowMs = DEMO_NOW.getTime()): ReportRequest {
  const parsed = parseCommand(command, { now: new Date(nowMs), timeZone: 'Europe/London' });
  if (!parsed.ok) throw parsed.error;
  return parsed.request;
}

function callLogRequests(): string[] {
  return pbx.requests.filter((entry) => entry.endpoint === 'calllog').map((entry) => entry.url);
}

/** The `periodFrom`/`periodTo` a call-log request asks for, in milliseconds. */
function periodOf(url: string): { from: number; to: number } {
  const match = /periodFrom=([^,]+),periodTo=([^,]+),/.exec(url);
  if (!match) throw new Error(`no period in ${url}`);
  return { from: Date.parse(decodeURIComponent(match[1]!)), to: Date.parse(decodeURIComponent(match[2]!)) };
}

/**
 * The requests that tile the window and the hour either side, one after the other (each period
 * ends a millisecond before the next starts); throws when they leave a gap.
 */
function tiling(urls: string[], window: { from: Date; to: Date }): string[] {
  const end = window.to.getTime() + HOUR_MS;
  const tiles: string[] = [];
  let start = window.from.getTime() - HOUR_MS;
  while (start < end) {
    const next = urls
      .filter((url) => periodOf(url).from === start && periodOf(url).to < end)
      .sort((a, b) => periodOf(b).to - periodOf(a).to)[0];
    if (!next) throw new Error(`no request starts at ${new Date(start).toISOString()}`);
    tiles.push(next);
    start = periodOf(next).to + 1;
  }
  return tiles;
}

/** A service over a fresh client whose clock the test sets; `cache: false` turns the legs cache off. */
function serviceAt(nowMs: number, cache = true) {
  const client = createTestClient(pbx, { now: () => nowMs, ...(cache ? {} : { cache: false }) });
  return { client, service: new ReportService({ source: client, serviceLevelSeconds: 20 }) };
}

describe('ReportService sharing and caching', () => {
  it('100 concurrent identical reports make one set of call-log requests, and each caller gets its own copy', async () => {
    const request = requestFor('last week');
    const single = serviceAt(DEMO_NOW.getTime(), false);
    const expected = await single.service.runReport(request);
    const oneSet = callLogRequests();
    // A summary is compared with the period before it, so the PBX is asked for the week and the
    // week before: seven days and the hour either side, eight windows of one page each, for each.
    const weekBefore = previousWindow(request.window);
    expect(weekBefore.from.getTime()).toBe(request.window.from.getTime() - 7 * 24 * HOUR_MS);
    expect(weekBefore.to).toEqual(request.window.from);
    expect(Date.parse(expected.previous!.window.from)).toBe(weekBefore.from.getTime());
    expect(Date.parse(expected.previous!.window.to)).toBe(weekBefore.to.getTime());
    const week = tiling(oneSet, request.window);
    const before = tiling(oneSet, weekBefore);
    expect(week).toHaveLength(8);
    expect(before).toHaveLength(8);
    expect(new Set([...week, ...before]).size).toBe(16);
    expect(oneSet).toHaveLength(16);
    await single.client.close();
    pbx.requests.length = 0;

    const { client, service } = serviceAt(DEMO_NOW.getTime(), false);
    pbx.setDelay(10);
    const reports = await Promise.all(Array.from({ length: 100 }, () => service.runReport(request)));
    expect(callLogRequests().sort()).toEqual([...oneSet].sort());
    for (const report of reports) expect(report).toEqual(expected);
    expect(new Set(reports).size).toBe(100);
    await client.close();
  });

  it('concurrent reports over the same period with different filters share the call-log requests', async () => {
    const base = requestFor('last week');
    const single = serviceAt(DEMO_NOW.getTime(), false);
    await single.service.runReport(base);
    const oneSet = callLogRequests();
    await single.client.close();
    pbx.requests.length = 0;

    const { client, service } = serviceAt(DEMO_NOW.getTime(), false);
    const extensions = ['101', '102', '103', '104', '105'];
    const reports = await Promise.all(
      extensions.map((extension) => service.runReport(requestFor(`last week ext ${extension}`))),
    );
    expect(callLogRequests().sort()).toEqual([...oneSet].sort());
    expect(reports.map((report) => report.filters.extensions)).toEqual(
      extensions.map((extension) => [extension]),
    );
    await client.close();
  });

  it('a second identical report for an old window asks the PBX nothing and gives the same figures', async () => {
    const request = requestFor('last week');
    const { client, service } = serviceAt(DEMO_NOW.getTime());
    const first = await service.runReport(request);
    const asked = callLogRequests().length;
    expect(asked).toBeGreaterThan(0);
    expect(await service.runReport(request)).toEqual(first);
    expect(await service.runReport(requestFor('last week missed'))).toEqual(
      await serviceAt(DEMO_NOW.getTime(), false).service.runReport(requestFor('last week missed')),
    );
    expect(callLogRequests().length).toBe(asked * 2);
    await client.close();
  });

  it('gives the same reports with and without the cache, for old and recent windows', async () => {
    const commands = ['last week', 'yesterday list', 'today', 'last 3 days ext 101', 'this month missed'];
    const cached = serviceAt(DEMO_NOW.getTime());
    const uncached = serviceAt(DEMO_NOW.getTime(), false);
    for (const command of commands) {
      const request = requestFor(command);
      const withCache = await cached.service.runReport(request);
      const again = await cached.service.runReport(request);
      const withoutCache = await uncached.service.runReport(request);
      expect(again).toEqual(withoutCache);
      expect(withCache).toEqual(withoutCache);
    }
    await cached.client.close();
    await uncached.client.close();
  });

  it("today's window is fetched again by the next report (calls are still being written)", async () => {
    const request = requestFor('today');
    const { client, service } = serviceAt(DEMO_NOW.getTime());
    await service.runReport(request);
    const first = callLogRequests();
    // Today until now is compared with yesterday until the same time: the PBX is asked for both.
    const yesterday = previousWindow(request.window);
    expect(yesterday.to.getTime()).toBe(request.window.to.getTime() - 24 * HOUR_MS);
    const todays = tiling(first, request.window);
    const yesterdays = tiling(first, yesterday);
    expect(todays.length).toBeGreaterThan(0);
    expect(yesterdays.length).toBeGreaterThan(0);
    expect(first.length).toBe(todays.length + yesterdays.length);
    pbx.requests.length = 0;
    await service.runReport(request);
    // Today's windows are asked again; yesterday's are over and come from the cache.
    expect(callLogRequests().sort()).toEqual([...todays].sort());
    expect(client.legsCache?.size).toBe(yesterdays.length);
    await client.close();
  });

  it('a failure reaches every caller and is not kept', async () => {
    const request = requestFor('yesterday');
    const { client, service } = serviceAt(DEMO_NOW.getTime() + HOUR_MS);
    pbx.misbehave({ endpoint: 'calllog', status: 500 });
    const results = await Promise.allSettled([service.runReport(request), service.runReport(request)]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    // Yesterday and the hour either side: two windows, asked for once between both callers.
    expect(callLogRequests()).toHaveLength(2);
    const report = await service.runReport(request);
    expect(report.totals.calls).toBeGreaterThan(0);
    await client.close();
  });

  it('starts the call-log download while the directory loads, and abandons it when the directory fails', async () => {
    const request = requestFor('last week');
    const { client, service } = serviceAt(DEMO_NOW.getTime(), false);
    pbx.misbehave({ endpoint: 'users', status: 500, delayMs: 50 });
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      await expect(service.runReport(request)).rejects.toThrow('The PBX answered 500 to GET /xapi/v1/Users');
      // Without the early start, a failed directory would have asked the call log nothing.
      const firstCallLog = pbx.requests.findIndex((entry) => entry.endpoint === 'calllog');
      const users = pbx.requests.findIndex((entry) => entry.endpoint === 'users');
      expect(firstCallLog).toBeGreaterThanOrEqual(0);
      expect(pbx.requests[users]!.status).toBe(500);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
      expect((await service.runReport(request)).totals.calls).toBeGreaterThan(0);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      await client.close();
    }
  });
});
