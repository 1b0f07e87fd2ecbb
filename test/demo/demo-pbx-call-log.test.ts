import { type DemoPbx, startDemoPbx } from '../../src/demo/demo-pbx';
import {
  callLogPath,
  callLogPathFor,
  DEMO_NOW,
  defaultCallLogArguments,
  fetchToken,
  getJson,
  type Row,
  rowsOf,
} from './demo-pbx-client';

const FROM = '2026-11-17T00:00:00Z';
const TO = '2026-11-17T23:59:59.999Z';
const INVALID_QUERY = 'The query specified in the URI is not valid.';

describe('demo PBX: GetCallLogData', () => {
  let pbx: DemoPbx;
  let token: string;
  let dayRows: Row[];

  beforeAll(async () => {
    pbx = await startDemoPbx({ now: DEMO_NOW, days: 14 });
    token = await fetchToken(pbx);
    dayRows = pbx.rowsBetween(new Date(FROM), new Date(TO));
  });

  afterAll(async () => {
    await pbx.close();
  });

  const get = (path: string) => getJson(pbx, path, token);
  const cdrIds = (rows: Row[]) => rows.map((row) => row.CdrId);

  it('serves the day with @odata.context and @odata.count, newest first (StartTime then SegmentId, descending)', async () => {
    const answer = await get(callLogPathFor(FROM, TO, {}, '$count=true'));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('application/json');
    const body = answer.json as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['@odata.context', '@odata.count', 'value']);
    expect(body['@odata.context']).toBe(`${pbx.url}/xapi/v1/$metadata#ReportCallLogData`);
    expect(body['@odata.count']).toBe(dayRows.length);
    expect(dayRows.length).toBeGreaterThan(200);
    expect(cdrIds(rowsOf(answer))).toEqual(cdrIds(dayRows));
    const keys = rowsOf(answer).map(
      (row) => [Date.parse(String(row.StartTime)), Number(row.SegmentId)] as const,
    );
    const sorted = [...keys].sort((a, b) => b[0] - a[0] || b[1] - a[1]);
    expect(keys).toEqual(sorted);
  });

  it('omits @odata.count without $count=true', async () => {
    const answer = await get(callLogPathFor(FROM, TO, {}, '$top=1'));
    expect(Object.keys(answer.json as object)).toEqual(['@odata.context', 'value']);
  });

  it('answers 404 for a missing, extra, reordered or unquoted argument', async () => {
    const args = defaultCallLogArguments(FROM, TO);
    const missing = args.filter(([name]) => name !== 'callsType');
    const extra = [...args, ['clientTimeZone', "'Europe/London'"] as [string, string]];
    const reordered = [args[0]!, args[1]!, args[3]!, args[2]!, ...args.slice(4)];
    for (const variant of [missing, extra, reordered]) {
      const answer = await get(callLogPath(variant));
      expect(answer.status).toBe(404);
      expect((answer.json as { error: { code: string } }).error.code).toBe('');
    }
    expect((await get(callLogPathFor(FROM, TO, { sourceFilter: 'abc' }))).status).toBe(404);
    expect((await get(callLogPathFor(FROM, TO, { sourceFilter: "'O'Brien'" }))).status).toBe(404);
    expect((await get(callLogPath(args).replace('GetCallLogData', 'GetCallLogDatum'))).status).toBe(404);
  });

  it('answers 500 for a bad date or a wrong type', async () => {
    const variants: Array<Record<string, string>> = [
      { periodFrom: '2026-13-45T00:00:00Z' },
      { periodTo: 'yesterday' },
      { periodFrom: `'${FROM}'` },
      { sourceType: 'abc' },
      { hidePcalls: 'maybe' },
    ];
    for (const overrides of variants) {
      const answer = await get(callLogPathFor(FROM, TO, overrides));
      expect(answer.status).toBe(500);
      expect(typeof (answer.json as { error: { message: string } }).error.message).toBe('string');
    }
  });

  it('accepts quoted strings with doubled quotes and encoded commas', async () => {
    const answer = await get(callLogPathFor(FROM, TO, { sourceFilter: "'O''Brien, Grace'" }, '$count=true'));
    expect(answer.status).toBe(200);
    expect((answer.json as Record<string, unknown>)['@odata.count']).toBe(0);
  });

  it('includes rows starting exactly at periodFrom and at periodTo', async () => {
    const row = dayRows[100]!;
    const instant = new Date(Date.parse(String(row.StartTime))).toISOString();
    // Newest first: the period's earliest row comes last, its latest first.
    const atFrom = rowsOf(await get(callLogPathFor(instant, '2026-11-17T23:59:59Z')));
    expect(atFrom[atFrom.length - 1]!.StartTime).toBe(row.StartTime);
    const atTo = rowsOf(await get(callLogPathFor('2026-11-17T00:00:00Z', instant)));
    expect(atTo[0]!.StartTime).toBe(row.StartTime);
    const exact = rowsOf(await get(callLogPathFor(instant, instant)));
    expect(exact.map((candidate) => candidate.StartTime)).toContain(row.StartTime);
    const after = new Date(Date.parse(instant) + 1).toISOString();
    const later = rowsOf(await get(callLogPathFor(after, '2026-11-17T23:59:59Z')));
    expect(later.map((candidate) => candidate.CdrId)).not.toContain(row.CdrId);
  });

  it('pages with $top and $skip; $count counts before paging', async () => {
    const answer = await get(callLogPathFor(FROM, TO, {}, '$top=5&$skip=3&$count=true'));
    expect((answer.json as Record<string, unknown>)['@odata.count']).toBe(dayRows.length);
    expect(cdrIds(rowsOf(answer))).toEqual(cdrIds(dayRows.slice(3, 8)));
    const beyond = await get(callLogPathFor(FROM, TO, {}, `$skip=${dayRows.length}`));
    expect(rowsOf(beyond)).toEqual([]);
    expect((await get(callLogPathFor(FROM, TO, {}, '$top=-1'))).status).toBe(400);
  });

  it('projects with $select and refuses unknown fields with 400', async () => {
    const answer = await get(callLogPathFor(FROM, TO, {}, '$top=3&$select=CdrId,StartTime,actionDnDn'));
    expect(rowsOf(answer).map((row) => Object.keys(row))).toEqual([
      ['CdrId', 'StartTime', 'actionDnDn'],
      ['CdrId', 'StartTime', 'actionDnDn'],
      ['CdrId', 'StartTime', 'actionDnDn'],
    ]);
    const unknown = await get(callLogPathFor(FROM, TO, {}, '$select=CdrId,Nope'));
    expect(unknown.status).toBe(400);
    expect((unknown.json as { error: { code: string; message: string } }).error).toEqual({
      code: '',
      message: `${INVALID_QUERY} Could not find a property named 'Nope' on type 'Pbx.CallLogData'.`,
    });
  });

  it('orders by StartTime desc on request and refuses other orderings', async () => {
    const answer = await get(callLogPathFor(FROM, TO, {}, '$orderby=StartTime%20desc&$top=10'));
    expect(cdrIds(rowsOf(answer))).toEqual(cdrIds(dayRows.slice(0, 10)));
    const asc = await get(callLogPathFor(FROM, TO, {}, '$orderby=StartTime%20asc&$top=10'));
    expect(cdrIds(rowsOf(asc))).toEqual(cdrIds([...dayRows].reverse().slice(0, 10)));
    const other = await get(callLogPathFor(FROM, TO, {}, '$orderby=SourceDn'));
    expect(other.status).toBe(400);
  });

  it('caps pages at setPageCap rows whatever $top asks, keeping the count', async () => {
    pbx.setPageCap(7);
    try {
      const answer = await get(callLogPathFor(FROM, TO, {}, '$top=20&$skip=2&$count=true'));
      expect(cdrIds(rowsOf(answer))).toEqual(cdrIds(dayRows.slice(2, 9)));
      expect((answer.json as Record<string, unknown>)['@odata.count']).toBe(dayRows.length);
      expect(rowsOf(await get(callLogPathFor(FROM, TO)))).toHaveLength(7);
      expect(rowsOf(await get(callLogPathFor(FROM, TO, {}, '$top=3')))).toHaveLength(3);
    } finally {
      pbx.setPageCap(undefined);
    }
    expect(rowsOf(await get(callLogPathFor(FROM, TO)))).toHaveLength(dayRows.length);
  });

  it('shows parking legs only with hidePcalls=false', async () => {
    const weekFrom = '2026-11-09T00:00:00Z';
    const hidden = rowsOf(await get(callLogPathFor(weekFrom, TO)));
    const shown = rowsOf(await get(callLogPathFor(weekFrom, TO, { hidePcalls: 'false' })));
    const parkLegs = shown.filter((row) => row.DestinationDn === 'SP0');
    expect(parkLegs.length).toBeGreaterThan(0);
    expect(parkLegs[0]).toMatchObject({ DestinationDisplayName: 'Park 0', CallType: 'Extension' });
    expect(hidden.some((row) => row.DestinationDn === 'SP0')).toBe(false);
    expect(shown.length - hidden.length).toBe(parkLegs.length);
  });

  it('filters whole calls by callsType, sourceFilter and destinationFilter', async () => {
    const groups = (rows: Row[]) => {
      const calls = new Map<unknown, Row[]>();
      for (const row of rows)
        calls.set(row.MainCallHistoryId, [...(calls.get(row.MainCallHistoryId) ?? []), row]);
      return [...calls.values()];
    };
    const personAnswered = (legs: Row[]) =>
      legs.some((leg) => leg.Answered === true && ['Extension', 'External'].includes(String(leg.CallType)));
    const unanswered = groups(rowsOf(await get(callLogPathFor(FROM, TO, { callsType: '2' }))));
    const answered = groups(rowsOf(await get(callLogPathFor(FROM, TO, { callsType: '1' }))));
    expect(unanswered.length).toBeGreaterThan(10);
    expect(unanswered.every((legs) => !personAnswered(legs))).toBe(true);
    expect(answered.every(personAnswered)).toBe(true);
    expect(unanswered.length + answered.length).toBe(groups(dayRows).length);
    const toBen = groups(rowsOf(await get(callLogPathFor(FROM, TO, { destinationFilter: "'101'" }))));
    expect(toBen.length).toBeGreaterThan(0);
    const reachesBen = (leg: Row) => `${leg.DestinationDn} ${leg.DestinationCallerId}`.includes('101');
    expect(toBen.every((legs) => legs.some(reachesBen))).toBe(true);
    expect(toBen.some((legs) => legs.some((leg) => leg.DestinationDn === '101'))).toBe(true);
    const fromUk = groups(rowsOf(await get(callLogPathFor(FROM, TO, { sourceFilter: "'+44'" }))));
    expect(fromUk.length).toBeGreaterThan(0);
    expect(fromUk.every((legs) => legs.some((leg) => String(leg.SourceCallerId).startsWith('+44')))).toBe(
      true,
    );
  });

  it('searches caller ids and names with $search (case-insensitive)', async () => {
    const rows = rowsOf(await get(callLogPathFor(FROM, TO, {}, '$search=okafor')));
    const expected = dayRows.filter((row) =>
      [row.SourceDisplayName, row.DestinationDisplayName].some((name) =>
        String(name).toLowerCase().includes('okafor'),
      ),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(cdrIds(rows)).toEqual(cdrIds(expected));
  });

  it('accepts $expand as a no-op and refuses unknown $ options', async () => {
    const expanded = await get(callLogPathFor(FROM, TO, {}, '$expand=Recordings&$top=2'));
    expect(cdrIds(rowsOf(expanded))).toEqual(cdrIds(dayRows.slice(0, 2)));
    expect((await get(callLogPathFor(FROM, TO, {}, '$apply=groupby'))).status).toBe(400);
  });
});
