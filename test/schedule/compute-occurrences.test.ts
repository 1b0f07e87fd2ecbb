import { listOccurrences, nextOccurrence } from '../../src/schedule/compute-occurrences';

const iso = (dates: Date[]) => dates.map((date) => date.toISOString());

describe('listOccurrences: 08:00 local on both sides of daylight-saving changes', () => {
  it('Europe/Berlin across 2026-10-25 (summer to winter time): 06:00Z before, 07:00Z from that day', () => {
    const dates = listOccurrences(
      '0 8 * * *',
      'Europe/Berlin',
      new Date('2026-10-22T12:00:00Z'),
      new Date('2026-10-27T12:00:00Z'),
      100,
    );
    expect(iso(dates)).toEqual([
      '2026-10-23T06:00:00.000Z',
      '2026-10-24T06:00:00.000Z',
      '2026-10-25T07:00:00.000Z',
      '2026-10-26T07:00:00.000Z',
      '2026-10-27T07:00:00.000Z',
    ]);
  });

  it('Europe/Berlin across 2026-03-29 (winter to summer time): 07:00Z before, 06:00Z from that day', () => {
    const dates = listOccurrences(
      '0 8 * * *',
      'Europe/Berlin',
      new Date('2026-03-27T12:00:00Z'),
      new Date('2026-03-30T12:00:00Z'),
      100,
    );
    expect(iso(dates)).toEqual([
      '2026-03-28T07:00:00.000Z',
      '2026-03-29T06:00:00.000Z',
      '2026-03-30T06:00:00.000Z',
    ]);
  });

  it('America/New_York across 2026-03-08 and 2026-11-01', () => {
    const spring = listOccurrences(
      '0 8 * * *',
      'America/New_York',
      new Date('2026-03-06T18:00:00Z'),
      new Date('2026-03-09T18:00:00Z'),
      100,
    );
    expect(iso(spring)).toEqual([
      '2026-03-07T13:00:00.000Z',
      '2026-03-08T12:00:00.000Z',
      '2026-03-09T12:00:00.000Z',
    ]);
    const autumn = listOccurrences(
      '0 8 * * *',
      'America/New_York',
      new Date('2026-10-30T18:00:00Z'),
      new Date('2026-11-02T18:00:00Z'),
      100,
    );
    expect(iso(autumn)).toEqual([
      '2026-10-31T12:00:00.000Z',
      '2026-11-01T13:00:00.000Z',
      '2026-11-02T13:00:00.000Z',
    ]);
  });

  it('every weekday skips Saturday and Sunday', () => {
    const dates = listOccurrences(
      '0 8 * * 1-5',
      'Europe/Berlin',
      new Date('2026-11-05T12:00:00Z'),
      new Date('2026-11-11T12:00:00Z'),
      100,
    );
    // Fri 6, Mon 9, Tue 10, Wed 11 November.
    expect(iso(dates)).toEqual([
      '2026-11-06T07:00:00.000Z',
      '2026-11-09T07:00:00.000Z',
      '2026-11-10T07:00:00.000Z',
      '2026-11-11T07:00:00.000Z',
    ]);
  });

  it('a 02:30 rule runs at 03:00 on the spring-forward day and once on the fall-back day (croner)', () => {
    const spring = listOccurrences(
      '30 2 * * *',
      'Europe/Berlin',
      new Date('2026-03-28T12:00:00Z'),
      new Date('2026-03-30T12:00:00Z'),
      100,
    );
    expect(iso(spring)).toEqual(['2026-03-29T01:00:00.000Z', '2026-03-30T00:30:00.000Z']);
    const autumn = listOccurrences(
      '30 2 * * *',
      'Europe/Berlin',
      new Date('2026-10-24T12:00:00Z'),
      new Date('2026-10-26T12:00:00Z'),
      100,
    );
    expect(iso(autumn)).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z']);
  });

  it('excludes the start, includes the end, and stops at the limit', () => {
    const after = new Date('2026-11-02T07:00:00Z');
    const until = new Date('2026-11-04T07:00:00Z');
    expect(iso(listOccurrences('0 8 * * *', 'Europe/Berlin', after, until, 100))).toEqual([
      '2026-11-03T07:00:00.000Z',
      '2026-11-04T07:00:00.000Z',
    ]);
    expect(listOccurrences('0 * * * *', 'UTC', after, new Date('2026-12-31T00:00:00Z'), 3)).toHaveLength(3);
  });

  it('the last day of the month', () => {
    const dates = listOccurrences(
      '0 18 L * *',
      'Europe/Berlin',
      new Date('2027-01-01T00:00:00Z'),
      new Date('2027-04-01T00:00:00Z'),
      100,
    );
    expect(iso(dates)).toEqual([
      '2027-01-31T17:00:00.000Z',
      '2027-02-28T17:00:00.000Z',
      '2027-03-31T16:00:00.000Z',
    ]);
  });
});

describe('nextOccurrence', () => {
  it('is strictly after the instant, milliseconds included', () => {
    expect(nextOccurrence('0 8 * * *', 'UTC', new Date('2026-01-01T08:00:00.000Z'))?.toISOString()).toBe(
      '2026-01-02T08:00:00.000Z',
    );
    expect(nextOccurrence('0 8 * * *', 'UTC', new Date('2026-01-01T07:59:59.999Z'))?.toISOString()).toBe(
      '2026-01-01T08:00:00.000Z',
    );
  });

  it('is undefined for a rule that never fires', () => {
    expect(nextOccurrence('0 8 30 2 *', 'UTC', new Date('2026-01-01T00:00:00Z'))).toBeUndefined();
  });
});
