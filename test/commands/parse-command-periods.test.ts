import { contextAt, expandIso, parseOk, windowIso } from './parse-helpers';

/** Every row of the spec's period table, asked on Wednesday 18 Nov 2026 at 14:30 local time. */
type Row = [command: string, from: string, to: string];

function rowsFor(offset: (local: string) => string, now: string): Row[] {
  const at = (local: string) => `${local}${offset(local)}`;
  const lastMonth: Row = ['last month', at('2026-10-01T00:00'), at('2026-11-01T00:00')];
  const novFirstToFifteenth = [at('2026-11-01T00:00'), at('2026-11-16T00:00')] as const;
  return [
    ['', at('2026-11-18T00:00'), now],
    ['today', at('2026-11-18T00:00'), now],
    ['yesterday', at('2026-11-17T00:00'), at('2026-11-18T00:00')],
    ['last workday', at('2026-11-17T00:00'), at('2026-11-18T00:00')],
    ['this week', at('2026-11-16T00:00'), now],
    ['last week', at('2026-11-09T00:00'), at('2026-11-16T00:00')],
    ['this month', at('2026-11-01T00:00'), now],
    lastMonth,
    ['last 7 days', at('2026-11-11T00:00'), at('2026-11-18T00:00')],
    ['past 7 days', at('2026-11-11T00:00'), at('2026-11-18T00:00')],
    ['past 3 hours', at('2026-11-18T11:30'), now],
    ['last 3 hours', at('2026-11-18T11:30'), now],
    ['since monday', at('2026-11-16T00:00'), now],
    ['since nov 3', at('2026-11-03T00:00'), now],
    ['monday', at('2026-11-16T00:00'), at('2026-11-17T00:00')],
    ['on friday', at('2026-11-13T00:00'), at('2026-11-14T00:00')],
    ['nov 3', at('2026-11-03T00:00'), at('2026-11-04T00:00')],
    ['2026-11-03', at('2026-11-03T00:00'), at('2026-11-04T00:00')],
    ['nov 1 - nov 15', ...novFirstToFifteenth],
    ['from nov 1 to nov 15', ...novFirstToFifteenth],
    ['2026-11-01..2026-11-15', ...novFirstToFifteenth],
    ['from=2026-11-01T08:00 to=2026-11-01T12:00', at('2026-11-01T08:00'), at('2026-11-01T12:00')],
  ];
}

const ZONES: Array<{ zone: string; rows: Row[]; utcRow: Row }> = [
  {
    zone: 'Europe/Berlin',
    // Summer time ended on Sun 25 Oct 2026.
    rows: rowsFor((local) => (local < '2026-10-25' ? '+02:00' : '+01:00'), '2026-11-18T14:30+01:00'),
    utcRow: [
      'from=2026-11-01T08:00Z to=2026-11-01T12:00Z',
      '2026-11-01T09:00+01:00',
      '2026-11-01T13:00+01:00',
    ],
  },
  {
    zone: 'America/New_York',
    // Daylight time ended on Sun 1 Nov 2026 at 02:00: midnight that day was still -04:00.
    rows: rowsFor((local) => (local <= '2026-11-01T00:00' ? '-04:00' : '-05:00'), '2026-11-18T14:30-05:00'),
    utcRow: [
      'from=2026-11-01T08:00Z to=2026-11-01T12:00Z',
      '2026-11-01T03:00-05:00',
      '2026-11-01T07:00-05:00',
    ],
  },
  {
    zone: 'Asia/Kolkata',
    rows: rowsFor(() => '+05:30', '2026-11-18T14:30+05:30'),
    utcRow: [
      'from=2026-11-01T08:00Z to=2026-11-01T12:00Z',
      '2026-11-01T13:30+05:30',
      '2026-11-01T17:30+05:30',
    ],
  },
];

describe.each(ZONES)('periods in $zone on Wed 18 Nov 2026 14:30', ({ zone, rows, utcRow }) => {
  const context = contextAt('2026-11-18T14:30', zone);

  test.each([...rows, utcRow])('"%s" is %s .. %s', (command, from, to) => {
    const request = parseOk(command, context);
    expect(windowIso(request)).toEqual([expandIso(from), expandIso(to)]);
    expect(request.window.timeZone).toBe(zone);
    expect(request.view).toBe('summary');
  });
});

