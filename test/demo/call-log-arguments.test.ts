import { parseCallLogArguments } from '../../src/demo/call-log-arguments';

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
  ])('answers 500 for %s', (_, text) => {
    expect(parseCallLogArguments(text)).toMatchObject({ ok: false, status: 500 });
  });
});
