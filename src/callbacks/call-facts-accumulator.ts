import type { CallLeg } from '../core/call-leg';
import type { CallbackReturner } from '../core/callbacks';
import { stripBidiControls } from '../core/strip-bidi-controls';
import { classifyLegType, directionOfFirstLeg, isAnsweredStatus } from '../report/leg-kinds';
import { secondsToMicros } from '../report/round-half-up';
import type { CallbackCall } from './callback-call';
import type { DirectoryLookup } from './directory-lookup';

/**
 * The legs of one call seen so far, reduced to what `CallbackCall` needs: its first leg (earliest
 * start, then lowest SegmentId, then the longer leg, as the report picks it), its first answered
 * person leg, its first person leg with talk, and its latest end (to know when it is over). The
 * result is the same whatever order the legs come in.
 */
export class CallFactsAccumulator {
  private first: CallLeg | undefined;
  private answered: CallLeg | undefined;
  private talked: CallLeg | undefined;
  /** The latest end (start + ringing + talking) of its legs, epoch ms. */
  maxEndMs = Number.NEGATIVE_INFINITY;

  constructor(readonly key: string) {}

  add(leg: CallLeg): void {
    if (!Number.isFinite(leg.startMs)) return;
    if (this.first === undefined || comesFirst(leg, this.first)) this.first = leg;
    if (classifyLegType(leg.legType) === 'person') {
      const answered = leg.answered === true || isAnsweredStatus(leg.status);
      if (answered && (this.answered === undefined || startsBefore(leg, this.answered))) this.answered = leg;
      const talks = secondsToMicros(leg.talkingSeconds) > 0;
      if (talks && (this.talked === undefined || startsBefore(leg, this.talked))) this.talked = leg;
    }
    const endMs = leg.startMs + seconds(leg.ringingSeconds) * 1000 + seconds(leg.talkingSeconds) * 1000;
    if (endMs > this.maxEndMs) this.maxEndMs = endMs;
  }

  /** The call's facts, its direction and people read with `directory`; undefined before any leg. */
  toCall(directory: DirectoryLookup): CallbackCall | undefined {
    const first = this.first;
    if (first === undefined) return undefined;
    const direction = directionOfFirstLeg(first, directory.kindOf);
    const taker =
      direction === 'outbound' ? this.talked : direction === 'inbound' ? this.answered : undefined;
    return {
      key: this.key,
      startMs: first.startMs,
      direction,
      number: numberOf(first, direction),
      reachedPerson: taker !== undefined,
      by:
        taker === undefined
          ? null
          : personOf(taker, direction === 'outbound' ? 'source' : 'destination', directory),
    };
  }
}

/** The outside party's number (see `CallbackCall.number`). */
function numberOf(first: CallLeg, direction: CallbackCall['direction']): string {
  switch (direction) {
    case 'inbound':
      return first.sourceCallerId ?? '';
    case 'outbound':
      return nonEmpty(first.destinationCallerId) ?? first.destinationDn ?? '';
    case 'internal':
      return '';
  }
}

/**
 * The extension of a person leg: the side that is a directory User, `preferred` first (the
 * destination answers an inbound call, the source places an outbound one); with no User on it,
 * the preferred side's DN and display name.
 */
function personOf(
  leg: CallLeg,
  preferred: 'source' | 'destination',
  directory: DirectoryLookup,
): CallbackReturner {
  const source = { dn: leg.sourceDn, name: leg.sourceDisplayName };
  const destination = { dn: leg.destinationDn, name: leg.destinationDisplayName };
  const sides = preferred === 'source' ? [source, destination] : [destination, source];
  const user = sides.find((side) => directory.kindOf(side.dn) === 'user');
  const side = user ?? sides[0]!;
  const extension = side.dn ?? '';
  const name = (user ? directory.nameOf(extension) : '') || side.name || '';
  return { extension: stripBidiControls(extension), name: stripBidiControls(name) };
}

function comesFirst(leg: CallLeg, current: CallLeg): boolean {
  if (leg.startMs !== current.startMs) return leg.startMs < current.startMs;
  const segment = segmentOf(leg);
  const currentSegment = segmentOf(current);
  if (segment !== currentSegment) return segment < currentSegment;
  return spanOf(leg) > spanOf(current);
}

function startsBefore(leg: CallLeg, current: CallLeg): boolean {
  if (leg.startMs !== current.startMs) return leg.startMs < current.startMs;
  return segmentOf(leg) < segmentOf(current);
}

function segmentOf(leg: CallLeg): number {
  return Number.isFinite(leg.segmentId) ? leg.segmentId : 0;
}

function spanOf(leg: CallLeg): number {
  return secondsToMicros(leg.ringingSeconds) + secondsToMicros(leg.talkingSeconds);
}

function seconds(value: number): number {
  return value > 0 && Number.isFinite(value) ? value : 0;
}

function nonEmpty(text: string | undefined): string | undefined {
  return text === undefined || text === '' ? undefined : text;
}
