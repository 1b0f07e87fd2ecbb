import { nameExportFile } from '../../src/chat/name-export-file';

describe('nameExportFile', () => {
  it.each([
    // A Berlin week: its first local day, not the UTC date of its start (the 15th).
    ['Europe/Berlin', '2026-11-15T23:00:00Z', '2026-11-22T23:00:00Z', 'calls-2026-11-16_2026-11-22.csv'],
    ['Europe/Berlin', '2026-11-27T23:00:00Z', '2026-11-28T23:00:00Z', 'calls-2026-11-28.csv'],
    // An evening in New York is the next day in UTC; a day in Kolkata starts the day before.
    ['America/New_York', '2026-11-29T01:00:00Z', '2026-11-29T04:00:00Z', 'calls-2026-11-28.csv'],
    ['Asia/Kolkata', '2026-11-27T18:30:00Z', '2026-11-28T18:30:00Z', 'calls-2026-11-28.csv'],
    // Hours within one day, and across midnight.
    ['Europe/Berlin', '2026-11-17T07:00:00Z', '2026-11-17T11:00:00Z', 'calls-2026-11-17.csv'],
    ['Europe/Berlin', '2026-12-31T21:00:00Z', '2027-01-01T01:00:00Z', 'calls-2026-12-31_2027-01-01.csv'],
    // A week across the switch to summer time.
    ['Europe/Berlin', '2026-03-22T23:00:00Z', '2026-03-29T22:00:00Z', 'calls-2026-03-23_2026-03-29.csv'],
    // An empty window; a zone luxon does not know counts as UTC.
    ['UTC', '2026-11-17T07:00:00Z', '2026-11-17T07:00:00Z', 'calls-2026-11-17.csv'],
    ['Mars/Olympus', '2026-11-16T00:00:00Z', '2026-11-18T00:00:00Z', 'calls-2026-11-16_2026-11-17.csv'],
  ])('names %s %s – %s as %s', (timeZone, from, to, expected) => {
    const window = { from: new Date(from), to: new Date(to), timeZone };
    expect(nameExportFile('calls', window, 'csv')).toBe(expected);
  });

  it('takes the stem and the extension as given', () => {
    const day = {
      from: new Date('2026-11-27T23:00:00Z'),
      to: new Date('2026-11-28T23:00:00Z'),
      timeZone: 'Europe/Berlin',
    };
    expect(nameExportFile('calls-rows', day, 'json')).toBe('calls-rows-2026-11-28.json');
    expect(nameExportFile('calls-by-extension', day, 'xlsx')).toBe('calls-by-extension-2026-11-28.xlsx');
  });
});
