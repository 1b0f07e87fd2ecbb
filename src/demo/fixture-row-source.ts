import type { RawCallLogRow } from '../core/call-log-source';
import type { RowSource } from './call-log-store';
import type { DemoCall, DemoRow } from './demo-call';
import { localDayNumberOf } from './local-days';

/** Call types that are the PBX's own handling, never a person answering (as the generator's). */
const SYSTEM_CALL_TYPES = new Set(['System', 'Digital Receptionist', 'Queue']);
const PARK_DN = /^SP\d*$/;
const ISO_DURATION = /^(-)?PT(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?$/;
const CLOCK_DURATION = /^(-)?(\d+):(\d{1,2}):(\d{1,2}(?:\.\d+)?)$/;

/** `PT1M12.577027S` or `0:01:12.5` in ms; negative, missing or unreadable counts as 0. */
export function readDurationMs(value: unknown): number {
  if (typeof value !== 'string') return 0;
  const iso = ISO_DURATION.exec(value);
  const clock = iso ? undefined : CLOCK_DURATION.exec(value);
  const parts = iso ?? clock;
  if (!parts || parts[1] === '-') return 0;
  const [hours, minutes, seconds] = [parts[2], parts[3], parts[4]].map((part) => Number(part ?? 0));
  return Math.round(((hours ?? 0) * 3600 + (minutes ?? 0) * 60 + (seconds ?? 0)) * 1000);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Rows a test chose, as a row source: served exactly as given (field order, values, nulls), in
 * buckets of local days. Decisions, so that a fixture shaped like real V20 rows (`CallId` 1 on
 * every row) is served as a PBX would:
 * - a row without a readable `StartTime` is never served (no window holds it);
 * - a call is the rows sharing `MainCallHistoryId`, else `CallHistoryId`, else the row alone
 *   (`CallId` is not used: real rows carry 1 on every leg); it is answered when a leg whose
 *   `CallType` is not System, Digital Receptionist or Queue has `Answered: true`;
 * - a call is in the log once it is over by the demo clock: its latest leg start + ringing +
 *   talking (ISO 8601 or h:mm:ss durations; negative ones count as 0);
 * - a leg with a DN `SP…` (a parking orbit) is hidden by `hidePcalls=true`;
 * - rows starting at the same instant keep the fixture's order (oldest first; newest first
 *   reverses it).
 */
export function createFixtureRowSource(
  rows: readonly RawCallLogRow[],
  timeZone: string,
  nowMs: () => number,
): RowSource {
  const calls = new Map<string, DemoCall>();
  const demoRows: DemoRow[] = [];
  rows.forEach((row, position) => {
    const startMs = Date.parse(String(row.StartTime));
    if (!Number.isFinite(startMs)) return;
    const key = text(row.MainCallHistoryId) ?? text(row.CallHistoryId) ?? `row ${position}`;
    let call = calls.get(key);
    if (call === undefined) {
      call = { callId: calls.size + 1, startMs, endMs: startMs, answered: false, rows: [] };
      calls.set(key, call);
    }
    const endMs = startMs + readDurationMs(row.RingingDuration) + readDurationMs(row.TalkingDuration);
    call.startMs = Math.min(call.startMs, startMs);
    call.endMs = Math.max(call.endMs, endMs);
    if (row.Answered === true && !SYSTEM_CALL_TYPES.has(String(row.CallType))) call.answered = true;
    const isParkLeg = PARK_DN.test(String(row.SourceDn)) || PARK_DN.test(String(row.DestinationDn));
    const demoRow: DemoRow = { startMs, segmentId: position, isParkLeg, row, call };
    call.rows.push(demoRow);
    demoRows.push(demoRow);
  });
  demoRows.sort((a, b) => a.startMs - b.startMs || a.segmentId - b.segmentId);
  const buckets = new Map<number, DemoRow[]>();
  for (const demoRow of demoRows) {
    const dayNumber = localDayNumberOf(demoRow.startMs, timeZone);
    const bucket = buckets.get(dayNumber);
    if (bucket === undefined) buckets.set(dayNumber, [demoRow]);
    else bucket.push(demoRow);
  }
  const empty: DemoRow[] = [];
  return {
    timeZone,
    firstStartMs: demoRows[0]?.startMs ?? Number.POSITIVE_INFINITY,
    lastStartMs: demoRows[demoRows.length - 1]?.startMs ?? Number.NEGATIVE_INFINITY,
    bucketRows: (dayNumber) => buckets.get(dayNumber) ?? empty,
    nowMs,
    stats: () => ({ generatedDays: 0, rowBuckets: buckets.size, daysGenerated: 0 }),
  };
}
