import { TimeSlicer } from '../core/time-slicer';

/**
 * JSON from a response body's bytes. An OData answer `{ ..., "value": [ {...}, ... ] }` is parsed
 * one element at a time (each from its own small string), never as one string of the whole body:
 * a page of a thousand call-log rows is close to a megabyte, and such strings go straight to the
 * old generation of V8's heap, where they pile up until a full collection, the main reason a long
 * report's memory grew. Anything that does not look like such an object is parsed whole, so the
 * result always equals `JSON.parse` of the text (a leading byte order mark is ignored, as
 * `TextDecoder` does); malformed JSON throws a `SyntaxError`.
 *
 * A large answer must not hold the event loop: elements are parsed in slices of about 10 ms
 * (`TimeSlicer`), with a turn of the event loop between slices, and a value nested deeper than
 * `MAX_DEPTH` levels (no 3CX answer nests more than a few; `JSON.parse` of a 10 MB deeply nested
 * text takes seconds) throws `NestedTooDeepError` before anything parses it.
 */
export async function readJsonBody(bytes: Uint8Array): Promise<unknown> {
  const body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = hasByteOrderMark(body) ? 3 : 0;
  try {
    const parsed = await parseTopObject(body, start, new TimeSlicer());
    if (parsed !== undefined) return parsed;
  } catch (error) {
    if (error instanceof NestedTooDeepError) throw error;
    // Not the shape we read piecewise (or not JSON): JSON.parse decides, with its own error.
  }
  checkDepth(body, skipSpace(body, start));
  return JSON.parse(decodeBody(bytes));
}

/** Deepest nesting of arrays and objects read; 3CX's answers nest a few levels. */
export const MAX_DEPTH = 64;

/** The answer nests arrays or objects deeper than `MAX_DEPTH`: not an answer this client reads. */
export class NestedTooDeepError extends Error {
  constructor() {
    super(`nested deeper than ${MAX_DEPTH} levels`);
    this.name = 'NestedTooDeepError';
  }
}