describe('period wording variants (Europe/Berlin, Wed 18 Nov 2026 14:30)', () => {
  const context = contextAt('2026-11-18T14:30', 'Europe/Berlin');
  const day = (date: string, next: string): [string, string] => [
    expandIso(`${date}T00:00+01:00`),
    expandIso(`${next}T00:00+01:00`),
  ];

  test.each<[string, [string, string]]>([
    ['3 november', day('2026-11-03', '2026-11-04')],
    ['3rd of nov', day('2026-11-03', '2026-11-04')],
    ['November 3rd, 2026', day('2026-11-03', '2026-11-04')],
    ['2026/11/03', day('2026-11-03', '2026-11-04')],
    ['3.11.2026', day('2026-11-03', '2026-11-04')],
    ['on 2026-11-03', day('2026-11-03', '2026-11-04')],
    ['wed', [expandIso('2026-11-18T00:00+01:00'), expandIso('2026-11-18T14:30+01:00')]],
    ['last wednesday', day('2026-11-11', '2026-11-12')],
    ['last monday', day('2026-11-16', '2026-11-17')],
    ['nov 1-15', day('2026-11-01', '2026-11-16')],
    ['1-15 nov', day('2026-11-01', '2026-11-16')],
    ['nov 1 – nov 15', day('2026-11-01', '2026-11-16')],
    ['between nov 1 and nov 15', day('2026-11-01', '2026-11-16')],
    ['nov 1 until nov 15', day('2026-11-01', '2026-11-16')],
    ['2026-11-01 - 2026-11-15', day('2026-11-01', '2026-11-16')],
    ['2026-11-01-2026-11-15', day('2026-11-01', '2026-11-16')],
    ['mon-tue', day('2026-11-16', '2026-11-18')],
    ['yesterday - today', [expandIso('2026-11-17T00:00+01:00'), expandIso('2026-11-18T14:30+01:00')]],
    // Issue 17: a lone "from <day>" is that day (it was "since"); see the lone-from assumption.
    ['from nov 1', day('2026-11-01', '2026-11-02')],
    ['since yesterday', [expandIso('2026-11-17T00:00+01:00'), expandIso('2026-11-18T14:30+01:00')]],
    ['since wednesday', [expandIso('2026-11-18T00:00+01:00'), expandIso('2026-11-18T14:30+01:00')]],
    ['october', [expandIso('2026-10-01T00:00+02:00'), expandIso('2026-11-01T00:00+01:00')]],
    ['dec', [expandIso('2025-12-01T00:00+01:00'), expandIso('2026-01-01T00:00+01:00')]],
    ['nov 2025', day('2025-11-01', '2025-12-01')],
    ['dec 3', day('2025-12-03', '2025-12-04')],
    ['nov 19', day('2025-11-19', '2025-11-20')],
    ['dec 20 - jan 5', day('2025-12-20', '2026-01-06')],
    ['this year', [expandIso('2026-01-01T00:00+01:00'), expandIso('2026-11-18T14:30+01:00')]],
    ['last year', day('2025-01-01', '2026-01-01')],
    ['previous week', day('2026-11-09', '2026-11-16')],
    ['last working day', day('2026-11-17', '2026-11-18')],
    ['last business day', day('2026-11-17', '2026-11-18')],
    ['last 2 weeks', day('2026-11-04', '2026-11-18')],
    ['last 3 months', [expandIso('2026-08-18T00:00+02:00'), expandIso('2026-11-18T00:00+01:00')]],
    ['last 1 day', day('2026-11-17', '2026-11-18')],
    ['past 24h', [expandIso('2026-11-17T14:30+01:00'), expandIso('2026-11-18T14:30+01:00')]],
    ['last 7d', day('2026-11-11', '2026-11-18')],
    ['last hour', [expandIso('2026-11-18T13:30+01:00'), expandIso('2026-11-18T14:30+01:00')]],
    ['past 90 minutes', [expandIso('2026-11-18T13:00+01:00'), expandIso('2026-11-18T14:30+01:00')]],
    ['last 400 days', [expandIso('2025-10-14T00:00+02:00'), expandIso('2026-11-18T00:00+01:00')]],
    ['from=2026-11-01', [expandIso('2026-11-01T00:00+01:00'), expandIso('2026-11-18T14:30+01:00')]],
    [
      'from=2026-11-01T08:00:00.000+01:00 to=2026-11-02T00:00:00.000+01:00',
      [expandIso('2026-11-01T08:00+01:00'), expandIso('2026-11-02T00:00+01:00')],
    ],
    [
      'from=2026-11-01T08:00+05:30 to=2026-11-01T12:00-05:00',
      [expandIso('2026-11-01T03:30+01:00'), expandIso('2026-11-01T18:00+01:00')],
    ],
    [
      'from="2026-11-01 08:00" to=2026-11-01T09:15:30',
      [expandIso('2026-11-01T08:00+01:00'), expandIso('2026-11-01T09:15:30+01:00')],
    ],
  ])('"%s"', (command, expected) => {
    expect(windowIso(parseOk(command, context))).toEqual(expected);
  });

  test('a window that ends in the future is cut at now', () => {
    expect(windowIso(parseOk('nov 15 - nov 30', context))).toEqual([
      expandIso('2026-11-15T00:00+01:00'),
      expandIso('2026-11-18T14:30+01:00'),
    ]);
    expect(windowIso(parseOk('from=2026-11-18T10:00 to=2026-11-19T10:00', context))).toEqual([
      expandIso('2026-11-18T10:00+01:00'),
      expandIso('2026-11-18T14:30+01:00'),
    ]);
  });

  test('maxPeriodDays is respected both ways', () => {
    const short = { ...context, maxPeriodDays: 7 };
    expect(windowIso(parseOk('last 7 days', short))).toEqual(day('2026-11-11', '2026-11-18'));
    expect(windowIso(parseOk('last week', short))).toEqual(day('2026-11-09', '2026-11-16'));
  });
});
