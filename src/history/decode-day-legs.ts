import { inflateRawSync } from 'node:zlib';
import { type CallLeg, legEndMs } from '../core/call-leg';
import { formatGuidWords, GUID_LOWER, GUID_UPPER } from '../core/guid-words';
import { canonicalText } from './canonical-texts';
import { ByteReader, crc32, DayLegsFormatError } from './day-legs-bytes';
import * as layout from './day-legs-layout';
import { decodeDuration, decodeIntegerAfter } from './day-legs-numbers';

export { DayLegsFormatError } from './day-legs-bytes';

/**
 * Reading a stored day's blob (`day-legs-layout.ts`; `encode-day-legs.ts` writes it) back into
 * legs, all of them, those of chosen calls, or a page at a time.
 */

/**
 * The layout's numbers and the imported names used for every leg, read once: under tsx (how the
 * bot runs) each use of an imported name calls CommonJS export getters (docs/performance.md,
 * "Imported names in per-row code").
 */
const {
  ANSWERED,
  COLUMNS,
  DAY_LEGS_FORMAT_VERSION,
  DEFLATED,
  DESTINATION_DN,
  FLOATS,
  KEY_CODES,
  KEY_GUID_UPPER,
  KEY_GUIDS,
  KEY_REFS,
  KEY_TEXT,
  MAX_PAYLOAD_BYTES,
  RINGING,
  SEGMENTS,
  SOURCE_DN,
  STARTS,
  STORED,
  TALKING,
  TEXT_FIELDS,
  TEXTS,
} = layout;
const guidUpper = GUID_UPPER;
const guidLower = GUID_LOWER;
const formatGuid = formatGuidWords;
const readDuration = decodeDuration;
const readIntegerAfter = decodeIntegerAfter;
const endOf = legEndMs;

/** The varint columns with one value per leg, decoded a batch at a time into one scratch array. */
const SCRATCH_SOURCE = [
  KEY_REFS,
  STARTS,
  SEGMENTS,
  RINGING,
  TALKING,
  ...TEXT_FIELDS.map((_, field) => TEXTS + field),
];
const SCRATCH_COLUMNS = SCRATCH_SOURCE.length;
/** Legs decoded per batch. */
const BATCH = 512;
const STARTS_AT = BATCH;
const SEGMENTS_AT = 2 * BATCH;
const RINGING_AT = 3 * BATCH;
const TALKING_AT = 4 * BATCH;
const TEXTS_AT = 5 * BATCH;

/**
 * One batch of every per-leg varint column (SCRATCH_SOURCE), BATCH values each: shared by all
 * readers (a batch is filled and used within one synchronous `readBatch`), so a day's decoding
 * allocates no 57 KB of its own, which counted as external memory towards collections.
 */
const batchCodes = new Float64Array(SCRATCH_COLUMNS * BATCH);

/** A day's legs from `encodeDayLegs`' blob; throws `DayLegsFormatError` for anything else. */
export function decodeDayLegs(bytes: Uint8Array): CallLeg[] {
  const reader = new DayLegsReader(bytes);
  const legs = reader.read(reader.remaining);
  reader.finish();
  return legs;
}

/**
 * What choosing a day's calls needs (`decodeDayLegsOfCalls`), read before any leg object is made:
 * per leg its call's number (calls numbered in order of their first leg), start, end (start plus
 * ringing and talking, ms) and the text ids of its source and destination DN (`texts[id]`; 0 for
 * none). Valid only while the chooser runs.
 */
export interface DayCallsScan {
  readonly legCount: number;
  readonly callCount: number;
  readonly callOf: Int32Array;
  readonly startMs: Float64Array;
  readonly endMs: Float64Array;
  readonly sourceDn: Int32Array;
  readonly destinationDn: Int32Array;
  readonly texts: readonly (string | undefined)[];
  /** The key of call `call` (as its legs carry it). */
  keyOf(call: number): string;
}

/**
 * The legs of the calls `choose` picks (1 in its array, by call number) from a day's blob, in the
 * order `decodeDayLegs` gives them; no object is made for the others. The blob is checked whole.
 */
