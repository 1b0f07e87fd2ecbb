import { parseCallLogArguments, readTimeOfDayMs } from '../../src/demo/call-log-arguments';

const DEFAULTS =
  "periodFrom=2026-11-15T23%3A00%3A00Z,periodTo=2026-11-22T22%3A59%3A59.999Z,sourceType=0,sourceFilter='',destinationType=0,destinationFilter='',callsType=0,callTimeFilterType=0,callTimeFilterFrom='0%3A00%3A0',callTimeFilterTo='0%3A00%3A0',hidePcalls=true";

describe('parseCallLogArguments', () => {
  it('decodes each value after splitting on literal commas', () => {
    expect(parseCallLogArguments(DEFAULTS)).toEqual({
      ok: true,
      value: {
        periodFromMs: Date.parse('2026-11-15T23:00:00Z'),
        periodToMs: Date.parse('2026-11-22T22:59:59.999Z'),
        sourceType: 0,
        sourceFilter: '',
        destinationType: 0,
        destinationFilter: '',
        callsType: 0,
        callTimeFilterType: 0,
        callTimeFilterFrom: '0:00:0',
        callTimeFilterTo: '0:00:0',
        hidePcalls: true,
      },
    });
  });

  it("unescapes '' and keeps encoded commas inside strings", () => {
    const text = DEFAULTS.replace("sourceFilter=''", "sourceFilter='O''Brien%2C%20Grace'").replace(
      'hidePcalls=true',
      'hidePcalls=False',
    );
    const result = parseCallLogArguments(text);
    expect(result.ok && result.value.sourceFilter).toBe("O'Brien, Grace");
    expect(result.ok && result.value.hidePcalls).toBe(false);
  });

  it('accepts unencoded values and offsets', () => {
    const result = parseCallLogArguments(
      DEFAULTS.replace('2026-11-15T23%3A00%3A00Z', '2026-11-16T00:00:00%2B01:00'),
    );
    expect(result.ok && result.value.periodFromMs).toBe(Date.parse('2026-11-15T23:00:00Z'));
  });

  it.each([
    ['a missing argument', DEFAULTS.replace(',callsType=0', '')],
    ['a renamed argument', DEFAULTS.replace('callsType=0', 'callType=0')],
    ['an unquoted string', DEFAULTS.replace("sourceFilter=''", 'sourceFilter=abc')],
    ['a lone quote inside a string', DEFAULTS.replace("sourceFilter=''", "sourceFilter='a'b'")],
    ['a raw comma inside a string', DEFAULTS.replace("sourceFilter=''", "sourceFilter='a,b'")],
    ['bad percent-encoding', DEFAULTS.replace("sourceFilter=''", "sourceFilter='%E0%A4%A'")],
    ['no equals sign', DEFAULTS.replace('sourceType=0', 'sourceType')],
  ])('answers 404 for %s', (_, text) => {
    expect(parseCallLogArguments(text)).toMatchObject({ ok: false, status: 404 });
  });

  it.each([
    ['a date that does not exist', DEFAULTS.replace('2026-11-15T23%3A00%3A00Z', '2026-13-45T00%3A00%3A00Z')],
    ['a date without a zone', DEFAULTS.replace('2026-11-15T23%3A00%3A00Z', '2026-11-15T23%3A00%3A00')],
    ['a quoted date', DEFAULTS.replace('2026-11-15T23%3A00%3A00Z', "'2026-11-15T23%3A00%3A00Z'")],
    ['a text integer', DEFAULTS.replace('sourceType=0', 'sourceType=abc')],
    ['a quoted integer', DEFAULTS.replace('callsType=0', "callsType='1'")],
    ['a non-boolean', DEFAULTS.replace('hidePcalls=true', 'hidePcalls=maybe')],
    [
      'a start time of day past 23:59:59 under callTimeFilterType=1',
      DEFAULTS.replace('callTimeFilterType=0', 'callTimeFilterType=1').replace(
        "callTimeFilterFrom='0%3A00%3A0'",
        "callTimeFilterFrom='24%3A00%3A00'",
      ),
    ],
    [
      'an end time of day that is not one under callTimeFilterType=1',
      DEFAULTS.replace('callTimeFilterType=0', 'callTimeFilterType=1').replace(
        "callTimeFilterTo='0%3A00%3A0'",
        "callTimeFilterTo='five'",
      ),
    ],
  ])('answers 500 for %s', (_, text) => {
    expect(parseCallLogArguments(text)).toMatchObject({ ok: false, status: 500 });
  });

  it('reads the times only under callTimeFilterType=1 (other codes keep them as text)', () => {
    const odd = DEFAULTS.replace("callTimeFilterTo='0%3A00%3A0'", "callTimeFilterTo='1.02%3A00%3A00'");
    expect(parseCallLogArguments(odd)).toMatchObject({ ok: true, value: { callTimeFilterTo: '1.02:00:00' } });
    const timed = DEFAULTS.replace('callTimeFilterType=0', 'callTimeFilterType=1')
      .replace("callTimeFilterFrom='0%3A00%3A0'", "callTimeFilterFrom='9%3A00'")
      .replace("callTimeFilterTo='0%3A00%3A0'", "callTimeFilterTo='17%3A00%3A00.5'");
    expect(parseCallLogArguments(timed)).toMatchObject({
      ok: true,
      value: { callTimeFilterType: 1, callTimeFilterFrom: '9:00', callTimeFilterTo: '17:00:00.5' },
    });
  });

  it.each([
    ['0:00:0', 0],
    ['9:00', 32_400_000],
    ['17:30:15', 63_015_000],
    ['23:59:59.9999999', 86_399_999],
    ['24:00:00', undefined],
    ['9:60', undefined],
    ['1.02:00:00', undefined],
    ['', undefined],
  ])('reads the time of day %j as %j ms', (text, ms) => {
    expect(readTimeOfDayMs(text)).toBe(ms);
  });
});
