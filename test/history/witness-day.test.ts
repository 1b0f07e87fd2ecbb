import { type StoredDayCount, witnessDay } from '../../src/history/stored-log-trust';

/**
 * Which stored day is counted second when one counts differently (`witnessDay`): a settled day the
 * PBX still has, so that a late call is not read as another log.
 */

/** Stored days `first`..`last` of November 2026, each with `rows(day of month)` rows. */
function november(first: number, last: number, rows: (dayOfMonth: number) => number): StoredDayCount[] {
  const days: StoredDayCount[] = [];
  for (let day = first; day <= last; day++)
    days.push({ day: `2026-11-${String(day).padStart(2, '0')}`, pbxCount: rows(day) });
  return days;
}

describe('witnessDay', () => {
  it('takes the busiest day from 30 to 2 days before the changed one', () => {
    // Busier than 10 Nov: 31 Oct and 3 Nov (34 and 31 days before 4 Dec), and 3 Dec (1 day before).
    const days = [
      { day: '2026-10-31', pbxCount: 9_000 },
      ...november(1, 30, (day) => (day === 3 ? 8_000 : day === 10 ? 5_000 : 1_000 + day)),
      { day: '2026-12-03', pbxCount: 9_500 },
      { day: '2026-12-04', pbxCount: 100 },
    ];
    expect(witnessDay(days, '2026-12-04')).toEqual({ day: '2026-11-10', pbxCount: 5_000 });
    // 3 Nov is 30 days before 3 Dec: within.
    expect(witnessDay(days, '2026-12-03')).toEqual({ day: '2026-11-03', pbxCount: 8_000 });
  });

  it('skips empty days, which any empty log would match', () => {
    const days = november(1, 20, (day) => (day === 12 ? 0 : day === 15 ? 300 : 50));
    expect(witnessDay(days, '2026-11-20')).toEqual({ day: '2026-11-15', pbxCount: 300 });
    expect(
      witnessDay(
        november(1, 20, () => 0),
        '2026-11-20',
      ),
    ).toBeUndefined();
  });

  it('falls back to the busiest other day when none is settled, and to none when it is alone', () => {
    const young = november(20, 21, (day) => day * 10);
    expect(witnessDay(young, '2026-11-21')).toEqual({ day: '2026-11-20', pbxCount: 200 });
    const old = [{ day: '2026-09-01', pbxCount: 700 }, ...november(21, 21, () => 5)];
    expect(witnessDay(old, '2026-11-21')).toEqual({ day: '2026-09-01', pbxCount: 700 });
    expect(
      witnessDay(
        november(21, 21, () => 5),
        '2026-11-21',
      ),
    ).toBeUndefined();
  });
});
