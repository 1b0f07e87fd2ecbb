import { z } from 'zod';
import type { CallLeg } from '../core/call-leg';
import type { RawCallLogRow } from '../core/call-log-source';

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

/** The field that holds a row's start; the client drops rows outside their window by it. */
export const START_TIME_FIELD = 'StartTime';

/** A leg in our own names, or undefined when the row has no grouping key or no readable StartTime. */
export function toCallLeg(raw: RawCallLogRow): CallLeg | undefined {
  const parsed = rawCallLogRowSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const row = parsed.data;
  const callKey = nonEmpty(row.MainCallHistoryId) ?? nonEmpty(row.CallHistoryId) ?? callIdKey(row.CallId);
  if (callKey === undefined) return undefined;
  const startMs = row.StartTime ? parseInstantMs(row.StartTime) : Number.NaN;
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
  const startMs = parseInstantMs(value);
  return Number.isNaN(startMs) ? undefined : startMs;
}

/**
 * An ISO date-time in epoch ms (NaN when unreadable). `Date.parse` reads 3CX's 7 fraction digits;
 * a time without a zone is taken as UTC (Date.parse would take the machine's zone).
 */
export function parseInstantMs(value: string): number {
  const timeAt = value.indexOf('T');
  if (timeAt < 0) return Date.parse(value);
  const last = value.charCodeAt(value.length - 1);
  const hasZone =
    last === 90 /* Z */ ||
    last === 122 /* z */ ||
    value.indexOf('+', timeAt) > 0 ||
    value.indexOf('-', timeAt) > 0;
  return Date.parse(hasZone ? value : `${value}Z`);
}

/**
 * Seconds in a duration: ISO 8601 (`PT0S`, `PT1M12.577027S`, `P1DT2H`) or .NET TimeSpan
 * (`hh:mm:ss`, `h:mm:ss.fffffff`, `d.hh:mm:ss`). Undefined for anything else, negative included.
 */
export function parseDurationSeconds(value: string): number | undefined {
  const trimmed = value.trim();
  if (trimmed.charCodeAt(0) === 80 /* P */ || trimmed.charCodeAt(0) === 112 /* p */) {
    return parseIsoDuration(trimmed.toUpperCase());
  }
  return parseTimeSpan(trimmed);
}

const ISO_UNIT_SECONDS: Record<string, number> = { W: 604_800, D: 86_400, H: 3_600, M: 60, S: 1 };

function parseIsoDuration(value: string): number | undefined {
  let seconds = 0;
  let inTime = false;
  let sawNumber = false;
  let i = 1;
  while (i < value.length) {
    if (value[i] === 'T') {
      if (inTime) return undefined;
      inTime = true;
      i++;
      continue;
    }
    const number = readDecimal(value, i);
    if (!number) return undefined;
    const unit = value[number.end];
    // Date part allows W and D (Y and M have no fixed length); the time part H, M and S.
    const allowed = inTime ? unit === 'H' || unit === 'M' || unit === 'S' : unit === 'W' || unit === 'D';
    if (!unit || !allowed) return undefined;
    seconds += number.value * (ISO_UNIT_SECONDS[unit] ?? 0);
    sawNumber = true;
    i = number.end + 1;
  }
  return sawNumber && Number.isFinite(seconds) ? seconds : undefined;
}

function parseTimeSpan(value: string): number | undefined {
  const parts = value.split(':');
  if (parts.length !== 3) return undefined;
  const [dayHour, minutes, secs] = parts as [string, string, string];
  let days = 0;
  let hoursText = dayHour;
  const dot = dayHour.indexOf('.');
  if (dot >= 0) {
    days = readWhole(dayHour.slice(0, dot)) ?? Number.NaN;
    hoursText = dayHour.slice(dot + 1);
  }
  const hours = readWhole(hoursText);
  const mins = readWhole(minutes);
  const sec = readDecimal(secs, 0);
  if (Number.isNaN(days) || hours === undefined || mins === undefined || !sec || sec.end !== secs.length) {
    return undefined;
  }
  const seconds = days * 86_400 + hours * 3_600 + mins * 60 + sec.value;
  return Number.isFinite(seconds) ? seconds : undefined;
}

/** Digits with an optional `.`/`,` fraction starting at `start`; undefined when no digit is there. */
function readDecimal(value: string, start: number): { value: number; end: number } | undefined {
  let i = start;
  while (i < value.length && isDigit(value.charCodeAt(i))) i++;
  if (i === start) return undefined;
  let end = i;
  if (i < value.length && (value[i] === '.' || value[i] === ',')) {
    let j = i + 1;
    while (j < value.length && isDigit(value.charCodeAt(j))) j++;
    if (j === i + 1) return undefined;
    end = j;
  }
  return { value: Number(value.slice(start, end).replace(',', '.')), end };
}

function readWhole(value: string): number | undefined {
  if (value.length === 0) return undefined;
  for (let i = 0; i < value.length; i++) if (!isDigit(value.charCodeAt(i))) return undefined;
  return Number(value);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function toSeconds(value: string | number | null | undefined): number {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : 0;
  if (typeof value === 'string') return parseDurationSeconds(value) ?? 0;
  return 0;
}

function nonEmpty(value: string | null | undefined): string | undefined {
  return value ? value : undefined;
}

function callIdKey(value: number | string | null | undefined): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  return String(value);
}