/** The body as text (for error messages and the fallback). */
export function decodeBody(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

class NotReadable extends Error {}

/** The top-level object with its `value` array parsed element by element; undefined when the body is not an object. */
async function parseTopObject(
  body: Buffer,
  from: number,
  slicer: TimeSlicer,
): Promise<Record<string, unknown> | undefined> {
  let i = skipSpace(body, from);
  if (body[i] !== OPEN_BRACE) return undefined;
  const result: Record<string, unknown> = {};
  i = skipSpace(body, i + 1);
  if (body[i] === CLOSE_BRACE) return finish(body, i + 1, result);
  for (;;) {
    if (body[i] !== QUOTE) throw new NotReadable();
    const keyEnd = endOfString(body, i);
    const key = JSON.parse(body.toString('utf8', i, keyEnd)) as string;
    i = skipSpace(body, keyEnd);
    if (body[i] !== COLON) throw new NotReadable();
    i = skipSpace(body, i + 1);
    if (key === 'value' && body[i] === OPEN_BRACKET) {
      const elements: unknown[] = [];
      i = await readArrayElements(body, i, elements, slicer);
      defineKey(result, key, elements);
    } else {
      const end = endOfValue(body, i);
      defineKey(result, key, JSON.parse(body.toString('utf8', i, end)));
      i = end;
    }
    i = skipSpace(body, i);
    if (body[i] === COMMA) {
      i = skipSpace(body, i + 1);
      continue;
    }
    if (body[i] === CLOSE_BRACE) return finish(body, i + 1, result);
    throw new NotReadable();
  }
}

/** `},{` between two objects of an array, as compact JSON (3CX's) writes it. */
const OBJECT_SEPARATOR = Buffer.from('},{');

/** After this many objects the `},{` search failed on, a body's elements are all walked byte by byte. */
const MAX_QUICK_MISSES = 16;

/** Parses the elements of the array opening at `open` into `elements`; returns the index after `]`. */
async function readArrayElements(
  body: Buffer,
  open: number,
  elements: unknown[],
  slicer: TimeSlicer,
): Promise<number> {
  let i = skipSpace(body, open + 1);
  if (body[i] === CLOSE_BRACKET) return i + 1;
  let quickMisses = 0;
  for (;;) {
    if (slicer.due()) await slicer.pause();
    const quick =
      body[i] === OPEN_BRACE && quickMisses < MAX_QUICK_MISSES
        ? parseObjectBeforeSeparator(body, i)
        : undefined;
    if (quick !== undefined) {
      elements.push(quick.value);
      i = quick.next;
      continue;
    }
    if (body[i] === OPEN_BRACE) quickMisses++;
    const end = endOfValue(body, i);
    elements.push(JSON.parse(body.toString('utf8', i, end)));
    i = skipSpace(body, end);
    if (body[i] === CLOSE_BRACKET) return i + 1;
    if (body[i] !== COMMA) throw new NotReadable();
    i = skipSpace(body, i + 1);
  }
}

/** The `},{` search is trusted over at most this many bytes (a row is about 1 KB); beyond, the bytes are walked, depth checked. */
const MAX_QUICK_BYTES = 64 * 1024;

/**
 * The object opening at `i` when it ends at the next `},{` (the usual case in compact JSON): found
 * with a native search instead of walking every byte. The text up to that `}` is the object only
 * if it parses: a `},{` inside a string leaves a string open, and one between nested objects
 * leaves a brace open, and both fail to parse (then undefined: the caller walks the bytes).
 * Returns the object and the index of the next element.
 */
function parseObjectBeforeSeparator(body: Buffer, i: number): { value: unknown; next: number } | undefined {
  const separator = body.indexOf(OBJECT_SEPARATOR, i);
  if (separator < 0 || separator - i > MAX_QUICK_BYTES) return undefined;
  try {
    return { value: JSON.parse(body.toString('utf8', i, separator + 1)), next: separator + 2 };
  } catch {
    return undefined;
  }
}

/** Only white space may follow the top-level object. */
function finish(body: Buffer, after: number, result: Record<string, unknown>): Record<string, unknown> {
  if (skipSpace(body, after) !== body.length) throw new NotReadable();
  return result;
}

/** As JSON.parse does: a later duplicate key wins, and `__proto__` is an ordinary key. */
function defineKey(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/** The index after the JSON value starting at `i` (validated later by JSON.parse). */
function endOfValue(body: Buffer, i: number): number {
  const first = body[i];
  if (first === QUOTE) return endOfString(body, i);
  if (first === OPEN_BRACE || first === OPEN_BRACKET) return endOfContainer(body, i);
  let end = i;
  while (end < body.length) {
    const code = body[end]!;
    if (code === COMMA || code === CLOSE_BRACE || code === CLOSE_BRACKET || isSpace(code)) break;
    end++;
  }
  if (end === i) throw new NotReadable();
  return end;
}

/** The index after the object or array opening at `i`; strings are skipped whole. Deeper than `MAX_DEPTH`: `NestedTooDeepError`. */
function endOfContainer(body: Buffer, i: number): number {
  let depth = 0;
  let at = i;
  while (at < body.length) {
    const code = body[at]!;
    if (code === QUOTE) {
      at = endOfString(body, at);
      continue;
    }
    if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      if (++depth > MAX_DEPTH) throw new NestedTooDeepError();
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      depth--;
      if (depth === 0) return at + 1;
    }
    at++;
  }
  throw new NotReadable();
}

/** The index after the closing quote of the string opening at `i` (a quote after an odd run of backslashes is escaped). */
function endOfString(body: Buffer, i: number): number {
  let from = i + 1;
  for (;;) {
    const quote = body.indexOf(QUOTE, from);
    if (quote < 0) throw new NotReadable();
    let backslashes = 0;
    while (body[quote - 1 - backslashes] === BACKSLASH) backslashes++;
    if ((backslashes & 1) === 0) return quote + 1;
    from = quote + 1;
  }
}

/** Throws `NestedTooDeepError` when the array or object at `i` nests too deep; anything else is left to JSON.parse. */
function checkDepth(body: Buffer, i: number): void {
  if (body[i] !== OPEN_BRACE && body[i] !== OPEN_BRACKET) return;
  try {
    endOfContainer(body, i);
  } catch (error) {
    if (error instanceof NestedTooDeepError) throw error;
  }
}

function skipSpace(body: Buffer, i: number): number {
  let at = i;
  while (at < body.length && isSpace(body[at]!)) at++;
  return at;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

function hasByteOrderMark(body: Buffer): boolean {
  return body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf;
}
