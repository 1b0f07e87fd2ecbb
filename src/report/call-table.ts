import type { CallLeg } from '../core/call-leg';
import type { CallDirection } from '../core/report-request';
import { CallKeyIndex } from './call-key-index';
import { CALL_PAGE_MASK, CALL_PAGE_SHIFT, CallPage } from './call-page';
import {
  CallTexts,
  NO_TEXTS,
  TEXT_DESTINATION_CALLER_ID,
  TEXT_DESTINATION_DN,
  TEXT_DESTINATION_NAME,
  TEXT_SOURCE_CALLER_ID,
  TEXT_SOURCE_NAME,
} from './call-texts';
import { DN_QUEUE, DN_USER, type DnTable } from './dn-table';
import {
  INVOLVED_ANSWERED_TO,
  INVOLVED_LEG_TO,
  INVOLVED_PERSON_TO,
  InvolvementPool,
} from './involvement-pool';
import {
  classifyLegType,
  directionByDns,
  type InternalDnKind,
  isAnsweredStatus,
  parseDirection,
} from './leg-kinds';
import { secondsToMicros } from './round-half-up';

/** A leg started before the window: the whole call is out; later legs are ignored. */
const FLAG_EXCLUDED = 1;
/** A leg's caller id contains one of the `number` filter's digit strings. */
const FLAG_NUMBER_MATCH = 2;
/** The slot holds a call (it is not free). */
const FLAG_LIVE = 4;
const DIRECTIONS: readonly CallDirection[] = ['inbound', 'outbound', 'internal'];
const NON_DIGITS = /\D/g;
const INT32_MAX = 2147483647;
// Module-local copies of hot imports: CommonJS output (tsx, swc) reads every imported name
// through a getter, which shows up at a million legs a second.
const PAGE_SHIFT = CALL_PAGE_SHIFT;
const PAGE_MASK = CALL_PAGE_MASK;
const USER = DN_USER;
const QUEUE = DN_QUEUE;
const ANSWERED_TO = INVOLVED_ANSWERED_TO;
const LEG_TO = INVOLVED_LEG_TO;
const PERSON_TO = INVOLVED_PERSON_TO;
const classifyRole = classifyLegType;
const isAnsweredText = isAnsweredStatus;
const readDirection = parseDirection;
const directionOfDns = directionByDns;
const toMicros = secondsToMicros;
const NO_TEXT_RECORD = NO_TEXTS;
const SOURCE_CALLER_ID = TEXT_SOURCE_CALLER_ID;
const SOURCE_NAME = TEXT_SOURCE_NAME;
const DESTINATION_DN = TEXT_DESTINATION_DN;
const DESTINATION_NAME = TEXT_DESTINATION_NAME;
const DESTINATION_CALLER_ID = TEXT_DESTINATION_CALLER_ID;

export interface CallTableOptions {
  /** Start of the report window (epoch ms): a call with a leg before it is not in the report. */
  fromMs: number;
  dnTable: DnTable;
  /** The `number` filter's digit strings; empty when not filtering by number. */
  numberDigits: readonly string[];
  /**
   * Which calls' caller ids and names are kept: `all` (the `list` view, rankings of callers and of
   * calls), `unanswered` (the missed-calls list), or `none` (only totals are counted).
   */
  keepTexts: 'all' | 'unanswered' | 'none';
  /** Sum the ringing of each DN's answered person legs (`focus`, the ranking of extensions). */
  keepsRinging?: boolean;
}

/**
 * Compact, order-independent state of every call seen, one slot per call key, in typed pages: the
 * legs themselves are never kept. Each leg updates its call's first leg, last leg, arrival, first
 * answered person leg, latest end, talk, the DNs involved and the number-filter match, so the
 * result is the same whatever order the legs come in. A call known to be over is retired: visited
 * one last time, then its slot, key, texts and records are reused by later calls.
 */
export class CallTable {
  /** Slots ever used (live or free). */
  private count = 0;
  private readonly freeSlots: number[] = [];
  private readonly keyIndex = new CallKeyIndex();
  private readonly pages: CallPage[] = [];
  private readonly involvement: InvolvementPool;
  private readonly texts = new CallTexts();

  /** `keepTexts` as two flags read for every leg. */
  private readonly keepAllTexts: boolean;
  private readonly keepNoTexts: boolean;

