import type { RawCallLogRow } from '../../src/core/call-log-source';

/**
 * Call-log rows (shaped as 3CX V20 sends them) of one day of call-backs, for the servers' tests of
 * `unreturned yesterday` asked on Sun 29 Nov 2026 at 11:00 in Berlin (SLACK_NOW). Sat 28 Nov, local:
 *
 * - 09:00 Jane Caller (+44 20 7946 0123) through the IVR and queue 800, rung at 102, hung up;
 *   09:12 Ben Okafor (101) calls `020 7946 0123` and talks: returned by Ben 12 min later;
 * - 11:00 +1 555 123 4567 rings 101 directly, unanswered; 11:20 Ben calls back, nobody answers:
 *   tried once;
 * - 14:00 Acme GmbH (+49 30 1234567) rings 103, unanswered; Sun 29 Nov 08:30, after the period,
 *   Chloé Durand (102) calls `0049301234567` and talks: returned 18 h 30 min later;
 * - 15:00 an anonymous caller hangs up in the IVR;
 * - 16:00 +44 7700 900123 gives up in queue 800: open.
 */
export const UNRETURNED_DAY = '2026-11-28';

/** 09:00 Berlin on Sat 28 Nov 2026. */
const NINE_MS = Date.parse('2026-11-28T08:00:00.000Z');
const MINUTE_MS = 60_000;

const DAY_MS = 86_400_000;

function row(
  day: number,
  call: string,
  segment: number,
  minutes: number,
  fields: RawCallLogRow,
): RawCallLogRow {
  return {
    MainCallHistoryId: call,
    CallHistoryId: call,
    CdrId: `${call.slice(0, 24)}${String(day * 100 + segment).padStart(12, '0')}`,
    SegmentId: day * 100 + segment,
    StartTime: new Date(NINE_MS + day * DAY_MS + minutes * MINUTE_MS).toISOString(),
    RingingDuration: 'PT0S',
    TalkingDuration: 'PT0S',
    ...fields,
  };
}

const guid = (day: number, n: number) => `aaaaaaaa-0000-4000-8000-${String(day * 100 + n).padStart(12, '0')}`;
const caller = (number: string, name: string) => ({
  SourceDn: '10000',
  SourceCallerId: number,
  SourceDisplayName: name,
});
const ivr = {
  DestinationDn: '8000',
  DestinationDisplayName: 'Main Menu',
  CallType: 'Digital Receptionist',
  Direction: 'Inbound',
  Status: 'Answered',
  Answered: true,
  TalkingDuration: 'PT6S',
};
const queue800 = {
  DestinationDn: '800',
  DestinationDisplayName: 'Sales',
  CallType: 'Queue',
  Direction: 'Inbound Queue',
  Status: 'Waiting',
  Answered: true,
  RingingDuration: 'PT40S',
};
const rings = (dn: string, name: string) => ({
  DestinationDn: dn,
  DestinationCallerId: dn,
  DestinationDisplayName: name,
  CallType: 'Extension',
  Direction: 'Inbound',
  Status: 'Unanswered',
  Answered: false,
  RingingDuration: 'PT20S',
});
const dials = (extension: string, name: string, number: string, talk: string) => ({
  SourceDn: extension,
  SourceCallerId: extension,
  SourceDisplayName: name,
  DestinationDn: '10000',
  DestinationCallerId: number,
  DestinationDisplayName: '',
  CallType: 'External',
  Direction: 'Outbound',
  Status: talk === 'PT0S' ? 'Unanswered' : 'Answered',
  Answered: talk !== 'PT0S',
  RingingDuration: 'PT8S',
  TalkingDuration: talk,
});

/** The day's rows; `dayOffset` moves the whole day (and its return the next morning) that many days on. */
export function buildUnreturnedRows(dayOffset = 0): RawCallLogRow[] {
  const at = (call: number, segment: number, minutes: number, fields: RawCallLogRow) =>
    row(dayOffset, guid(dayOffset, call), segment, minutes, fields);
  const jane = caller('+44 20 7946 0123', 'Jane Caller');
  const tom = caller('+15551234567', '');
  const acme = caller('+49 30 1234567', 'Acme GmbH');
  const open = caller('+447700900123', '');
  return [
    at(1, 1, 0, { ...jane, ...ivr }),
    at(1, 2, 0.1, { ...jane, ...queue800 }),
    at(1, 3, 0.1, { ...jane, ...rings('102', 'Chloé Durand') }),
    at(2, 4, 12, dials('101', 'Ben Okafor', '020 7946 0123', 'PT3M')),
    at(3, 5, 120, { ...tom, ...rings('101', 'Ben Okafor') }),
    at(4, 6, 140, dials('101', 'Ben Okafor', '+15551234567', 'PT0S')),
    at(5, 7, 300, { ...acme, ...rings('103', 'Daniel Whitfield') }),
    at(6, 8, 360, { ...caller('anonymous', 'Anonymous'), ...ivr }),
    at(7, 9, 420, { ...open, ...ivr }),
    at(7, 10, 420.1, { ...open, ...queue800 }),
    // Sun 29 Nov 08:30 Berlin: after the period, before now.
    at(8, 11, 23 * 60 + 30, dials('102', 'Chloé Durand', '0049301234567', 'PT1M')),
  ];
}

/** What `unreturned yesterday --json --tz Europe/Berlin` lists for these rows, in order. */
export const EXPECTED_UNRETURNED = [
  {
    start: '2026-11-28T16:00:00.000+01:00',
    from: '+447700900123',
    fromName: '',
    to: '800',
    toName: 'Sales',
    state: 'open',
    attempts: 0,
    returnedBy: null,
    returnedAt: null,
    returnedAfterSeconds: null,
  },
  {
    start: '2026-11-28T11:00:00.000+01:00',
    from: '+15551234567',
    fromName: '',
    to: '101',
    toName: 'Ben Okafor',
    state: 'tried',
    attempts: 1,
    returnedBy: null,
    returnedAt: null,
    returnedAfterSeconds: null,
  },
  {
    start: '2026-11-28T09:00:00.000+01:00',
    from: '+44 20 7946 0123',
    fromName: 'Jane Caller',
    to: '102',
    toName: 'Chloé Durand',
    state: 'returned',
    attempts: 1,
    returnedBy: { extension: '101', name: 'Ben Okafor' },
    returnedAt: '2026-11-28T09:12:00.000+01:00',
    returnedAfterSeconds: 720,
  },
  {
    start: '2026-11-28T14:00:00.000+01:00',
    from: '+49 30 1234567',
    fromName: 'Acme GmbH',
    to: '103',
    toName: 'Daniel Whitfield',
    state: 'returned',
    attempts: 1,
    returnedBy: { extension: '102', name: 'Chloé Durand' },
    returnedAt: '2026-11-29T08:30:00.000+01:00',
    returnedAfterSeconds: 66_600,
  },
  {
    start: '2026-11-28T15:00:00.000+01:00',
    from: 'anonymous',
    fromName: 'Anonymous',
    to: '8000',
    toName: 'Main Menu',
    state: 'anonymous',
    attempts: 0,
    returnedBy: null,
    returnedAt: null,
    returnedAfterSeconds: null,
  },
];
