import { z } from 'zod';
import type { CallLeg } from '../core/call-leg';
import type { RawCallLogRow } from '../core/call-log-source';
import { anyOf, type ODataExpression } from '../odata/odata-tree';
import { parseDurationSeconds, parseInstantMs } from './call-log-values';

export { parseDurationSeconds, parseInstantMs } from './call-log-values';

const text = z.string().nullish();
const integer = z.number().nullish();
/** ISO 8601 or TimeSpan text; a bare number is taken as seconds. */
const duration = z.union([z.string(), z.number()]).nullish();

/**
 * One row of 3CX's `Pbx.GetCallLogData`, in 3CX's own spelling (note `actionDnDn`). Lenient: any
 * field may be missing or null on some build, and unknown fields are kept. This module is the only
 * place that knows 3CX's call-log field names.
 */
export const rawCallLogRowSchema = z.looseObject({
  MainCallHistoryId: text,
  CallHistoryId: text,
  CdrId: text,
  CallId: z.union([z.number(), z.string()]).nullish(),
  Indent: integer,
  SegmentId: integer,
  SubrowDescNumber: integer,
  StartTime: text,
  SourceType: integer,
  DestinationType: integer,
  ActionType: integer,
  ActionDnType: integer,
  SourceDn: text,
  SourceCallerId: text,
  SourceDisplayName: text,
  DestinationDn: text,
  DestinationCallerId: text,
  DestinationDisplayName: text,
  actionDnDn: text,
  ActionDnCallerId: text,
  ActionDnDisplayName: text,
  RingingDuration: duration,
  TalkingDuration: duration,
  CallCost: z.union([z.number(), z.string()]).nullish(),
  Answered: z.boolean().nullish(),
  Direction: text,
  CallType: text,
  Status: text,
  Reason: text,
  RecordingUrl: text,
  SrcRecId: integer,
  DstRecId: integer,
  QualityReport: z.boolean().nullish(),
  SentimentScore: z.number().nullish(),
  Summary: text,
  Transcription: text,
  Recordings: z.array(z.unknown()).nullish(),
});

export type ParsedCallLogRow = z.infer<typeof rawCallLogRowSchema>;

/**
 * The fields `toCallLeg` reads, and `CdrId` that tells legs apart while paging: what the client
 * asks for (`$select`) when it only needs legs.
 */
export const LEG_FIELDS: readonly string[] = Object.freeze([
  'CdrId',
  'MainCallHistoryId',
  'CallHistoryId',
  'CallId',
  'SegmentId',
  'StartTime',
  'SourceDn',
  'SourceCallerId',
  'SourceDisplayName',
  'DestinationDn',
  'DestinationCallerId',
  'DestinationDisplayName',
  'Direction',
  'CallType',
  'Status',
  'Answered',
  'RingingDuration',
  'TalkingDuration',
]);

/** The field that holds a row's start; the client drops rows outside their window by it. */
export const START_TIME_FIELD = 'StartTime';

/**
 * Whether every known field has its schema type: the same verdict as `rawCallLogRowSchema.safeParse`
 * (null and missing always pass), written out field by field because zod per row costs more than
 * everything else a leg needs (a test holds the two to the same verdicts).
 */
function hasKnownFieldTypes(r: RawCallLogRow): boolean {
  return (
    isText(r.MainCallHistoryId) &&
    isText(r.CallHistoryId) &&
    isText(r.CdrId) &&
    isNumberOrText(r.CallId) &&
    isNumber(r.Indent) &&
    isNumber(r.SegmentId) &&
    isNumber(r.SubrowDescNumber) &&
    isText(r.StartTime) &&
    isNumber(r.SourceType) &&
    isNumber(r.DestinationType) &&
    isNumber(r.ActionType) &&
    isNumber(r.ActionDnType) &&
    isText(r.SourceDn) &&
    isText(r.SourceCallerId) &&
    isText(r.SourceDisplayName) &&
    isText(r.DestinationDn) &&
    isText(r.DestinationCallerId) &&
    isText(r.DestinationDisplayName) &&
    isText(r.actionDnDn) &&
    isText(r.ActionDnCallerId) &&
    isText(r.ActionDnDisplayName) &&
    isNumberOrText(r.RingingDuration) &&
    isNumberOrText(r.TalkingDuration) &&
    isNumberOrText(r.CallCost) &&
    isBoolean(r.Answered) &&
    isText(r.Direction) &&
    isText(r.CallType) &&
    isText(r.Status) &&
    isText(r.Reason) &&
    isText(r.RecordingUrl) &&
    isNumber(r.SrcRecId) &&
    isNumber(r.DstRecId) &&
    isBoolean(r.QualityReport) &&
    isNumber(r.SentimentScore) &&
    isText(r.Summary) &&
    isText(r.Transcription) &&
    (r.Recordings === undefined || r.Recordings === null || Array.isArray(r.Recordings))
  );
}

