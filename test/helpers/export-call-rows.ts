import type { RawCallLogRow } from '../../src/core/call-log-source';
import { buildBidiCallRow } from './bidi-call-row';

/**
 * An answered inbound call from a national number (a leading zero that a spreadsheet must keep)
 * whose caller's name needs UTF-8 (`Chloé`), to extension 101 (Ben Okafor): rings 6 s, talks
 * 1:02:03. Starts 2026-11-27 09:02:39 UTC, 10:02:39 in Berlin.
 */
export function buildLongAnsweredCallRow(): RawCallLogRow {
  return {
    SourceCallerId: '02071234567',
    SourceDisplayName: 'Chloé Dupont',
    DestinationDisplayName: 'Ben Okafor',
    MainCallHistoryId: '0e5a1c0d-aaaa-4bbb-8ccc-dddd0000ffff',
    CdrId: '0e5a1c0d-ffff-4aaa-8bbb-cccc0000eeee',
    CallId: 2,
    SegmentId: 1,
    StartTime: '2026-11-27T09:02:39.0000000+00:00',
    SourceDn: '10000',
    DestinationDn: '101',
    DestinationCallerId: '101',
    Direction: 'Inbound',
    CallType: 'Extension',
    Status: 'Answered',
    Answered: true,
    RingingDuration: 'PT6S',
    TalkingDuration: 'PT1H2M3S',
  };
}

/**
 * The two calls every export test reads back, newest first as a report lists them: the missed call
 * of `buildBidiCallRow` (`+44…`, names carrying bidi controls, 10:15 in Berlin) and the long
 * answered call above (10:02:39).
 */
export function buildExportCallRows(): RawCallLogRow[] {
  return [buildBidiCallRow(), buildLongAnsweredCallRow()];
}

/** The hour holding both calls, in the asker's zone (Europe/Berlin). */
export const EXPORT_CALLS_HOUR = ['from=2026-11-27T10:00', 'to=2026-11-27T11:00'];
