import type { RawCallLogRow } from '../core/call-log-source';
import type { rawCallLogRowSchema } from '../threecx/call-log-row';
import { maskNumbersInText } from './mask-number';

/**
 * What PRIVACY_MASK_NUMBERS does to a field of a raw row: `pass` it unchanged, `mask` the phone
 * numbers in its text, or `drop` it. The table in docs/access.md ("Privacy of replies").
 */
export type RowFieldPrivacy = 'pass' | 'mask' | 'drop';

/**
 * The allow-list of `Pbx.CallLogData` fields, one entry for each field of the row schema (the
 * compiler holds the two together). Fields not in it (other builds' additions, `@odata`
 * annotations) are dropped.
 */
export const ROW_FIELD_PRIVACY: Readonly<Record<keyof typeof rawCallLogRowSchema.shape, RowFieldPrivacy>> = {
  MainCallHistoryId: 'pass',
  CallHistoryId: 'pass',
  CdrId: 'pass',
  CallId: 'pass',
  Indent: 'pass',
  SegmentId: 'pass',
  SubrowDescNumber: 'pass',
  StartTime: 'pass',
  SourceType: 'pass',
  DestinationType: 'pass',
  ActionType: 'pass',
  ActionDnType: 'pass',
  SourceDn: 'pass',
  SourceCallerId: 'mask',
  SourceDisplayName: 'mask',
  DestinationDn: 'pass',
  DestinationCallerId: 'mask',
  DestinationDisplayName: 'mask',
  actionDnDn: 'pass',
  ActionDnCallerId: 'mask',
  ActionDnDisplayName: 'mask',
  RingingDuration: 'pass',
  TalkingDuration: 'pass',
  CallCost: 'pass',
  Answered: 'pass',
  Direction: 'pass',
  CallType: 'pass',
  Status: 'pass',
  Reason: 'mask',
  RecordingUrl: 'mask',
  SrcRecId: 'pass',
  DstRecId: 'pass',
  QualityReport: 'pass',
  SentimentScore: 'drop',
  Summary: 'drop',
  Transcription: 'drop',
  Recordings: 'drop',
};

const PRIVACY_BY_FIELD: ReadonlyMap<string, RowFieldPrivacy> = new Map(Object.entries(ROW_FIELD_PRIVACY));

/**
 * The row as PRIVACY_MASK_NUMBERS shows it, fields in their order: pass fields as they came,
 * mask fields with every run of 7 or more digits masked (`maskNumbersInText`; a value that is not
 * text is dropped, as it cannot be masked), every other field left out.
 */
export function maskRow(row: RawCallLogRow): RawCallLogRow {
  const masked: RawCallLogRow = {};
  for (const [field, value] of Object.entries(row)) {
    const privacy = PRIVACY_BY_FIELD.get(field) ?? 'drop';
    if (privacy === 'pass') masked[field] = value;
    else if (privacy === 'mask' && (typeof value === 'string' || value === null)) {
      masked[field] = value === null ? null : maskNumbersInText(value);
    }
  }
  return masked;
}
