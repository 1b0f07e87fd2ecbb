import type { CallLeg } from '../core/call-leg';
import { GUID_UPPER, NOT_A_GUID, readGuidWords } from '../core/guid-words';
import { ByteWriter, crc32 } from './day-legs-bytes';
import {
  ANSWERED,
  COLUMNS,
  DAY_LEGS_FORMAT_VERSION,
  FLOATS,
  KEY_CODES,
  KEY_GUID_LOWER,
  KEY_GUID_UPPER,
  KEY_GUIDS,
  KEY_REFS,
  KEY_TEXT,
  RINGING,
  SEGMENTS,
  STARTS,
  STORED,
  TALKING,
  TEXT_FIELDS,
  TEXTS,
} from './day-legs-layout';
import { encodeDuration, encodeIntegerAfter, isIntegerCode } from './day-legs-numbers';

/** Text that is not well-formed UTF-16 (a lone surrogate), which UTF-8 cannot carry. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** A day's legs as one blob (`day-legs-layout.ts`). */
export function encodeDayLegs(legs: readonly CallLeg[]): Uint8Array {
  const count = legs.length;
  // The string table, the most used text first (small indexes: one byte for most).
  const uses = new Map<string, number>();
  const use = (text: string) => uses.set(text, (uses.get(text) ?? 0) + 1);
  const words = new Uint32Array(4);
  const keyForms = new Uint8Array(count);
  for (let index = 0; index < count; index++) {
    const leg = legs[index]!;
    checkLeg(leg, index);
    const form = readGuidWords(leg.callKey, words, 0);
    keyForms[index] = form;
    if (form === NOT_A_GUID) use(leg.callKey);
    for (const field of TEXT_FIELDS) {
      const text = leg[field];
      if (text !== undefined) use(text);
    }
  }
  const table = [...uses.entries()].sort((a, b) => b[1] - a[1]).map(([text]) => text);
  const textIndex = new Map<string, number>();
  for (let index = 0; index < table.length; index++) textIndex.set(table[index]!, index + 1);

  const columns = Array.from({ length: COLUMNS }, () => new ByteWriter());
  const floats = columns[FLOATS]!;
  const keyPositions = new Map<string, number>();
  let previousStart = 0;
  let previousSegment = 0;
  for (let index = 0; index < count; index++) {
    const leg = legs[index]!;
    const position = keyPositions.get(leg.callKey);
    if (position === undefined) {
      columns[KEY_REFS]!.varint(0);
      const form = keyForms[index]!;
      if (form === NOT_A_GUID) {
        columns[KEY_CODES]!.varint(KEY_TEXT + textIndex.get(leg.callKey)! - 1);
      } else {
        readGuidWords(leg.callKey, words, 0);
        columns[KEY_CODES]!.varint(form === GUID_UPPER ? KEY_GUID_UPPER : KEY_GUID_LOWER);
        columns[KEY_GUIDS]!.words(words, 0, 4);
      }
      keyPositions.set(leg.callKey, keyPositions.size);
    } else {
      columns[KEY_REFS]!.varint(keyPositions.size - position);
    }
    // Floats are written in the order the decoder reads them: start, segment, ringing, talking.
    const start = encodeIntegerAfter(leg.startMs, previousStart, floats);
    columns[STARTS]!.varint(start);
    if (isIntegerCode(start)) previousStart = leg.startMs;
    const segment = encodeIntegerAfter(leg.segmentId, previousSegment, floats);
    columns[SEGMENTS]!.varint(segment);
    if (isIntegerCode(segment)) previousSegment = leg.segmentId;
    columns[RINGING]!.varint(encodeDuration(leg.ringingSeconds, floats));
    columns[TALKING]!.varint(encodeDuration(leg.talkingSeconds, floats));
    columns[ANSWERED]!.byte(leg.answered === undefined ? 0 : leg.answered ? 2 : 1);
    for (let field = 0; field < TEXT_FIELDS.length; field++) {
      const text = leg[TEXT_FIELDS[field]!];
      columns[TEXTS + field]!.varint(text === undefined ? 0 : textIndex.get(text)!);
    }
  }

  const payload = new ByteWriter();
  payload.varint(count);
  payload.varint(table.length);
  for (const text of table) {
    if (LONE_SURROGATE.test(text)) {
      payload.varint(text.length * 4 + 1);
      const units = new Uint8Array(text.length * 2);
      for (let unit = 0; unit < text.length; unit++) {
        const code = text.charCodeAt(unit);
        units[unit * 2] = code & 255;
        units[unit * 2 + 1] = code >>> 8;
      }
      payload.raw(units);
    } else {
      const utf8 = Buffer.from(text, 'utf8');
      payload.varint(utf8.length * 2);
      payload.raw(utf8);
    }
  }
  payload.varint(COLUMNS);
  for (const column of columns) payload.varint(column.length);
  for (const column of columns) payload.raw(column.result());
  const plain = payload.result();

  // Stored as is, not deflated: deflating saved about 30 % of a demo day's bytes (22 bytes a leg in
  // the SQLite file instead of 31) but inflating cost every read 8 % of a stored month's time
  // (docs/history.md).
  const header = new ByteWriter();
  header.byte(DAY_LEGS_FORMAT_VERSION);
  header.byte(STORED);
  const checksum = crc32(plain);
  for (let shift = 0; shift < 32; shift += 8) header.byte((checksum >>> shift) & 255);
  header.varint(plain.length);
  header.varint(count);
  header.raw(plain);
  return header.result().slice();
}

function checkLeg(leg: CallLeg, index: number): void {
  const bad = (field: string) => new TypeError(`encodeDayLegs: leg ${index} has a bad ${field}`);
  if (typeof leg.callKey !== 'string') throw bad('callKey');
  if (typeof leg.startMs !== 'number') throw bad('startMs');
  if (typeof leg.segmentId !== 'number') throw bad('segmentId');
  if (typeof leg.ringingSeconds !== 'number') throw bad('ringingSeconds');
  if (typeof leg.talkingSeconds !== 'number') throw bad('talkingSeconds');
  if (leg.answered !== undefined && typeof leg.answered !== 'boolean') throw bad('answered');
  for (const field of TEXT_FIELDS) {
    const text = leg[field];
    if (text !== undefined && typeof text !== 'string') throw bad(field);
  }
}