  constructor(private readonly options: CallTableOptions) {
    this.involvement = new InvolvementPool(options.keepsRinging === true);
    this.keepAllTexts = options.keepTexts === 'all';
    this.keepNoTexts = options.keepTexts === 'none';
  }

  /** Calls held now (seen and not retired). */
  get liveCount(): number {
    return this.count - this.freeSlots.length;
  }

  /** Merges one leg into its call's state. */
  add(leg: CallLeg): void {
    const startMs = leg.startMs;
    if (!Number.isFinite(startMs)) return;
    const freeSlot = this.freeSlots.length > 0 ? this.freeSlots[this.freeSlots.length - 1]! : this.count;
    const slot = this.keyIndex.slotFor(leg.callKey, freeSlot);
    if (slot === freeSlot) this.allocate(slot);
    const page = this.pages[slot >>> PAGE_SHIFT]!;
    const i = slot & PAGE_MASK;
    if (page.flags[i]! & FLAG_EXCLUDED || startMs < this.options.fromMs) {
      // The call is out of the report; its end is still followed, to know when it is over.
      page.flags[i]! |= FLAG_EXCLUDED;
      this.dropTexts(page, i);
      const endUs = Math.round(startMs * 1000) + toMicros(leg.ringingSeconds) + toMicros(leg.talkingSeconds);
      if (endUs > page.maxEndUs[i]!) page.maxEndUs[i] = endUs;
      return;
    }
    const segment = toSegment(leg.segmentId);
    const ringUs = toMicros(leg.ringingSeconds);
    const talkUs = toMicros(leg.talkingSeconds);
    const spanUs = Math.fround(ringUs + talkUs);
    const startUs = Math.round(startMs * 1000);
    const role = classifyRole(leg.legType);
    const isPerson = role === 'person';
    const answered = isPerson && (leg.answered === true || isAnsweredText(leg.status));
    const keepTexts =
      this.keepAllTexts || !(this.keepNoTexts || answered || page.answerStartMs[i]! !== Infinity);
    const { dnTable } = this.options;
    const sourceIndex = dnTable.indexOf(leg.sourceDn);
    const destinationIndex = dnTable.indexOf(leg.destinationDn);

    const firstStart = page.firstStartMs[i]!;
    if (
      startMs < firstStart ||
      (startMs === firstStart &&
        (segment < page.firstSegment[i]! ||
          (segment === page.firstSegment[i]! && spanUs > page.firstSpanUs[i]!)))
    ) {
      page.firstStartMs[i] = startMs;
      page.firstSegment[i] = segment;
      page.firstSpanUs[i] = spanUs;
      page.firstDirection[i] = DIRECTIONS.indexOf(
        this.directionOfFirstLeg(leg, sourceIndex, destinationIndex),
      );
      page.firstSourceDn[i] = sourceIndex;
      if (keepTexts) {
        const record = this.textsOf(page, i);
        this.texts.set(record, SOURCE_CALLER_ID, leg.sourceCallerId);
        this.texts.set(record, SOURCE_NAME, leg.sourceDisplayName);
      }
    }
    if (keepTexts) {
      const record = this.textsOf(page, i);
      if (this.texts.takeLast(record, startMs, segment, spanUs)) {
        const dn = destinationIndex >= 0 ? dnTable.numberOf(destinationIndex) : leg.destinationDn;
        this.texts.set(record, DESTINATION_DN, dn);
        this.texts.set(record, DESTINATION_NAME, leg.destinationDisplayName);
        if (this.keepAllTexts) {
          this.texts.set(record, DESTINATION_CALLER_ID, leg.destinationCallerId);
        }
      }
    }
    if (role !== 'system' && startMs < page.arrivalMs[i]!) page.arrivalMs[i] = startMs;
    const endUs = startUs + ringUs + talkUs;
    if (endUs > page.maxEndUs[i]!) page.maxEndUs[i] = endUs;
    if (isPerson) page.talkUs[i]! += talkUs;
    if (answered) {
      // An answered call is never missed: without the list view its texts are no longer needed.
      if (!keepTexts) this.dropTexts(page, i);
      recordAnswer(page, i, startMs, segment, startUs + ringUs);
    }
    if (
      this.options.numberDigits.length > 0 &&
      !(page.flags[i]! & FLAG_NUMBER_MATCH) &&
      this.legMatchesNumber(leg)
    ) {
      page.flags[i]! |= FLAG_NUMBER_MATCH;
    }
    const personTalkUs = isPerson ? talkUs : 0;
    let head = page.involvementHead[i]!;
    if (destinationIndex >= 0) {
      const flags = LEG_TO | (isPerson ? PERSON_TO : 0) | (answered ? ANSWERED_TO : 0);
      head = this.involvement.record(head, destinationIndex, flags, personTalkUs);
      const record = this.involvement.touched;
      this.involvement.raiseToEnd(record, endUs);
      if (answered && this.options.keepsRinging) this.involvement.addAnsweredRing(record, ringUs);
    }
    if (sourceIndex >= 0 && sourceIndex !== destinationIndex) {
      head = this.involvement.record(head, sourceIndex, 0, personTalkUs);
    }
    page.involvementHead[i] = head;
  }

