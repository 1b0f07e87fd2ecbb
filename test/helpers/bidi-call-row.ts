import type { RawCallLogRow } from '../../src/core/call-log-source';

/** Every Unicode bidi control the bot removes from PBX texts it shows. */
export const BIDI_CONTROLS = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/;

/** The caller's name as the PBX sends it: every bidi control, and ZWJ/ZWNJ that must stay. */
const SENT_CALLER_NAME =
  'Ja\u202ene\u202c Ca\u2066ll\u2069er \u200e\u200f\u061c\u202a\u202b\u202d\u2067\u2068Zo\u200cë \u{1F469}\u200d\u{1F4BB}';

/** The caller's name as people must see it: no bidi controls, ZWNJ and the ZWJ emoji kept. */
export const SHOWN_CALLER_NAME = 'Jane Caller Zo\u200cë \u{1F469}\u200d\u{1F4BB}';
export const SHOWN_CALLER_NUMBER = '+442071234567';
export const SHOWN_CALLEE_NAME = 'Ben Okafor';

/**
 * A missed inbound call to extension 101 whose caller id and names carry bidi controls, the texts
 * first (so a preview of a few columns shows them). Starts 2026-11-27 09:15 UTC (10:15 in Berlin).
 */
export function buildBidiCallRow(): RawCallLogRow {
  return {
    SourceCallerId: `\u2066${SHOWN_CALLER_NUMBER}\u2069`,
    SourceDisplayName: SENT_CALLER_NAME,
    DestinationDisplayName: 'Ben \u202eOkafor\u202c',
    MainCallHistoryId: '0b1d1c0d-aaaa-4bbb-8ccc-dddd0000eeee',
    CdrId: '0b1d1c0d-ffff-4aaa-8bbb-cccc0000dddd',
    CallId: 1,
    SegmentId: 1,
    StartTime: '2026-11-27T09:15:00.0000000+00:00',
    SourceDn: '10000',
    DestinationDn: '101',
    DestinationCallerId: '101',
    Direction: 'Inbound',
    CallType: 'Extension',
    Status: 'Unanswered',
    Answered: false,
    RingingDuration: 'PT18S',
    TalkingDuration: 'PT0S',
  };
}

/** The window around the call, in the asker's zone (Europe/Berlin). */
export const BIDI_CALL_HOUR = 'from=2026-11-27T10:00 to=2026-11-27T11:00';

/** Asserts that `shown` names the caller and callee as people must read them: no bidi controls, ZWJ/ZWNJ kept. */
export function expectCleanNames(shown: string): void {
  expect(shown).toContain(SHOWN_CALLER_NAME);
  expect(shown).toContain(SHOWN_CALLER_NUMBER);
  expect(shown).toContain(SHOWN_CALLEE_NAME);
  expect(shown).not.toMatch(BIDI_CONTROLS);
}
