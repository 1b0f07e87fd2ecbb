import { PROBED_SPAN_MAX_ROWS, probedSpan, type StoredDayCount } from '../../src/history/stored-log-trust';

/**
 * Which stored days the report path asks the PBX to count before it reads stored days (issue 20,
 * `probedSpan`): the newest day with calls, the empty days after it, and the days before it while
 * their rows stay within `PROBED_SPAN_MAX_ROWS`, never across a day that is not stored.
 */

const day = (day: string, pbxCount: number): StoredDayCount => ({ day, pbxCount });

describe('probedSpan', () => {
  it('is undefined when no stored day has calls: a count of 0 tells no log from another', () => {
    expect(probedSpan([])).toBeUndefined();
    expect(probedSpan([day('2026-11-20', 0), day('2026-11-21', 0)])).toBeUndefined();
  });

  it('covers every consecutive stored day of a small log, the empty ones after the newest with calls too', () => {
    const listed = [day('2026-11-18', 40), day('2026-11-19', 0), day('2026-11-20', 55), day('2026-11-21', 0)];
    expect(probedSpan(listed)).toEqual({
      first: '2026-11-18',
      last: '2026-11-21',
      days: ['2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21'],
      pbxCount: 95,
      newestWithCalls: day('2026-11-20', 55),
    });
  });

  it('stops at a day that is not stored, before or after the newest with calls', () => {
    const listed = [day('2026-11-10', 9), day('2026-11-12', 7), day('2026-11-13', 5), day('2026-11-15', 0)];
    expect(probedSpan(listed)).toEqual({
      first: '2026-11-12',
      last: '2026-11-13',
      days: ['2026-11-12', '2026-11-13'],
      pbxCount: 12,
      newestWithCalls: day('2026-11-13', 5),
    });
  });

  it('takes days before the newest with calls only while their rows stay within the limit', () => {
    const listed = [day('2026-11-01', 3_001), day('2026-11-02', 3_500), day('2026-11-03', 3_500)];
    expect(PROBED_SPAN_MAX_ROWS).toBe(10_000);
    expect(probedSpan(listed)).toMatchObject({ first: '2026-11-02', last: '2026-11-03', pbxCount: 7_000 });
    // Up to the limit itself.
    expect(probedSpan([day('2026-11-01', 6_500), day('2026-11-02', 3_500)])).toMatchObject({
      first: '2026-11-01',
      pbxCount: 10_000,
    });
  });

  it('counts a newest day with calls on its own when it alone holds more rows than the limit', () => {
    const listed = [day('2026-11-02', 50), day('2026-11-03', 12_000), day('2026-11-04', 0)];
    expect(probedSpan(listed)).toEqual({
      first: '2026-11-03',
      last: '2026-11-04',
      days: ['2026-11-03', '2026-11-04'],
      pbxCount: 12_000,
      newestWithCalls: day('2026-11-03', 12_000),
    });
  });

  it('does not depend on the order the store lists its days in', () => {
    const listed = [day('2026-11-21', 0), day('2026-11-19', 8), day('2026-11-20', 4)];
    expect(probedSpan(listed)).toMatchObject({ first: '2026-11-19', last: '2026-11-21', pbxCount: 12 });
  });
});
