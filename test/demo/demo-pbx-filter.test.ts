import { type DemoPbx, startDemoPbx } from '../../src/demo/demo-pbx';
import { callLogPathFor, DEMO_NOW, fetchToken, getJson, type Row, rowsOf } from './demo-pbx-client';

const FROM = '2026-11-16T00:00:00Z';
const TO = '2026-11-17T23:59:59.999Z';

describe('demo PBX: $filter on GetCallLogData', () => {
  let pbx: DemoPbx;
  let token: string;
  let allRows: Row[];

  beforeAll(async () => {
    pbx = await startDemoPbx({ now: DEMO_NOW, days: 10 });
    token = await fetchToken(pbx);
    allRows = pbx.rowsBetween(new Date(FROM), new Date(TO));
  });

  afterAll(async () => {
    await pbx.close();
  });

  /** Asks the PBX with `$filter` and checks it served exactly the rows `expected` keeps. */
  async function expectFilter(filter: string, expected: (row: Row) => boolean): Promise<number> {
    const answer = await getJson(
      pbx,
      callLogPathFor(FROM, TO, {}, `$count=true&$filter=${encodeURIComponent(filter)}`),
      token,
    );
    expect(answer.status).toBe(200);
    const wanted = allRows.filter(expected);
    expect(rowsOf(answer).map((row) => row.CdrId)).toEqual(wanted.map((row) => row.CdrId));
    expect((answer.json as Record<string, unknown>)['@odata.count']).toBe(wanted.length);
    return wanted.length;
  }

  it('filters strings with eq and ne', async () => {
    expect(
      await expectFilter("Direction eq 'Outbound'", (row) => row.Direction === 'Outbound'),
    ).toBeGreaterThan(10);
    expect(
      await expectFilter("CallType ne 'Extension'", (row) => row.CallType !== 'Extension'),
    ).toBeGreaterThan(10);
  });

  it('filters numbers and booleans', async () => {
    const callId = allRows[40]!.CallId;
    expect(await expectFilter(`CallId eq ${callId}`, (row) => row.CallId === callId)).toBeGreaterThan(0);
    expect(await expectFilter('Answered eq true', (row) => row.Answered === true)).toBeGreaterThan(10);
    expect(
      await expectFilter('QualityReport eq false', (row) => row.QualityReport === false),
    ).toBeGreaterThan(10);
    expect(await expectFilter('CallCost gt 0', (row) => Number(row.CallCost) > 0)).toBeGreaterThan(0);
  });

  it('combines with and, or, not and parentheses', async () => {
    expect(
      await expectFilter(
        "Answered eq true and (Direction eq 'Internal' or Direction eq 'Outbound')",
        (row) => row.Answered === true && (row.Direction === 'Internal' || row.Direction === 'Outbound'),
      ),
    ).toBeGreaterThan(10);
    expect(
      await expectFilter(
        "not (CallType eq 'Queue') and DestinationDn eq '101'",
        (row) => row.CallType !== 'Queue' && row.DestinationDn === '101',
      ),
    ).toBeGreaterThan(0);
  });

  it("compares with null and unescapes '' in string literals", async () => {
    expect(await expectFilter('RecordingUrl ne null', (row) => row.RecordingUrl !== null)).toBeGreaterThan(0);
    expect(
      await expectFilter(
        "DestinationDisplayName eq 'Grace O''Brien'",
        (row) => row.DestinationDisplayName === "Grace O'Brien",
      ),
    ).toBeGreaterThan(0);
  });

  it('supports contains() and date-time literals on StartTime', async () => {
    expect(
      await expectFilter("contains(SourceCallerId,'+49')", (row) =>
        String(row.SourceCallerId).includes('+49'),
      ),
    ).toBeGreaterThan(0);
    const noon = Date.parse('2026-11-16T12:00:00Z');
    expect(
      await expectFilter(
        'StartTime lt 2026-11-16T12:00:00Z',
        (row) => Date.parse(String(row.StartTime)) < noon,
      ),
    ).toBeGreaterThan(0);
  });

  it('answers 400 with the OData message for what it cannot parse', async () => {
    for (const [filter, detail] of [
      ["Direction like 'Out%'", "Syntax error: unexpected 'like' at token 2."],
      ['Direction eq', 'Syntax error: the expression ends too early.'],
      [
        "Answered eq 'yes'",
        "A binary operator with incompatible types was detected. Found operand types 'Edm.Boolean' and 'Edm.String' for operator kind 'eq'.",
      ],
      ["Nope eq 'x'", "Could not find a property named 'Nope' on type 'Pbx.CallLogData'."],
      ["Direction eq 'Outbound", 'Unterminated string literal at position 13.'],
    ] as const) {
      const answer = await getJson(
        pbx,
        callLogPathFor(FROM, TO, {}, `$filter=${encodeURIComponent(filter)}`),
        token,
      );
      expect(answer.status).toBe(400);
      expect(answer.json).toEqual({
        error: { code: '', message: `The query specified in the URI is not valid. ${detail}` },
      });
    }
  });
});