export function decodeDayLegsOfCalls(
  bytes: Uint8Array,
  choose: (day: DayCallsScan) => Uint8Array,
): CallLeg[] {
  const reader = new DayLegsReader(bytes);
  const chosen = choose(reader.scanCalls());
  const legs = reader.read(reader.remaining, chosen);
  reader.finish();
  return legs;
}

/**
 * The same legs `pageSize` at a time (for `CallLogSource.streamLegPages`): the blob is checked
 * and unpacked at once, each page's leg objects are made only when the page is asked for.
 */
export function decodeDayLegPages(bytes: Uint8Array, pageSize: number): Iterable<readonly CallLeg[]> {
  if (!Number.isInteger(pageSize) || pageSize < 1)
    throw new RangeError(`pageSize must be a positive integer`);
  const reader = new DayLegsReader(bytes);
  return pages(reader, pageSize);
}

function* pages(reader: DayLegsReader, pageSize: number): Generator<readonly CallLeg[]> {
  while (reader.remaining > 0) {
    const page = reader.read(Math.min(pageSize, reader.remaining));
    if (reader.remaining === 0) reader.finish();
    yield page;
  }
  reader.finish();
}

/**
 * Whether a day's blob holds a leg of call `leg.callKey` (in any letter case, as GUIDs compare)
 * starting at `leg.startMs` (no leg object is made; the blob is checked whole): `PbxLogProbe`
 * asks it of a row the PBX sent for the day.
 */
export function dayHoldsLeg(bytes: Uint8Array, leg: Pick<CallLeg, 'callKey' | 'startMs'>): boolean {
  const key = leg.callKey.toLowerCase();
  let held = false;
  decodeDayLegsOfCalls(bytes, (day) => {
    for (let index = 0; index < day.legCount && !held; index++) {
      held = day.startMs[index] === leg.startMs && day.keyOf(day.callOf[index]!).toLowerCase() === key;
    }
    return new Uint8Array(day.callCount);
  });
  return held;
}

/** How many legs a blob holds, from its header alone (not checked against the payload). */
export function dayLegsCount(bytes: Uint8Array): number {
  return readHeader(bytes).legCount;
}

interface Header {
  compression: number;
  checksum: number;
  payloadLength: number;
  legCount: number;
  bodyStart: number;
}

function readHeader(bytes: Uint8Array): Header {
  if (!(bytes instanceof Uint8Array)) throw new DayLegsFormatError('not a byte array');
  if (bytes.length === 0) throw new DayLegsFormatError('the blob is empty');
  const version = bytes[0]!;
  if (version !== DAY_LEGS_FORMAT_VERSION) {
    throw new DayLegsFormatError(
      `format version ${version} is not one this build reads (version ${DAY_LEGS_FORMAT_VERSION})`,
    );
  }
  const reader = new ByteReader(bytes, 1, bytes.length, 'the header');
  const compression = reader.byte();
  if (compression !== STORED && compression !== DEFLATED) {
    throw new DayLegsFormatError(`unknown compression ${compression}`);
  }
  let checksum = 0;
  for (let shift = 0; shift < 32; shift += 8) checksum += reader.byte() * 2 ** shift;
  const payloadLength = reader.varint();
  const legCount = reader.varint();
  if (payloadLength > MAX_PAYLOAD_BYTES) throw new DayLegsFormatError('the payload length is implausible');
  return { compression, checksum, payloadLength, legCount, bodyStart: reader.position };
}

function unpack(bytes: Uint8Array): { payload: Uint8Array; legCount: number } {
  const header = readHeader(bytes);
  const body = bytes.subarray(header.bodyStart);
  let payload: Uint8Array;
  if (header.compression === STORED) {
    payload = body;
  } else {
    try {
      // One output chunk of the known size: no chunks to join, one buffer for the collector.
      const size = Math.max(64, header.payloadLength);
      payload = inflateRawSync(body, { maxOutputLength: size, chunkSize: size });
    } catch (error) {
      throw new DayLegsFormatError(`the payload does not inflate (${(error as Error).message})`);
    }
  }
  if (payload.length !== header.payloadLength) {
    throw new DayLegsFormatError(
      `the payload is ${payload.length} bytes, the header says ${header.payloadLength} (truncated?)`,
    );
  }
  if (crc32(payload) !== header.checksum) throw new DayLegsFormatError('checksum mismatch (corrupt)');
  return { payload, legCount: header.legCount };
}

