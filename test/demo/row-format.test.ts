import { formatDuration, formatStartTime, generateGuid } from '../../src/demo/row-format';
import { createSeededRandom } from '../../src/demo/seeded-random';

describe('row formats', () => {
  it.each([
    [0, 'PT0S'],
    [9810, 'PT9.81S'],
    [72_577, 'PT1M12.577S'],
    [60_000, 'PT1M'],
    [3_723_500, 'PT1H2M3.5S'],
    [7_200_000, 'PT2H'],
  ])('formats %d ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('prints StartTime with 7 fractional digits and +00:00, parsing back to the same millisecond', () => {
    const ms = Date.parse('2026-11-17T08:02:11.412Z');
    const text = formatStartTime(ms);
    expect(text).toMatch(/^2026-11-17T08:02:11\.412\d{4}\+00:00$/);
    expect(Date.parse(text)).toBe(ms);
    expect(formatStartTime(Date.parse('2026-11-17T23:59:59.999Z')).slice(0, 23)).toBe(
      '2026-11-17T23:59:59.999',
    );
    expect(formatStartTime(Date.parse('2026-11-18T00:00:00Z')).slice(0, 23)).toBe('2026-11-18T00:00:00.000');
  });

  it('draws GUID-shaped ids deterministically', () => {
    const first = generateGuid(createSeededRandom(1));
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(generateGuid(createSeededRandom(1))).toBe(first);
    expect(generateGuid(createSeededRandom(2))).not.toBe(first);
  });
});
