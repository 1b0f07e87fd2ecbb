import type { CallSummary, ExtensionStats, MissedCall, QueueStats } from '../core/report';
import { cleanText, truncateText } from './clean-text';
import { describeCallee, describeCaller } from './describe-party';
import { formatDuration } from './format-duration';
import { formatCount, formatPercent, plural } from './format-number';
import { formatTimeOfDay } from './format-time-of-day';
import { measurableRates, orNothing } from './nothing-to-measure';

const MAX_PARTY_CHARS = 60;

/** A list entry as plain text: when it happened, and the rest of the line. */
export interface CallLine {
  when: string;
  summary: string;
}

/** How a call ended, in a word: `answered`, `missed` (inbound, unanswered) or `no answer`. */
export function describeCallResult(call: CallSummary): string {
  if (call.answered) return 'answered';
  return call.direction === 'inbound' ? 'missed' : 'no answer';
}

/** `Jane Caller (+44…) → 101 Ben Okafor · waited 0:42`. */
export function describeMissedCall(call: MissedCall): CallLine {
  return {
    when: formatTimeOfDay(call.start),
    summary: `${describeRoute(call)} · waited ${formatDuration(call.waitSeconds)}`,
  };
}

/** `inbound · Jane Caller (+44…) → 101 Ben Okafor · answered · talk 3:12 · wait 0:09`. */
export function describeListedCall(call: CallSummary): CallLine {
  const parts = [call.direction, describeRoute(call), describeCallResult(call)];
  if (call.answered) parts.push(`talk ${formatDuration(call.talkSeconds)}`);
  if (call.direction === 'inbound')
    parts.push(`${call.answered ? 'wait' : 'waited'} ${formatDuration(call.waitSeconds)}`);
  return { when: formatTimeOfDay(call.start), summary: parts.join(' · ') };
}

/** `3 calls · 1 answered · 1 missed · 1 outbound · 6:52 talk`. */
export function describeExtensionCounts(row: ExtensionStats): string {
  return [
    plural(row.calls, 'call'),
    `${formatCount(row.answered)} answered`,
    `${formatCount(row.missed)} missed`,
    `${formatCount(row.outbound)} outbound`,
    `${formatDuration(row.talkSeconds)} talk`,
  ].join(' · ');
}

/**
 * `2 calls · 1 answered · 1 missed · 1 abandoned (50%) · avg wait 0:09 · longest wait 0:42 ·
 * service level 50%`; rates and averages with nothing to measure "—".
 */
export function describeQueueCounts(row: QueueStats): string {
  const measurable = measurableRates(row);
  const rate = orNothing(formatPercent(row.abandonRatePercent), measurable.serviceLevel);
  return [
    plural(row.calls, 'call'),
    `${formatCount(row.answered)} answered`,
    `${formatCount(row.missed)} missed`,
    `${formatCount(row.abandoned)} abandoned (${rate})`,
    `avg wait ${orNothing(formatDuration(row.avgWaitSeconds), measurable.avgWait)}`,
    `longest wait ${formatDuration(row.longestWaitSeconds)}`,
    `service level ${orNothing(formatPercent(row.serviceLevelPercent), measurable.serviceLevel)}`,
  ].join(' · ');
}

/** A name cut to a readable length for chat lists. */
export function shortName(text: string): string {
  return truncateText(cleanText(text), MAX_PARTY_CHARS);
}

function describeRoute(call: { from: string; fromName: string; to: string; toName: string }): string {
  const from = truncateText(describeCaller(call.from, call.fromName), MAX_PARTY_CHARS * 2);
  const to = truncateText(describeCallee(call.to, call.toName), MAX_PARTY_CHARS * 2);
  return `${from} → ${to}`;
}
