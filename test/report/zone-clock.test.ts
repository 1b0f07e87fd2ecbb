import fc from 'fast-check';
import { DateTime } from 'luxon';
import { ZoneClock } from '../../src/report/zone-clock';

const ZONES = [
  'Europe/Berlin',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Adelaide',
  'Australia/Lord_Howe',
  'America/St_Johns',
  'America/New_York',
  'UTC',
  'Etc/UTC',
  'Pacific/Chatham',
];
const FROM_MS = Date.parse('2025-01-01T00:00:00Z');
const TO_MS = Date.parse('2028-01-01T00:00:00Z');

describe('ZoneClock', () => {
  it.each(ZONES)('formats and reads hours exactly as luxon does in %s', (zone) => {
    const clock = new ZoneClock(zone);
    fc.assert(
      fc.property(fc.integer({ min: FROM_MS, max: TO_MS }), (epochMs) => {
        const reference = DateTime.fromMillis(epochMs, { zone });
        expect(clock.formatIso(epochMs)).toBe(reference.toISO());
        expect(clock.localHourAt(epochMs)).toBe(reference.hour);
      }),
      { numRuns: 500 },
    );
  });

  it.each(ZONES)('agrees with luxon around every offset change of 2026 in %s', (zone) => {
    const clock = new ZoneClock(zone);
    const offsetAt = (ms: number) => DateTime.fromMillis(ms, { zone }).offset;
    const changes: number[] = [];
    for (
      let hour = Date.parse('2026-01-01T00:00:00Z');
      hour < Date.parse('2027-01-01T00:00:00Z');
      hour += 3_600_000
    ) {
      if (offsetAt(hour) === offsetAt(hour + 3_600_000)) continue;
      let [low, high] = [hour, hour + 3_600_000];
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2);
        if (offsetAt(middle) === offsetAt(low)) low = middle;
        else high = middle;
      }
      changes.push(high);
    }
    for (const change of changes) {
      for (const epochMs of [change - 60_001, change - 1, change, change + 1, change + 899_999]) {
        const reference = DateTime.fromMillis(epochMs, { zone });
        expect([clock.formatIso(epochMs), clock.localHourAt(epochMs)]).toEqual([
          reference.toISO(),
          reference.hour,
        ]);
      }
    }
    const expectedChanges: Record<string, number> = {
      'Asia/Kolkata': 0,
      'Asia/Kathmandu': 0,
      UTC: 0,
      'Etc/UTC': 0,
    };
    expect(changes).toHaveLength(expectedChanges[zone] ?? 2);
  });

  it('gets both sides of a change right to the millisecond (Berlin, 25 Oct 2026)', () => {
    const clock = new ZoneClock('Europe/Berlin');
    const change = Date.parse('2026-10-25T01:00:00Z');
    expect(clock.formatIso(change - 1)).toBe('2026-10-25T02:59:59.999+02:00');
    expect(clock.formatIso(change)).toBe('2026-10-25T02:00:00.000+01:00');
    expect(clock.localHourAt(change - 1)).toBe(2);
    expect(clock.localHourAt(change)).toBe(2);
    expect(clock.offsetMinutesAt(change)).toBe(60);
  });

  it('gives the local date of an instant, as luxon does', () => {
    const dayOf = (zone: string, iso: string) =>
      ZoneClock.formatLocalDay(new ZoneClock(zone).localDayAt(Date.parse(iso)));
    expect(dayOf('Europe/Berlin', '2026-11-16T22:59:59.999Z')).toBe('2026-11-16');
    expect(dayOf('Europe/Berlin', '2026-11-16T23:00:00.000Z')).toBe('2026-11-17');
    expect(dayOf('America/New_York', '2026-03-09T03:59:59.999Z')).toBe('2026-03-08');
    expect(dayOf('America/New_York', '2026-03-09T04:00:00.000Z')).toBe('2026-03-09');
    expect(dayOf('Asia/Kolkata', '2026-11-20T18:30:00.000Z')).toBe('2026-11-21');
    expect(dayOf('UTC', '1969-12-31T23:59:59.999Z')).toBe('1969-12-31');
  });

  it('rejects an unknown zone', () => {
    expect(() => new ZoneClock('Nowhere/Land')).toThrow('Unknown time zone: Nowhere/Land');
    expect(() => ZoneClock.of('Nowhere/Land')).toThrow('Unknown time zone: Nowhere/Land');
  });

  it('shares one clock per zone between reports', () => {
    const berlin = ZoneClock.of('Europe/Berlin');
    expect(ZoneClock.of('Europe/Berlin')).toBe(berlin);
    expect(ZoneClock.of('Asia/Kolkata')).not.toBe(berlin);
    expect(ZoneClock.of('Asia/Kolkata').formatIso(Date.parse('2026-11-20T08:33:11Z'))).toBe(
      '2026-11-20T14:03:11.000+05:30',
    );
  });
});
