import type { rawCallLogRowSchema } from '../threecx/call-log-row';
import type { ODataFieldType } from './odata-tree';

/** The entity type of a call-log row, as the PBX names it in its messages. */
export const CALL_LOG_ENTITY = 'Pbx.CallLogData';

/**
 * The fields of `Pbx.CallLogData` and their OData types (3CX's spelling, note `actionDnDn`): the
 * only names `filter=`, `select=`, `orderby=` and `expand=` accept. One entry for each field of the
 * raw-row schema in threecx/call-log-row.ts (the compiler holds the two together).
 */
export const CALL_LOG_FIELD_TYPES: Readonly<Record<keyof typeof rawCallLogRowSchema.shape, ODataFieldType>> =
  Object.freeze({
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
    SentimentScore: 'number',
    Summary: 'string',
    Transcription: 'string',
    Recordings: 'collection',
  });
