import fc from 'fast-check';
import { DateTime } from 'luxon';
import { createTimeOfDayReader } from '../../src/demo/local-days';

/** Zones with hour, half-hour and 45-minute offsets, DST by an hour or by half an hour, and none. */
const ZONES = [
  'Europe/London',
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'UTC',
  'Pacific/Chatham',
];

describe('createTimeOfDayReader (the demo time filter reads call starts with it)', () => {
  it.each(ZONES)('gives the wall-clock time of day luxon gives, in %s, DST changes included', (zone) => {
    const read = createTimeOfDayReader(zone);
    const luxonMs = (ms: number) => {
      const local = DateTime.fromMillis(ms, { zone });
      return ((local.hour * 60 + local.minute) * 60 + local.second) * 1000 + local.millisecond;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2027-12-31T00:00:00Z') }),
        (ms) => {
          expect(read(ms)).toBe(luxonMs(ms));
        },
      ),
      { numRuns: 2000 },
    );
    // Every minute around this zone's 2026 offset changes (one reader, so its cache is exercised).
    const year = DateTime.fromISO('2026-01-01T00:00:00', { zone });
    for (let ms = year.toMillis(); ms < year.plus({ years: 1 }).toMillis(); ms += 3_600_000) {
      const before = DateTime.fromMillis(ms, { zone }).offset;
      const after = DateTime.fromMillis(ms + 3_600_000, { zone }).offset;
      if (before === after) continue;
      for (let minute = ms; minute <= ms + 3_600_000; minute += 60_000) {
        expect(read(minute)).toBe(luxonMs(minute));
        expect(read(minute + 59_999)).toBe(luxonMs(minute + 59_999));
      }
    }
  });
});
