import { parseCallLogArguments } from '../../src/demo/call-log-arguments';
import type { CallLogStore, CallLogStoreLimits } from '../../src/demo/call-log-store';
import { createDemoCompany } from '../../src/demo/demo-company';
import { jsonResponse } from '../../src/demo/demo-response';
import { generateExternalContacts } from '../../src/demo/external-contacts';
import { createGeneratedCallLogStore } from '../../src/demo/generated-row-source';
import { type CallLogServing, handleCallLogRequest, toRowQuery } from '../../src/demo/handle-call-log';
import { parseODataQueryOptions, projectRow } from '../../src/demo/odata-query-options';
import { CALL_LOG_SCHEMA } from '../../src/demo/odata-schemas';
import { callLogPathFor } from './demo-pbx-client';
import { LEG_SELECT } from './golden-call-log-requests';

const DAY_MS = 86_400_000;
const NOW_MS = Date.parse('2026-11-20T12:00:00Z');
const BASE_URL = 'http://127.0.0.1:1';
const newStore = (limits: Partial<CallLogStoreLimits & { maxGeneratedDays: number }> = {}): CallLogStore =>
  createGeneratedCallLogStore(
    {
      seed: 11,
      callsPerDay: 150,
      timeZone: 'Europe/London',
      company: createDemoCompany(),
      contacts: generateExternalContacts(11),
    },
    NOW_MS - 9 * DAY_MS,
    NOW_MS,
    limits,
  );

/**
 * A `$select` answer as the demo served it before pages were copied from cached JSON: the page's
 * row objects, each projected, the whole answer stringified.
 */
function answerAsBefore(path: string, store: CallLogStore, serving: CallLogServing): string {
  const [rawPath, rawQuery = ''] = path.split('?');
  const args = parseCallLogArguments(/\((.*)\)$/.exec(rawPath!)![1]!);
  const options = parseODataQueryOptions(rawQuery, {
    schema: CALL_LOG_SCHEMA,
    entityName: 'Pbx.CallLogData',
    orderableFields: ['StartTime'],
  });
  if (!args.ok || !options.ok || options.value.select === undefined)
    throw new Error(`not a $select: ${path}`);
  const page = store.queryRows(toRowQuery(args.value, options.value, serving));
  const select = options.value.select;
  return jsonResponse(200, {
    '@odata.context': `${BASE_URL}/xapi/v1/$metadata#ReportCallLogData`,
    ...(options.value.count ? { '@odata.count': page.count } : {}),
    value: page.rows.map((demoRow) => projectRow(demoRow.row, select)),
  }).body as string;
}

const PERIODS: Array<[string, string]> = [
  ['2026-11-17T00:00:00Z', '2026-11-17T23:59:59.999Z'],
  ['2026-11-09T00:00:00Z', '2026-11-15T23:59:59.999Z'],
  ['2026-11-12T10:30:00Z', '2026-11-13T09:15:00.250Z'],
  ['2026-11-01T00:00:00Z', '2026-11-01T23:59:59Z'],
  ['2026-11-10T00:00:00Z', '2026-11-21T00:00:00Z'],
];
/** Raw `$select` values: the client's list (plain and encoded), one field, every field, case, spaces, repeats, odd names. */
const SELECTS = [
  LEG_SELECT,
  encodeURIComponent(LEG_SELECT),
  'SourceDisplayName',
  Object.keys(CALL_LOG_SCHEMA).join(','),
  encodeURIComponent('talkingduration, CALLID ,StartTime,callid'),
  '+RecordingUrl,+actiondndn,DstRecId,CallCost+',
  encodeURIComponent('constructor,CallId,__proto__,toString'),
];
const FILTERS: Array<{ args: Record<string, string>; query: string }> = [
  { args: {}, query: '' },
  { args: { hidePcalls: 'false' }, query: '' },
  { args: { callsType: '2' }, query: '' },
  { args: { sourceFilter: "'10'", callsType: '1' }, query: '' },
  { args: {}, query: `&$filter=${encodeURIComponent("CallType eq 'Extension' and Answered eq true")}` },
  { args: {}, query: '&$search=chlo' },
  { args: {}, query: `&$filter=${encodeURIComponent("Direction ne 'Outbound'")}&$search=o%27brien` },
];
const PAGES = ['', '$top=1000', '$top=100&$skip=180', '$top=7&$skip=250', '$top=0', '$top=10&$skip=999999'];

describe('call-log requests with $select', () => {
  it('answers byte for byte as the projected rows did, for every page, order, filter and selection', () => {
    const reference = newStore({ maxGeneratedDays: 16 });
    const servings: CallLogServing[] = [
      { store: newStore(), baseUrl: BASE_URL, pageCap: undefined, newestFirst: true, rowCap: 20_000 },
      // Small enough that days and selections are evicted and built again along the way; oldest
      // first by default, and a row cap that cuts the longer periods.
      {
        store: newStore({ maxServedBytes: 600_000 }),
        baseUrl: BASE_URL,
        pageCap: 120,
        newestFirst: false,
        rowCap: 2500,
      },
    ];
    let requests = 0;
    let rows = 0;
    PERIODS.forEach(([from, to], periodNumber) => {
      SELECTS.forEach((select, selectNumber) => {
        FILTERS.forEach((filter, filterNumber) => {
          const turn = periodNumber + selectNumber + filterNumber;
          for (const page of [PAGES[turn % PAGES.length]!, PAGES[(turn + 3) % PAGES.length]!]) {
            const order = turn % 2 === 0 ? '' : '&$orderby=StartTime%20desc';
            const count = turn % 3 === 0 ? '' : '&$count=true';
            const query = `${page}${page === '' ? '' : '&'}$select=${select}${order}${count}${filter.query}`;
            const path = callLogPathFor(from, to, filter.args, query);
            const serving = servings[requests % 2]!;
            const [rawPath, rawQuery] = path.split('?');
            const answer = handleCallLogRequest(rawPath!, rawQuery!, serving);
            expect(answer.status).toBe(200);
            const body = Buffer.isBuffer(answer.body) ? answer.body.toString('utf8') : answer.body;
            const expected = answerAsBefore(path, reference, serving);
            expect(body).toBe(expected);
            requests += 1;
            rows += (JSON.parse(body) as { value: unknown[] }).value.length;
          }
        });
      });
    });
    expect(requests).toBe(PERIODS.length * SELECTS.length * FILTERS.length * 2);
    // Not a vacuous comparison: most answers held rows.
    expect(rows).toBeGreaterThan(20_000);
    const small = servings[1]!.store.cacheStats();
    expect(small.servedBytes).toBeLessThanOrEqual(600_000);
    expect(small.servedLists).toBeLessThan(servings[0]!.store.cacheStats().servedLists);
  });

  it('sends a selected page with the headers and JSON body of any page', () => {
    const path = callLogPathFor(
      '2026-11-17T00:00:00Z',
      '2026-11-17T23:59:59.999Z',
      {},
      '$top=2&$select=CallId',
    );
    const [rawPath, rawQuery] = path.split('?');
    const answer = handleCallLogRequest(rawPath!, rawQuery!, {
      store: newStore(),
      baseUrl: BASE_URL,
      pageCap: undefined,
      newestFirst: true,
      rowCap: undefined,
    });
    expect(answer.headers).toEqual({
      'content-type': 'application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8',
      'odata-version': '4.0',
    });
    expect(JSON.parse(answer.body.toString())).toEqual({
      '@odata.context': `${BASE_URL}/xapi/v1/$metadata#ReportCallLogData`,
      value: [{ CallId: expect.any(Number) }, { CallId: expect.any(Number) }],
    });
  });
});