  /**
   * Visits, then frees, every call whose legs all ended before `cutoffUs` (epoch µs); `Infinity`
   * retires them all.
   */
  retireEndedBefore(cutoffUs: number, visit: (slot: number) => void): void {
    for (let slot = 0; slot < this.count; slot++) {
      const page = this.pages[slot >>> PAGE_SHIFT]!;
      const i = slot & PAGE_MASK;
      if (!(page.flags[i]! & FLAG_LIVE) || page.maxEndUs[i]! >= cutoffUs) continue;
      visit(slot);
      this.release(page, slot);
    }
  }

  /** The call's key as text (GUIDs in lower case), for a stable order of ties. */
  keyTextOf(slot: number): string {
    return this.keyIndex.keyTextOf(slot);
  }

  /** True when a leg started before the window (the call began before it). */
  isExcluded(slot: number): boolean {
    return (this.pageOf(slot).flags[slot & PAGE_MASK]! & FLAG_EXCLUDED) !== 0;
  }

  /** Some leg's caller id contains one of the `number` filter's digit strings. */
  hasNumberMatch(slot: number): boolean {
    return (this.pageOf(slot).flags[slot & PAGE_MASK]! & FLAG_NUMBER_MATCH) !== 0;
  }

  /** The call's start: its first leg's start (epoch ms). */
  startMsOf(slot: number): number {
    return this.pageOf(slot).firstStartMs[slot & PAGE_MASK]!;
  }

  directionOf(slot: number): CallDirection {
    return DIRECTIONS[this.pageOf(slot).firstDirection[slot & PAGE_MASK]!] ?? 'inbound';
  }

  /** A person leg was answered. */
  isAnswered(slot: number): boolean {
    return this.pageOf(slot).answerStartMs[slot & PAGE_MASK]! !== Infinity;
  }

  /** Talk of the call's person legs, in microseconds. */
  talkMicrosOf(slot: number): number {
    return this.pageOf(slot).talkUs[slot & PAGE_MASK]!;
  }

  /**
   * Answered: the first answered person leg's start + ringing − arrival. Not answered: how long
   * the caller held on, the latest leg end − arrival. Never negative.
   */
  waitMicrosOf(slot: number): number {
    const page = this.pageOf(slot);
    const i = slot & PAGE_MASK;
    const arrivalMs = page.arrivalMs[i] === Infinity ? page.firstStartMs[i]! : page.arrivalMs[i]!;
    const endUs = page.answerStartMs[i] !== Infinity ? page.answerAtUs[i]! : page.maxEndUs[i]!;
    return Math.max(0, endUs - Math.round(arrivalMs * 1000));
  }

  /** The latest end of any of the call's legs (start + ringing + talking), epoch µs. */
  maxEndMicrosOf(slot: number): number {
    return this.pageOf(slot).maxEndUs[slot & PAGE_MASK]!;
  }

  /** The DnTable index of the first leg's source, or -1. */
  firstSourceDnOf(slot: number): number {
    return this.pageOf(slot).firstSourceDn[slot & PAGE_MASK]!;
  }

  firstSourceCallerIdOf(slot: number): string {
    return this.texts.get(this.pageOf(slot).texts[slot & PAGE_MASK]!, SOURCE_CALLER_ID);
  }

  firstSourceNameOf(slot: number): string {
    return this.texts.get(this.pageOf(slot).texts[slot & PAGE_MASK]!, SOURCE_NAME);
  }

  lastDestinationDnOf(slot: number): string {
    return this.texts.get(this.pageOf(slot).texts[slot & PAGE_MASK]!, DESTINATION_DN);
  }