function readText(reader: ByteReader, utf8: Buffer): string {
  const code = reader.varint();
  const length = Math.floor(code / 2);
  const start = reader.position;
  const bytes = reader.take(length);
  if (code % 2 === 0) return utf8.toString('utf8', start, start + length);
  if (length % 2 !== 0) throw new DayLegsFormatError('a UTF-16 text has an odd length');
  let text = '';
  for (let unit = 0; unit < length; unit += 2)
    text += String.fromCharCode(bytes[unit]! | (bytes[unit + 1]! << 8));
  return text;
}

/** Unpacks a blob (checks it whole first), then makes legs a batch at a time. */
class DayLegsReader {
  remaining: number;
  /** Index 0: a missing text. */
  private readonly texts: Array<string | undefined>;
  private readonly columns: ByteReader[] = [];
  private readonly keys: string[] = [];
  private readonly words = new Uint32Array(4);
  private previousStart = 0;
  private previousSegment = 0;
  private readonly legCount: number;

  constructor(bytes: Uint8Array) {
    const { payload, legCount } = unpack(bytes);
    this.legCount = legCount;
    const reader = new ByteReader(payload, 0, payload.length, 'the payload');
    if (reader.varint() !== legCount) throw new DayLegsFormatError('the leg counts disagree');
    this.remaining = legCount;
    const textCount = reader.varint();
    if (textCount > payload.length) throw new DayLegsFormatError('the string table is implausible');
    const utf8 = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
    this.texts = new Array<string | undefined>(textCount + 1);
    this.texts[0] = undefined;
    for (let index = 1; index <= textCount; index++)
      this.texts[index] = canonicalText(readText(reader, utf8));
    if (reader.varint() !== COLUMNS) throw new DayLegsFormatError('unexpected number of columns');
    const lengths: number[] = [];
    for (let column = 0; column < COLUMNS; column++) lengths.push(reader.varint());
    let start = reader.position;
    for (let column = 0; column < COLUMNS; column++) {
      const end = start + lengths[column]!;
      if (end > payload.length) throw new DayLegsFormatError('a column is truncated');
      this.columns.push(new ByteReader(payload, start, end, `column ${column}`));
      start = end;
    }
    if (start !== payload.length) throw new DayLegsFormatError('unexpected bytes after the columns');
  }

  /** The next `count` legs (at most `remaining`); with `chosen`, only those of the calls it has a 1 for. */
  read(count: number, chosen?: Uint8Array): CallLeg[] {
    if (count > this.remaining) throw new RangeError('DayLegsReader: reading past the last leg');
    const legs: CallLeg[] = [];
    for (let done = 0; done < count; done += BATCH)
      this.readBatch(legs, Math.min(BATCH, count - done), chosen);
    this.remaining -= count;
    return legs;
  }