function isText(value: unknown): boolean {
  return value === undefined || value === null || typeof value === 'string';
}

function isNumber(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'number' && Number.isFinite(value));
}

function isNumberOrText(value: unknown): boolean {
  return typeof value === 'string' || isNumber(value);
}

function isBoolean(value: unknown): boolean {
  return value === undefined || value === null || typeof value === 'boolean';
}

/**
 * A leg in our own names, or undefined when the row has no grouping key, no readable StartTime,
 * or a known field of the wrong type (the verdict of `rawCallLogRowSchema`, checked by hand).
 * `knownStartMs`: the row's StartTime already read (`readStartMs`), so it is not read twice.
 */
export function toCallLeg(raw: RawCallLogRow, knownStartMs?: number): CallLeg | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !hasKnownFieldTypes(raw))
    return undefined;
  const row = raw as ParsedCallLogRow;
  const callKey = nonEmpty(row.MainCallHistoryId) ?? nonEmpty(row.CallHistoryId) ?? callIdKey(row.CallId);
  if (callKey === undefined) return undefined;
  const startMs = knownStartMs ?? (row.StartTime ? readInstantMs(row.StartTime) : Number.NaN);
  if (Number.isNaN(startMs)) return undefined;
  return {
    callKey,
    segmentId: row.SegmentId ?? 0,
    startMs,
    sourceDn: row.SourceDn ?? undefined,
    sourceCallerId: row.SourceCallerId ?? undefined,
    sourceDisplayName: row.SourceDisplayName ?? undefined,
    destinationDn: row.DestinationDn ?? undefined,
    destinationCallerId: row.DestinationCallerId ?? undefined,
    destinationDisplayName: row.DestinationDisplayName ?? undefined,
    direction: row.Direction ?? undefined,
    legType: row.CallType ?? undefined,
    status: row.Status ?? undefined,
    answered: row.Answered ?? undefined,
    ringingSeconds: toSeconds(row.RingingDuration),
    talkingSeconds: toSeconds(row.TalkingDuration),
  };
}

/** A raw row's StartTime in epoch ms, or undefined when it has none (e.g. a `$select` without it). */
export function readStartMs(raw: RawCallLogRow): number | undefined {
  const value = raw[START_TIME_FIELD];
  if (typeof value !== 'string') return undefined;
  const startMs = readInstantMs(value);
  return Number.isNaN(startMs) ? undefined : startMs;
}

/**
 * Imported names read for every row, read once: under tsx (how the bot runs) each use of an
 * imported name calls CommonJS export getters (docs/performance.md, "Imported names in per-row code").
 */
const readInstantMs = parseInstantMs;
const readDurationSeconds = parseDurationSeconds;

function toSeconds(value: string | number | null | undefined): number {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : 0;
  if (typeof value === 'string') return readDurationSeconds(value) ?? 0;
  return 0;
}

function nonEmpty(value: string | null | undefined): string | undefined {
  return value ? value : undefined;
}

function callIdKey(value: number | string | null | undefined): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  return String(value);
}

/** The fields whose DN makes an extension or queue "involved" in a row (the spec's rule). */
export const DN_FIELDS = ['SourceDn', 'DestinationDn'] as const;

/** True when the row's SourceDn or DestinationDn is one of `dns`. */
export function rowInvolvesAnyDn(raw: RawCallLogRow, dns: ReadonlySet<string>): boolean {
  return DN_FIELDS.some((field) => {
    const value = raw[field];
    return typeof value === 'string' && dns.has(value);
  });
}

/** An OData `$filter` tree for rows whose SourceDn or DestinationDn is one of `dns` (at least one). */
export function buildDnFilter(dns: readonly string[]): ODataExpression {
  return anyOf(
    dns.flatMap((dn) =>
      DN_FIELDS.map(
        (field): ODataExpression => ({
          kind: 'compare',
          operator: 'eq',
          left: { kind: 'field', name: field, type: 'string' },
          right: { kind: 'string', value: dn },
        }),
      ),
    ),
  );
}