  lastDestinationNameOf(slot: number): string {
    return this.texts.get(this.pageOf(slot).texts[slot & PAGE_MASK]!, DESTINATION_NAME);
  }

  /** Kept only with `keepTexts: 'all'`. */
  lastDestinationCallerIdOf(slot: number): string {
    return this.texts.get(this.pageOf(slot).texts[slot & PAGE_MASK]!, DESTINATION_CALLER_ID);
  }

  /** The first involvement record of the call (walk it with `involvementRecords`), or -1. */
  involvementHeadOf(slot: number): number {
    return this.pageOf(slot).involvementHead[slot & PAGE_MASK]!;
  }

  get involvementRecords(): InvolvementPool {
    return this.involvement;
  }

  private pageOf(slot: number): CallPage {
    return this.pages[slot >>> PAGE_SHIFT]!;
  }

  /** As `directionOfFirstLeg` (leg-kinds), with the DNs' kinds from the DnTable's indexes. */
  private directionOfFirstLeg(leg: CallLeg, sourceIndex: number, destinationIndex: number): CallDirection {
    const given = readDirection(leg.direction);
    if (given !== undefined) return given;
    const destinationInternal = this.internalKindOf(destinationIndex) !== undefined;
    return directionOfDns(this.internalKindOf(sourceIndex), destinationInternal);
  }

  /** A User's number (first), a Queue's number, or neither. */
  private internalKindOf(dnIndex: number): InternalDnKind {
    const kinds = this.options.dnTable.kindsOf(dnIndex);
    if ((kinds & USER) !== 0) return 'user';
    return (kinds & QUEUE) !== 0 ? 'queue' : undefined;
  }

  private legMatchesNumber(leg: CallLeg): boolean {
    const digits = this.options.numberDigits;
    return containsAny(leg.sourceCallerId, digits) || containsAny(leg.destinationCallerId, digits);
  }

  /** The call's texts record, allocated on first use. */
  private textsOf(page: CallPage, i: number): number {
    let record = page.texts[i]!;
    if (record === NO_TEXT_RECORD) {
      record = this.texts.allocate();
      page.texts[i] = record;
    }
    return record;
  }

  /** The call's texts are no longer needed (answered without the list view, or excluded). */
  private dropTexts(page: CallPage, i: number): void {
    const record = page.texts[i]!;
    if (record === NO_TEXT_RECORD) return;
    this.texts.release(record);
    page.texts[i] = NO_TEXT_RECORD;
  }

  /** Takes `slot`: the last free one, or the next new one. */
  private allocate(slot: number): void {
    if (slot === this.count) {
      if ((this.count & PAGE_MASK) === 0) this.pages.push(new CallPage());
      this.count++;
    } else {
      this.freeSlots.pop();
    }
    this.pages[slot >>> PAGE_SHIFT]!.flags[slot & PAGE_MASK] = FLAG_LIVE;
  }

  private release(page: CallPage, slot: number): void {
    const i = slot & PAGE_MASK;
    this.dropTexts(page, i);
    this.involvement.releaseList(page.involvementHead[i]!);
    this.keyIndex.release(slot);
    page.reset(i);
    this.freeSlots.push(slot);
  }
}

function recordAnswer(page: CallPage, i: number, startMs: number, segment: number, answerAtUs: number): void {
  const current = page.answerStartMs[i]!;
  if (
    startMs < current ||
    (startMs === current &&
      (segment < page.answerSegment[i]! ||
        (segment === page.answerSegment[i]! && answerAtUs < page.answerAtUs[i]!)))
  ) {
    page.answerStartMs[i] = startMs;
    page.answerSegment[i] = segment;
    page.answerAtUs[i] = answerAtUs;
  }
}

/** SegmentId as a 32-bit int (missing or NaN → 0; out of range clamped, keeping the order). */
function toSegment(segmentId: number): number {
  if (segmentId >= INT32_MAX) return INT32_MAX;
  if (segmentId <= -INT32_MAX) return -INT32_MAX;
  return segmentId | 0;
}

function containsAny(callerId: string | undefined, digitStrings: readonly string[]): boolean {
  if (callerId === undefined || callerId === '') return false;
  const digits = callerId.replace(NON_DIGITS, '');
  for (const wanted of digitStrings) if (digits.includes(wanted)) return true;
  return false;
}