  /**
   * Every leg's call, start, end and DNs (`DayCallsScan`), from readers of their own over the
   * columns: call it before `read`, which then reads the columns as always.
   */
  scanCalls(): DayCallsScan {
    if (this.remaining !== this.legCount) throw new RangeError('DayLegsReader: scan before reading');
    const fresh = (column: number) => {
      const used = this.columns[column]!;
      return new ByteReader(used.bytes, used.position, used.end, `column ${column}`);
    };
    const refs = fresh(KEY_REFS);
    const starts = fresh(STARTS);
    const segments = fresh(SEGMENTS);
    const ringing = fresh(RINGING);
    const talking = fresh(TALKING);
    const sources = fresh(SOURCE_DN);
    const destinations = fresh(DESTINATION_DN);
    const floats = fresh(FLOATS);
    const count = this.legCount;
    const textCount = this.texts.length;
    const callOf = new Int32Array(count);
    const startMs = new Float64Array(count);
    const endMs = new Float64Array(count);
    const sourceDn = new Int32Array(count);
    const destinationDn = new Int32Array(count);
    let calls = 0;
    let previousStart = 0;
    let previousSegment = 0;
    for (let index = 0; index < count; index++) {
      const reference = refs.varint();
      if (reference > calls) throw new DayLegsFormatError('a call key refers to nothing');
      callOf[index] = reference === 0 ? calls++ : calls - reference;
      // The floats column in the order `readBatch` reads it: start, segment, ringing, talking.
      const startCode = starts.varint();
      const start = readIntegerAfter(startCode, previousStart, floats);
      if (startCode % 2 === 0) previousStart = start;
      const segmentCode = segments.varint();
      const segment = readIntegerAfter(segmentCode, previousSegment, floats);
      if (segmentCode % 2 === 0) previousSegment = segment;
      const ringingSeconds = readDuration(ringing.varint(), floats);
      const talkingSeconds = readDuration(talking.varint(), floats);
      startMs[index] = start;
      endMs[index] = endOf(start, ringingSeconds, talkingSeconds);
      const source = sources.varint();
      const destination = destinations.varint();
      if (source >= textCount || destination >= textCount)
        throw new DayLegsFormatError('a text refers to nothing');
      sourceDn[index] = source;
      destinationDn[index] = destination;
    }
    const keys = new DayKeys(fresh(KEY_CODES), fresh(KEY_GUIDS), this.texts, calls);
    return {
      legCount: count,
      callCount: calls,
      callOf,
      startMs,
      endMs,
      sourceDn,
      destinationDn,
      texts: this.texts,
      keyOf: (call) => keys.keyOf(call),
    };
  }

  /**
   * `count` more legs onto `legs` (only the chosen calls' with `chosen`): each column's values for
   * the batch first (a tight loop per column), then the objects.
   */
  private readBatch(legs: CallLeg[], count: number, chosen: Uint8Array | undefined): void {
    const columns = this.columns;
    const codes = batchCodes;
    for (let column = 0; column < SCRATCH_COLUMNS; column++) {
      columns[SCRATCH_SOURCE[column]!]!.varints(codes, column * BATCH, count);
    }
    const floats = columns[FLOATS]!;
    const answeredColumn = columns[ANSWERED]!;
    const texts = this.texts;
    const textCount = texts.length;
    const keys = this.keys;
    let previousStart = this.previousStart;
    let previousSegment = this.previousSegment;
    for (let index = 0; index < count; index++) {
      const reference = codes[index]!;
      let call: number;
      if (reference === 0) {
        call = keys.length;
        // An unchosen call's key is read past, never written out.
        keys.push(chosen === undefined || chosen[call] === 1 ? this.nextKey() : this.skipKey());
      } else {
        if (reference > keys.length) throw new DayLegsFormatError('a call key refers to nothing');
        call = keys.length - reference;
      }
      const startCode = codes[STARTS_AT + index]!;
      const startMs = readIntegerAfter(startCode, previousStart, floats);
      if (startCode % 2 === 0) previousStart = startMs;
      const segmentCode = codes[SEGMENTS_AT + index]!;
      const segmentId = readIntegerAfter(segmentCode, previousSegment, floats);
      if (segmentCode % 2 === 0) previousSegment = segmentId;
      const ringingSeconds = readDuration(codes[RINGING_AT + index]!, floats);
      const talkingSeconds = readDuration(codes[TALKING_AT + index]!, floats);
      const answered = answeredColumn.byte();
      if (answered > 2) throw new DayLegsFormatError('an answered flag is malformed');
      const t0 = codes[TEXTS_AT + index]!;
      const t1 = codes[TEXTS_AT + BATCH + index]!;
      const t2 = codes[TEXTS_AT + 2 * BATCH + index]!;
      const t3 = codes[TEXTS_AT + 3 * BATCH + index]!;
      const t4 = codes[TEXTS_AT + 4 * BATCH + index]!;
      const t5 = codes[TEXTS_AT + 5 * BATCH + index]!;
      const t6 = codes[TEXTS_AT + 6 * BATCH + index]!;
      const t7 = codes[TEXTS_AT + 7 * BATCH + index]!;
      const t8 = codes[TEXTS_AT + 8 * BATCH + index]!;
      if (
        t0 >= textCount ||
        t1 >= textCount ||
        t2 >= textCount ||
        t3 >= textCount ||
        t4 >= textCount ||
        t5 >= textCount ||
        t6 >= textCount ||
        t7 >= textCount ||
        t8 >= textCount
      ) {
        throw new DayLegsFormatError('a text refers to nothing');
      }
      if (chosen !== undefined && chosen[call] !== 1) continue;
      // In toCallLeg's order, so decoded legs share the client's legs' shape.
      legs.push({
        callKey: keys[call]!,
        segmentId,
        startMs,
        sourceDn: texts[t0],
        sourceCallerId: texts[t1],
        sourceDisplayName: texts[t2],
        destinationDn: texts[t3],
        destinationCallerId: texts[t4],
        destinationDisplayName: texts[t5],
        direction: texts[t6],
        legType: texts[t7],
        status: texts[t8],
        answered: answered === 0 ? undefined : answered === 2,
        ringingSeconds,
        talkingSeconds,
      });
    }
    this.previousStart = previousStart;
    this.previousSegment = previousSegment;
  }

