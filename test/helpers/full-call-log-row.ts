import type { RawCallLogRow } from '../../src/core/call-log-source';

/** The outside caller of the full row, as 3CX writes it into caller ids, names, reasons and file names. */
export const CALLER_NUMBER = '+442071234567';

/**
 * One answered inbound leg carrying every `Pbx.CallLogData` field 3CX may send, the AI ones too,
 * plus what a later build or a proxy might add (an unknown field, an annotation, a nested object).
 * The caller's number is in its caller ids, a name, the reason, the recording's file name, the
 * summary and transcription, and in the extra fields. Its GUIDs hold no run of 7 digits, so any such
 * run in a masked rendering is a leak. Starts 2026-11-27 09:02:39 UTC (10:02 in Berlin).
 */
export function buildFullRow(overrides: RawCallLogRow = {}): RawCallLogRow {
  return {
    MainCallHistoryId: '6f1cabcd-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    CallHistoryId: '7a2bcdef-a1b2-4c3d-9e4f-5a6b7c8d9e0f',
    CdrId: 'c0ffee12-3abc-4def-8abc-def012345abc',
    CallId: 1,
    Indent: 1,
    SegmentId: 1204,
    SubrowDescNumber: 1,
    StartTime: '2026-11-27T09:02:39.2210000+00:00',
    SourceType: 1,
    DestinationType: 0,
    ActionType: 1,
    ActionDnType: 0,
    SourceDn: '10000',
    SourceCallerId: CALLER_NUMBER,
    SourceDisplayName: 'Jane Caller (+44 20 7123 4567)',
    DestinationDn: '101',
    DestinationCallerId: '101',
    DestinationDisplayName: 'Ben Okafor',
    actionDnDn: '101',
    ActionDnCallerId: CALLER_NUMBER,
    ActionDnDisplayName: '020-7123-4567',
    RingingDuration: 'PT6.2S',
    TalkingDuration: 'PT3M12.577S',
    CallCost: 0.12,
    Answered: true,
    Direction: 'Inbound',
    CallType: 'Extension',
    Status: 'Answered',
    Reason: `Ended by ${CALLER_NUMBER}`,
    RecordingUrl: `101/[Ben Okafor]_${CALLER_NUMBER}-101_20261127090239(1204).wav`,
    SrcRecId: 3613,
    DstRecId: 3614,
    QualityReport: true,
    SentimentScore: 0.4,
    Summary: 'Caller +44 20 7123 4567 asked for a refund.',
    Transcription: 'Hello, this is Jane on 020 7123 4567.',
    Recordings: [{ Id: 3614, Url: `recordings/${CALLER_NUMBER}.wav` }],
    CallerNumber: CALLER_NUMBER,
    'Notes@odata.type': '#String',
    Tags: { mobile: '+447700900123' },
    ...overrides,
  };
}

/** The fields of the full row that PRIVACY_MASK_NUMBERS leaves out. */
const DROPPED_FIELDS = [
  'SentimentScore',
  'Summary',
  'Transcription',
  'Recordings',
  'CallerNumber',
  'Notes@odata.type',
  'Tags',
];

/** The full row as PRIVACY_MASK_NUMBERS shows it: the allow-list of docs/access.md applied by hand. */
export function buildFullRowMasked(): RawCallLogRow {
  const shown = Object.entries(buildFullRow()).filter(([field]) => !DROPPED_FIELDS.includes(field));
  return {
    ...Object.fromEntries(shown),
    SourceCallerId: '+44 20•• ••4567',
    SourceDisplayName: 'Jane Caller (+44 20•• ••4567)',
    ActionDnCallerId: '+44 20•• ••4567',
    ActionDnDisplayName: '02•• •••4567',
    Reason: 'Ended by +44 20•• ••4567',
    RecordingUrl: '101/[Ben Okafor]_+44 20•• •••••7101_20•• ••••••••••1204).wav',
  };
}

/** The row with the fields that hold the number first, so a preview of a few columns shows them. */
export function withCallerFieldsFirst(row: RawCallLogRow): RawCallLogRow {
  const first = ['SourceCallerId', 'Summary', 'CallerNumber', 'Reason', 'ActionDnDisplayName', 'Recordings'];
  return { ...Object.fromEntries(first.map((field) => [field, row[field]])), ...row };
}
