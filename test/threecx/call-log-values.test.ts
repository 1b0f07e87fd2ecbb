import fc from 'fast-check';
import { parseDurationSeconds, parseInstantMs } from '../../src/threecx/call-log-values';

/** The reading before the hand-written fast path: Date.parse, a zone-less time taken as UTC. */
function parseWithDate(value: string): number {
  const timeAt = value.indexOf('T');
  if (timeAt < 0) return Date.parse(value);
  const last = value.charCodeAt(value.length - 1);
  const hasZone =
    last === 90 || last === 122 || value.indexOf('+', timeAt) > 0 || value.indexOf('-', timeAt) > 0;
  return Date.parse(hasZone ? value : `${value}Z`);
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** Date-times of 3CX's shape, with values at and beyond the edges of what the fast path reads. */
const instantText = fc
  .record({
    year: fc.integer({ min: 0, max: 9999 }),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 25 }),
    minute: fc.integer({ min: 0, max: 60 }),
    second: fc.integer({ min: 0, max: 60 }),
    fraction: fc.option(fc.stringMatching(/^[0-9]{0,9}$/), { nil: undefined }),
    zone: fc.constantFrom('', 'Z', 'z', '+00:00', '+01:00', '-05:30', '+14:00', '+24:00', '-00:60', '+0100'),
  })
  .map(
    ({ year, month, day, hour, minute, second, fraction, zone }) =>
      `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}` +
      `${fraction === undefined ? '' : `.${fraction}`}${zone}`,
  );

describe('parseInstantMs', () => {
  it('reads every date-time of 3CX shape exactly as Date.parse does (zone-less = UTC)', () => {
    fc.assert(
      fc.property(instantText, (text) => {
        expect(Object.is(parseInstantMs(text), parseWithDate(text))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees with Date.parse on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        expect(Object.is(parseInstantMs(text), parseWithDate(text))).toBe(true);
      }),
    );
  });

  it.each([
    ['2026-11-17T08:02:11.4125530+00:00', Date.UTC(2026, 10, 17, 8, 2, 11, 412)],
    ['2026-11-17T08:02:11.9999999Z', Date.UTC(2026, 10, 17, 8, 2, 11, 999)],
    ['2026-11-17T08:02:11.5', Date.UTC(2026, 10, 17, 8, 2, 11, 500)],
    ['2026-03-01T00:30:00.12-01:00', Date.UTC(2026, 2, 1, 1, 30, 0, 120)],
    ['1999-12-31T23:59:59+00:30', Date.UTC(1999, 11, 31, 23, 29, 59)],
    ['2024-02-29T12:00:00Z', Date.UTC(2024, 1, 29, 12)],
  ])('%s', (text, expectedMs) => {
    expect(parseInstantMs(text)).toBe(expectedMs);
  });
});

/** ISO 8601 durations as read before the character-code reader: each number through `Number` of its text. */
function parseIsoDurationWithNumber(value: string): number | undefined {
  const unitSeconds: Record<string, number> = { W: 604_800, D: 86_400, H: 3_600, M: 60, S: 1 };
  let seconds = 0;
  let inTime = false;
  let sawNumber = false;
  let i = 1;
  while (i < value.length) {
    if (value[i] === 'T') {
      if (inTime) return undefined;
      inTime = true;
      i++;
      continue;
    }
    const number = /^(\d+)([.,]\d+)?/.exec(value.slice(i));
    if (!number) return undefined;
    const end = i + number[0].length;
    const unit = value[end];
    const allowed = inTime ? unit === 'H' || unit === 'M' || unit === 'S' : unit === 'W' || unit === 'D';
    if (!unit || !allowed) return undefined;
    seconds += Number(number[0].replace(',', '.')) * (unitSeconds[unit] ?? 0);
    sawNumber = true;
    i = end + 1;
  }
  return sawNumber && Number.isFinite(seconds) ? seconds : undefined;
}

/** Durations of 3CX's shape (up to 12 decimals, some past 15 digits), and pieces that break it. */
const isoDurationText = fc
  .array(
    fc.oneof(
      fc
        .record({
          whole: fc.stringMatching(/^[0-9]{1,10}$/),
          fraction: fc.option(fc.stringMatching(/^[0-9]{0,12}$/), { nil: undefined }),
          separator: fc.constantFrom('.', '.', ','),
          unit: fc.constantFrom('W', 'D', 'H', 'M', 'S', 'S', 'Y', ''),
        })
        .map(({ whole, fraction, separator, unit }) =>
          fraction === undefined ? `${whole}${unit}` : `${whole}${separator}${fraction}${unit}`,
        ),
      fc.constantFrom('T', 'T', 'T', '.', 'X', '-'),
    ),
    { maxLength: 6 },
  )
  .map((parts) => `P${parts.join('')}`);

describe('parseDurationSeconds (ISO 8601)', () => {
  it('reads every duration of 3CX shape exactly as Number() of its numbers did', () => {
    fc.assert(
      fc.property(isoDurationText, (text) => {
        const read = parseDurationSeconds(text);
        const before = parseIsoDurationWithNumber(text);
        expect(read === undefined ? 'undefined' : read).toBe(before === undefined ? 'undefined' : before);
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ['PT0.00976S', 0.00976],
    ['PT1M12.577027S', 60 + 12.577027],
    ['PT0.1234567890123S', 0.1234567890123],
    ['PT12345678.123456789S', 12345678.123456789],
    ['PT1.5M', 90],
    ['P1DT', 86_400],
  ])('%s is exactly what Number() of its numbers gives', (text, seconds) => {
    expect(parseDurationSeconds(text)).toBe(seconds);
  });
});
