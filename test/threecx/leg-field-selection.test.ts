import { LEG_FIELDS } from '../../src/threecx/call-log-row';
import {
  callLogUrls,
  collect,
  createRecordingLogger,
  createTestClient,
  type DemoPbx,
  queryFor,
  queryOption,
  useTestPbx,
} from './demo-helpers';

let pbx: DemoPbx;
useTestPbx((started) => {
  pbx = started;
});

const TWO_DAYS = ['2026-11-24T00:00:00Z', '2026-11-26T00:00:00Z'] as const;
const ODATA_400 = {
  error: {
    code: '',
    message: "Could not find a property named 'MainCallHistoryId' on type 'Pbx.CallLogData'.",
  },
};

/** Legs of TWO_DAYS from a client that asks for whole rows: what every other run must equal. */
async function wholeRowLegs() {
  const client = createTestClient(pbx, { selectLegFields: false, cache: false });
  const legs = await collect(client.streamLegs(queryFor(...TWO_DAYS)));
  await client.close();
  expect(callLogUrls(pbx).every((url) => queryOption(url, '$select') === undefined)).toBe(true);
  pbx.requests.length = 0;
  return legs;
}

describe('the fields a leg needs ($select)', () => {
  it('are all a report asks for, and the legs are the same as from whole rows', async () => {
    const expected = await wholeRowLegs();
    expect(expected.length).toBeGreaterThan(500);
    const client = createTestClient(pbx, { cache: false });
    expect(await collect(client.streamLegs(queryFor(...TWO_DAYS)))).toEqual(expected);
    const urls = callLogUrls(pbx);
    expect(urls.length).toBeGreaterThanOrEqual(2);
    for (const url of urls) expect(queryOption(url, '$select')).toBe(LEG_FIELDS.join(','));
    await client.close();
  });

  it('are not imposed on a caller that chose its own fields', async () => {
    const client = createTestClient(pbx, { cache: false });
    const legs = await collect(
      client.streamLegs(queryFor(...TWO_DAYS, { select: ['MainCallHistoryId', 'StartTime'] })),
    );
    expect(legs.length).toBeGreaterThan(500);
    expect(legs[0]!.sourceDn).toBeUndefined();
    for (const url of callLogUrls(pbx))
      expect(queryOption(url, '$select')).toBe('MainCallHistoryId,StartTime,CdrId');
    await client.close();
  });

  it('refused by the PBX (400): the window is asked again for whole rows, and so is every later one', async () => {
    const expected = await wholeRowLegs();
    const { logger, lines } = createRecordingLogger();
    const client = createTestClient(pbx, { cache: false, concurrency: 1, logger });
    pbx.misbehave({ endpoint: 'calllog', nth: 1, status: 400, body: ODATA_400 });
    expect(await collect(client.streamLegs(queryFor(...TWO_DAYS)))).toEqual(expected);
    const selects = callLogUrls(pbx).map((url) => queryOption(url, '$select'));
    expect(selects[0]).toBe(LEG_FIELDS.join(','));
    expect(selects.slice(1).length).toBeGreaterThanOrEqual(2);
    // This report's later windows were already asked for with the list (they are fine); the refused one is not.
    expect(selects[1]).toBeUndefined();
    pbx.requests.length = 0;
    expect(await collect(client.streamLegs(queryFor(...TWO_DAYS)))).toEqual(expected);
    expect(callLogUrls(pbx).every((url) => queryOption(url, '$select') === undefined)).toBe(true);
    expect(lines.filter((line) => line.includes('refused the call-log field list'))).toHaveLength(1);
    await client.close();
  });

  it('a PBX fault (500) on the first page is an error, not a reason to drop the list', async () => {
    const client = createTestClient(pbx, { cache: false, concurrency: 1 });
    pbx.misbehave({ endpoint: 'calllog', nth: 1, status: 500 });
    await expect(collect(client.streamLegs(queryFor(...TWO_DAYS)))).rejects.toMatchObject({ status: 500 });
    pbx.requests.length = 0;
    await collect(client.streamLegs(queryFor(...TWO_DAYS)));
    for (const url of callLogUrls(pbx)) expect(queryOption(url, '$select')).toBe(LEG_FIELDS.join(','));
    await client.close();
  });
});
