import { cleanText, truncateText } from '../../src/render/clean-text';
import { describeFilters } from '../../src/render/describe-filters';
import { formatDuration } from '../../src/render/format-duration';
import { formatCount, formatPercent, formatShare, plural } from '../../src/render/format-number';
import { formatTimeOfDay } from '../../src/render/format-time-of-day';
import { drawHourBars, listBusyHours } from '../../src/render/list-busy-hours';

describe('formatDuration', () => {
  it.each([
    [0, '0:00'],
    [45, '0:45'],
    [192, '3:12'],
    [3599, '59:59'],
    [3600, '1:00:00'],
    [3723, '1:02:03'],
    [90061, '25:01:01'],
    [-5, '0:00'],
    [44.5, '0:45'],
  ])('%d seconds -> %s', (seconds, expected) => {
    expect(formatDuration(seconds)).toBe(expected);
  });
});

describe('number formats', () => {
  it('groups thousands without depending on the locale', () => {
    expect([0, 999, 1000, 1234567, -4321].map(formatCount)).toEqual([
      '0',
      '999',
      '1,000',
      '1,234,567',
      '-4,321',
    ]);
  });

  it('formats percentages and shares rounded half up', () => {
    expect(formatPercent(50)).toBe('50%');
    expect(formatShare(2, 3)).toBe('67%');
    expect(formatShare(1, 8)).toBe('13%');
    expect(formatShare(1, 0)).toBeNull();
  });

  it('pluralises counts', () => {
    expect([plural(1, 'call'), plural(0, 'call'), plural(1234, 'row')]).toEqual([
      '1 call',
      '0 calls',
      '1,234 rows',
    ]);
  });
});

describe('formatTimeOfDay', () => {
  it('reads the local time from the offset-carrying ISO string without converting', () => {
    expect(formatTimeOfDay('2026-11-20T14:03:11.000+01:00')).toBe('Fri 20 Nov 14:03');
    expect(formatTimeOfDay('2026-11-20T23:59:00.000-08:00')).toBe('Fri 20 Nov 23:59');
    expect(formatTimeOfDay('2026-03-29T02:30:00.000+02:00')).toBe('Sun 29 Mar 02:30');
    expect(formatTimeOfDay('2024-02-29T00:05:00.000Z')).toBe('Thu 29 Feb 00:05');
  });

  it('returns text that is not an ISO time unchanged', () => {
    expect(formatTimeOfDay('yesterday')).toBe('yesterday');
    expect(formatTimeOfDay('2026-13-01T10:00:00Z')).toBe('2026-13-01T10:00:00Z');
  });
});

describe('text helpers', () => {
  it('turns control characters (newlines, ANSI escapes) into spaces', () => {
    expect(cleanText('Jane\nCaller\u001b[31m ')).toBe('Jane Caller [31m');
  });

  it('truncates with an ellipsis within the limit and never splits a surrogate pair', () => {
    expect(truncateText('abcdef', 6)).toBe('abcdef');
    expect(truncateText('abcdef', 4)).toBe('abc…');
    expect(truncateText('ab😀cd', 4)).toBe('ab…');
  });

  it('describes filters as command words', () => {
    expect(
      describeFilters({
        extensions: ['101', '102'],
        queues: ['800'],
        numbers: ['4420'],
        directions: ['inbound'],
        status: 'missed',
      }),
    ).toBe('ext 101,102 · queue 800 · number 4420 · inbound · missed');
    expect(describeFilters({ extensions: [], queues: [], numbers: [], directions: [], status: null })).toBe(
      '',
    );
  });

  it('ends with the 3CX options in effect, as the command words that set them', () => {
    const none = { extensions: [], queues: [], numbers: [], directions: [], status: null };
    expect(
      describeFilters({ ...none, pbxOptions: ['time-filter=1', 'time-from=9:00:00', 'time-to=17:00:00'] }),
    ).toBe('3CX: time-filter=1 time-from=9:00:00 time-to=17:00:00');
    expect(
      describeFilters({ ...none, extensions: ['101'], status: 'missed', pbxOptions: ['pcalls=show'] }),
    ).toBe('ext 101 · missed · 3CX: pcalls=show');
  });
});

describe('calls by hour', () => {
  it('keeps the hours from the first to the last busy one', () => {
    const byHour = Array.from({ length: 24 }, () => 0);
    byHour[8] = 12;
    byHour[10] = 3;
    expect(listBusyHours(byHour)).toEqual([
      { hour: '08', calls: 12 },
      { hour: '09', calls: 0 },
      { hour: '10', calls: 3 },
    ]);
    expect(listBusyHours(Array.from({ length: 24 }, () => 0))).toEqual([]);
  });

  it('draws bars proportional to the busiest hour, at least one block for any calls', () => {
    expect(
      drawHourBars(
        [
          { hour: '08', calls: 12 },
          { hour: '09', calls: 0 },
          { hour: '10', calls: 1 },
        ],
        6,
      ),
    ).toEqual(['08 ██████ 12', '09        0', '10 █      1']);
  });
});
