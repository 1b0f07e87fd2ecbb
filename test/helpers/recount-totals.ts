/**
 * A deliberately plain second implementation of the spec's totals, straight from raw 3CX rows
 * held in memory: tests compare the streaming engine against it.
 */
import type { ReportTotals } from '../../src/core/report';

type Row = Record<string, unknown>;

export interface RecountOptions {
  from: Date;
  to: Date;
  internalNumbers: Set<string>;
  extensions: string[];
  serviceLevelSeconds: number;
}

/** The totals the recount checks: the counts and the talk time. */
export type RecountedTotals = Pick<
  ReportTotals,
  'calls' | 'inbound' | 'outbound' | 'internal' | 'answered' | 'missed' | 'talkSeconds'
>;

const NOT_PERSON = new Set(['System', 'Digital Receptionist', 'Queue']);

function seconds(duration: unknown): number {
  if (typeof duration !== 'string') return 0;
  const iso = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(duration);
  if (iso) return Number(iso[1] ?? 0) * 3600 + Number(iso[2] ?? 0) * 60 + Number(iso[3] ?? 0);
  const clock = /^(\d+):(\d+):([\d.]+)$/.exec(duration);
  if (clock) return Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  throw new Error(`unexpected duration ${duration}`);
}

export function recountTotals(rows: Row[], options: RecountOptions): RecountedTotals {
  const calls = new Map<string, Row[]>();
  for (const row of rows) {
    const key = String(row.MainCallHistoryId ?? row.CallHistoryId ?? row.CallId);
    calls.set(key, [...(calls.get(key) ?? []), row]);
  }
  const totals: RecountedTotals = {
    calls: 0,
    inbound: 0,
    outbound: 0,
    internal: 0,
    answered: 0,
    missed: 0,
    talkSeconds: 0,
  };
  for (const legs of calls.values()) {
    legs.sort(
      (a, b) =>
        Date.parse(String(a.StartTime)) - Date.parse(String(b.StartTime)) ||
        Number(a.SegmentId ?? 0) - Number(b.SegmentId ?? 0),
    );
    const first = legs[0]!;
    const start = Date.parse(String(first.StartTime));
    if (start < options.from.getTime() || start >= options.to.getTime()) continue;
    const involved = legs.some(
      (leg) =>
        options.extensions.includes(String(leg.SourceDn)) ||
        options.extensions.includes(String(leg.DestinationDn)),
    );
    if (options.extensions.length > 0 && !involved) continue;
    const direction = directionOf(first, options.internalNumbers);
    const personLegs = legs.filter((leg) => !NOT_PERSON.has(String(leg.CallType ?? '')));
    const answered = personLegs.some((leg) => leg.Answered === true || leg.Status === 'Answered');
    totals.calls++;
    totals[direction]++;
    if (answered) totals.answered++;
    if (direction === 'inbound' && !answered) totals.missed++;
    totals.talkSeconds += personLegs.reduce((sum, leg) => sum + seconds(leg.TalkingDuration), 0);
  }
  totals.talkSeconds = Math.round(totals.talkSeconds);
  return totals;
}

function directionOf(first: Row, internal: Set<string>): 'inbound' | 'outbound' | 'internal' {
  switch (first.Direction) {
    case 'Inbound':
    case 'Inbound Queue':
      return 'inbound';
    case 'Outbound':
      return 'outbound';
    case 'Internal':
      return 'internal';
  }
  const source = internal.has(String(first.SourceDn));
  const destination = internal.has(String(first.DestinationDn));
  if (source && destination) return 'internal';
  if (source) return 'outbound';
  return 'inbound';
}