  /** Throws unless every column was read to its end (call once `remaining` is 0). */
  finish(): void {
    if (this.remaining !== 0) throw new DayLegsFormatError('legs left unread');
    for (const column of this.columns) column.expectEnd();
  }

  private nextKey(): string {
    return readKey(this.columns[KEY_CODES]!, this.columns[KEY_GUIDS]!, this.texts, this.words, true);
  }

  /** Reads past the next new key; '' stands for it. */
  private skipKey(): string {
    return readKey(this.columns[KEY_CODES]!, this.columns[KEY_GUIDS]!, this.texts, this.words, false);
  }
}

/**
 * The next new call key from the key columns (its code, and for a GUID its 16 bytes, read into
 * `words`): its text, or '' when not `written` (a GUID is then not formatted).
 */
function readKey(
  codes: ByteReader,
  guids: ByteReader,
  texts: ReadonlyArray<string | undefined>,
  words: Uint32Array,
  written: boolean,
): string {
  const code = codes.varint();
  if (code >= KEY_TEXT) {
    const index = code - KEY_TEXT + 1;
    if (index >= texts.length) throw new DayLegsFormatError('a call key refers to nothing');
    return texts[index]!;
  }
  guids.words(words, 0, 4);
  return written ? formatGuid(words, 0, code === KEY_GUID_UPPER ? guidUpper : guidLower) : '';
}

/** A scanned day's call keys: read in call order as far as one is asked for, each written when asked. */
class DayKeys {
  /** Per call read: its text key, or undefined for a GUID (its words at `words[4 * call]`). */
  private readonly textKeys: Array<string | undefined> = [];
  private readonly written: Array<string | undefined> = [];
  private readonly words: Uint32Array;
  private readonly upper: Uint8Array;

  constructor(
    private readonly codes: ByteReader,
    private readonly guids: ByteReader,
    private readonly texts: ReadonlyArray<string | undefined>,
    private readonly calls: number,
  ) {
    this.words = new Uint32Array(calls * 4);
    this.upper = new Uint8Array(calls);
  }

  keyOf(call: number): string {
    if (!(call >= 0 && call < this.calls)) throw new RangeError(`no call ${call} in the day`);
    while (this.textKeys.length <= call) this.readNext();
    const text = this.textKeys[call];
    if (text !== undefined) return text;
    let written = this.written[call];
    if (written === undefined) {
      written = formatGuid(this.words, call * 4, this.upper[call] === 1 ? guidUpper : guidLower);
      this.written[call] = written;
    }
    return written;
  }

  private readNext(): void {
    const call = this.textKeys.length;
    const code = this.codes.varint();
    if (code >= KEY_TEXT) {
      const index = code - KEY_TEXT + 1;
      if (index >= this.texts.length) throw new DayLegsFormatError('a call key refers to nothing');
      this.textKeys.push(this.texts[index]!);
      return;
    }
    this.guids.words(this.words, call * 4, 4);
    this.upper[call] = code === KEY_GUID_UPPER ? 1 : 0;
    this.textKeys.push(undefined);
  }
}
