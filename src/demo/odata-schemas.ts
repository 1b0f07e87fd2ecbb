import type { ODataSchema } from './odata-filter';

/** `Pbx.CallLogData`: the fields of a call-log row and their types, in 3CX's spelling. */
export const CALL_LOG_SCHEMA: ODataSchema = {
  MainCallHistoryId: 'string',
  CallHistoryId: 'string',
  CdrId: 'string',
  CallId: 'number',
  Indent: 'number',
  SegmentId: 'number',
  SubrowDescNumber: 'number',
  StartTime: 'datetime',
  SourceType: 'number',
  DestinationType: 'number',
  ActionType: 'number',
  ActionDnType: 'number',
  SourceDn: 'string',
  SourceCallerId: 'string',
  SourceDisplayName: 'string',
  DestinationDn: 'string',
  DestinationCallerId: 'string',
  DestinationDisplayName: 'string',
  actionDnDn: 'string',
  ActionDnCallerId: 'string',
  ActionDnDisplayName: 'string',
  RingingDuration: 'duration',
  TalkingDuration: 'duration',
  CallCost: 'number',
  Answered: 'boolean',
  Direction: 'string',
  CallType: 'string',
  Status: 'string',
  Reason: 'string',
  RecordingUrl: 'string',
  SrcRecId: 'number',
  DstRecId: 'number',
  QualityReport: 'boolean',
};

/** `Pbx.User`, the subset the demo serves. */
export const USER_SCHEMA: ODataSchema = {
  Id: 'number',
  Number: 'string',
  FirstName: 'string',
  LastName: 'string',
  DisplayName: 'string',
  EmailAddress: 'string',
  Mobile: 'string',
  IsRegistered: 'boolean',
};

/** `Pbx.Queue`, the subset the demo serves (`Agents` only with `$expand=Agents`). */
export const QUEUE_SCHEMA: ODataSchema = {
  Id: 'number',
  Number: 'string',
  Name: 'string',
  PollingStrategy: 'string',
  RingTimeout: 'number',
};

/** Fields `$search` looks in (a case-insensitive substring match; 3CX does not document its own). */
export const CALL_LOG_SEARCH_FIELDS = [
  'SourceCallerId',
  'SourceDisplayName',
  'SourceDn',
  'DestinationCallerId',
  'DestinationDisplayName',
  'DestinationDn',
] as const;
