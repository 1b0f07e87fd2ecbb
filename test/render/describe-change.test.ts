import {
  describeCountChange,
  describeMeasuredChange,
  describePointChange,
  formatChange,
} from '../../src/render/describe-change';
import { formatSpokenDuration } from '../../src/render/format-duration';
import { formatBucket, formatDay, formatHourSpan } from '../../src/render/format-local-date';

describe('describeCountChange / describePointChange', () => {
  it.each([
    [69, 60, 'neither', '▲ 15%'],
    [4, 5, 'lower', '▼ 20% (better)'],
    [10, 5, 'lower', '▲ 100% (worse)'],
    [5, 5, 'lower', '='],
    [3, 0, 'lower', 'new'],
    [1001, 1000, 'neither', '▲ <1%'],
    [1, 3, 'higher', '▼ 67% (worse)'],
  ] as const)('%d against %d (%s better) reads %s', (current, previous, better, expected) => {
    expect(formatChange(describeCountChange(current, previous, better))).toBe(expected);
  });

  it('shows a percentage in points, and nothing or "new" where there was nothing to measure', () => {
    expect(formatChange(describePointChange(80, 70, 'higher'))).toBe('▲ 10 pp (better)');
    expect(formatChange(describePointChange(70, 70, 'higher'))).toBe('=');
    const points = (a: number, b: number) => describePointChange(a, b, 'higher');
    expect(
      describeMeasuredChange({ value: 0, measurable: false }, { value: 70, measurable: true }, points),
    ).toBeUndefined();
    expect(
      describeMeasuredChange({ value: 80, measurable: true }, { value: 0, measurable: false }, points),
    ).toEqual({
      text: 'new',
      tone: 'neutral',
    });
  });
});

describe('words for durations, days, buckets and hours', () => {
  it.each([
    [8, '8s'],
    [252, '4m 12s'],
    [7_380, '2h 03m'],
    [7_709, '2h 08m'], // 2:08:29 to the nearest minute
    [7_710, '2h 09m'], // 2:08:30, half up
    [3_599, '59m 59s'],
    [7_170, '2h 00m'], // 1:59:30 rounds up into the next hour
    [0, '0s'],
  ])('%d seconds -> %s', (seconds, expected) => {
    expect(formatSpokenDuration(seconds)).toBe(expected);
  });

  it('labels days, trend buckets and hours', () => {
    expect(formatDay('2026-11-03')).toBe('Tue 3 Nov');
    expect(formatBucket('2026-11-02T00:00:00.000+01:00', 'day')).toBe('Mon 2 Nov');
    expect(formatBucket('2026-11-02T00:00:00.000+01:00', 'week')).toBe('week of 2 Nov');
    expect(formatBucket('2026-11-01T00:00:00.000+01:00', 'month')).toBe('Nov 2026');
    expect(formatHourSpan('9')).toBe('09:00–10:00');
    expect(formatHourSpan(23)).toBe('23:00–24:00');
    expect(formatDay('soon')).toBe('soon');
  });
});
