import type { RawCallLogRow } from '../core/call-log-source';
import {
  ACTION_TYPE_CODES,
  type DemoCall,
  type DemoRow,
  DN_TYPE_CODES,
  type LegSpec,
  type Party,
} from './demo-call';
import { formatDuration, formatStartTime, generateGuid } from './row-format';
import type { SeededRandom } from './seeded-random';

/** Call types that are the PBX's own handling, never a person answering. */
const SYSTEM_CALL_TYPES = new Set(['System', 'Digital Receptionist', 'Queue']);

/** `20261117080239` from a formatted StartTime, as 3CX names recording files. */
function formatRecordingStamp(startTime: string): string {
  return (
    startTime.slice(0, 4) +
    startTime.slice(5, 7) +
    startTime.slice(8, 10) +
    startTime.slice(11, 13) +
    startTime.slice(14, 16) +
    startTime.slice(17, 19)
  );
}

/** The extension side of a person leg, for recording paths. */
function recordedExtension(leg: LegSpec): Party | undefined {
  if (leg.destination.kind === 'extension') return leg.destination;
  if (leg.source.kind === 'extension') return leg.source;
  return undefined;
}

/** Turns scenario legs into one call with rows shaped like 3CX's `Pbx.CallLogData`. */
export function buildCall(
  random: SeededRandom,
  callId: number,
  firstSegmentId: number,
  legs: LegSpec[],
): DemoCall {
  const mainCallHistoryId = generateGuid(random);
  const callHistoryId = generateGuid(random);
  const startMs = legs[0]?.startMs ?? 0;
  const endMs = legs.reduce(
    (latest, leg) => Math.max(latest, leg.startMs + leg.ringMs + leg.talkMs),
    startMs,
  );
  const call: DemoCall = { callId, startMs, endMs, answered: false, rows: [] };
  legs.forEach((leg, index) => {
    const segmentId = firstSegmentId + index;
    const isPersonLeg = !SYSTEM_CALL_TYPES.has(leg.callType);
    if (isPersonLeg && leg.answered) call.answered = true;
    const extension = recordedExtension(leg);
    const recorded =
      isPersonLeg && leg.answered && leg.talkMs > 0 && extension !== undefined && random.chance(0.5);
    const startTime = formatStartTime(leg.startMs);
    const other = extension === leg.destination ? leg.source : leg.destination;
    const recordingUrl =
      recorded && extension
        ? `${extension.dn}/[${extension.displayName}]_${other.callerId}-${extension.dn}_${formatRecordingStamp(startTime)}(${segmentId}).wav`
        : null;
    const action = leg.action;
    const row: RawCallLogRow = {
      MainCallHistoryId: mainCallHistoryId,
      CallHistoryId: callHistoryId,
      CdrId: generateGuid(random),
      CallId: callId,
      Indent: index === 0 ? 0 : 1,
      SegmentId: segmentId,
      SubrowDescNumber: legs.length - index,
      StartTime: startTime,
      SourceType: DN_TYPE_CODES[leg.source.kind],
      DestinationType: DN_TYPE_CODES[leg.destination.kind],
      ActionType: ACTION_TYPE_CODES[leg.actionType],
      ActionDnType: action ? DN_TYPE_CODES[action.kind] : 0,
      SourceDn: leg.source.dn,
      SourceCallerId: leg.source.callerId,
      SourceDisplayName: leg.source.displayName,
      DestinationDn: leg.destination.dn,
      DestinationCallerId: leg.destination.callerId,
      DestinationDisplayName: leg.destination.displayName,
      actionDnDn: action?.dn ?? '',
      ActionDnCallerId: action?.callerId ?? '',
      ActionDnDisplayName: action?.displayName ?? '',
      RingingDuration: formatDuration(leg.ringMs),
      TalkingDuration: formatDuration(leg.talkMs),
      CallCost: leg.callCost ?? 0,
      Answered: leg.answered,
      Direction: leg.direction,
      CallType: leg.callType,
      Status: leg.status,
      Reason: leg.reason,
      RecordingUrl: recordingUrl,
      SrcRecId: null,
      DstRecId: recorded ? segmentId * 3 + 1 : null,
      QualityReport: isPersonLeg && leg.answered && random.chance(0.3),
    };
    const demoRow: DemoRow = {
      startMs: leg.startMs,
      segmentId,
      isParkLeg: leg.destination.kind === 'park' || leg.source.kind === 'park',
      row,
      call,
    };
    call.rows.push(demoRow);
  });
  return call;
}
