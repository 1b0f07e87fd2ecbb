import { LEG_TEXT_FIELDS } from '../core/call-leg';

/**
 * The legs of one stored day (issue 20) as one blob (`encode-day-legs.ts`), and back
 * (`decode-day-legs.ts`). Every field of every leg comes back exactly, in the same order: strings
 * (an empty one stays empty, a missing one missing), numbers as the same doubles, `answered`
 * true/false/missing. Decoded legs carry every field of `CallLeg` (a
 * missing one as `undefined`), as the client's own legs do (`toCallLeg`), so reports see one shape.
 *
 * Layout (version 1):
 *
 *     byte    version (1)
 *     byte    0: payload stored as is (written since 7 December 2026); 1: payload deflated (raw
 *             deflate, node:zlib: days written before, still read)
 *     uint32  CRC-32 of the payload (little-endian)
 *     varint  payload length; varint leg count
 *     ...     the payload, stored or deflated
 *
 * The payload: the leg count again; the day's string table (each distinct text once, the most used
 * first: `varint (bytes * 2 + utf16)` then its UTF-8, or its UTF-16 code units when it is not
 * well-formed Unicode); the byte length of each column; the columns, one value per leg (or per
 * call key, or per escaped number):
 *
 * - key references: 0 = the next new key, d > 0 = the key d places back among the keys so far;
 * - new keys: 0 = a lower-case GUID, 1 = an upper-case GUID (16 bytes in the GUID column), k >= 2 =
 *   text k - 2 of the table (any other key, a mixed-case GUID too);
 * - start times and segment ids: deltas from the leg before (`day-legs-numbers.ts`);
 * - ringing and talking: whole milliseconds or microseconds where exact (`day-legs-numbers.ts`);
 * - answered: 0 missing, 1 false, 2 true;
 * - the nine other texts, each its own column: 0 missing, i = text i - 1 of the table;
 * - doubles that had no compact form, 8 bytes each.
 *
 * A blob of another version, a corrupt one (checksum) or a truncated one throws
 * `DayLegsFormatError`; nothing is decoded from it.
 */

export const DAY_LEGS_FORMAT_VERSION = 1;
export const STORED = 0;
export const DEFLATED = 1;
/** Larger payloads are refused before inflating (a day holds a few MB at most). */
export const MAX_PAYLOAD_BYTES = 1 << 30;

/** The columns, in the payload's order. */
export const KEY_REFS = 0;
export const KEY_CODES = 1;
export const KEY_GUIDS = 2;
export const STARTS = 3;
export const SEGMENTS = 4;
export const RINGING = 5;
export const TALKING = 6;
export const ANSWERED = 7;
/** The nine texts, in TEXT_FIELDS order. */
export const TEXTS = 8;
export const TEXT_FIELDS = LEG_TEXT_FIELDS;
export const FLOATS = TEXTS + TEXT_FIELDS.length;
export const SOURCE_DN = TEXTS + TEXT_FIELDS.indexOf('sourceDn');
export const DESTINATION_DN = TEXTS + TEXT_FIELDS.indexOf('destinationDn');
export const COLUMNS = FLOATS + 1;

/** A new call key's code in the key-codes column (KEY_TEXT + i: text i of the table). */
export const KEY_GUID_LOWER = 0;
export const KEY_GUID_UPPER = 1;
export const KEY_TEXT = 2;
