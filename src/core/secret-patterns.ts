/**
 * The shapes a secret takes on its way through HTTP, JSON, chat and logs, as regular
 * expressions: what `redactSecrets` looks for. A secret is found when it is written raw,
 * percent-encoded (upper or lower case hex, `encodeURIComponent`, form encoding with `+` for a
 * space, partly encoded), JSON-escaped (`\"`, `\\`, `\/`, `\u002B`, as .NET and JSON.stringify
 * write them), HTML-escaped (`&amp;`, `&quot;`: Slack mrkdwn, HTML error pages), any of those
 * twice (a JSON error quoting a form body, a log line quoting a JSON error), or base64-encoded
 * (alone, inside a longer base64 text such as HTTP Basic's `id:secret`, standard or URL-safe
 * alphabet).
 */

/** How many encodings may be stacked on one character (e.g. JSON inside JSON, %25 for `%`). */
const NESTING = 2;

/** A regular expression source matching `text` in every encoding above, stacked up to twice. */
export function encodedTextPattern(text: string, nesting = NESTING): string {
  return [...text].map((char) => charPattern(char, nesting)).join('');
}

/**
 * The base64 characters that depend on `secret`'s bytes alone, wherever in a longer encoded
 * text the secret starts (three alignments), for the secret as it is and URL- or form-encoded
 * (Basic auth encodes the pair after form-encoding it, RFC 6749 2.3.1); standard and URL-safe
 * alphabets. Characters straddling a neighbour's bits are left out, so the caller widens a
 * match to the whole base64 word around it.
 */
export function base64Cores(secret: string): string[] {
  const cores = new Set<string>();
  for (const form of new Set([secret, encodeURIComponent(secret), formEncode(secret)])) {
    const bytes = Buffer.from(form, 'utf8');
    for (let offset = 0; offset < 3; offset++) {
      const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
      // Character j holds bits 6j..6j+5 of the whole; keep those inside the secret's bits.
      const first = Math.ceil((8 * offset) / 6);
      const last = Math.floor((8 * (offset + bytes.length) - 6) / 6);
      const core = encoded.slice(first, last + 1);
      cores.add(core);
      cores.add(core.replaceAll('+', '-').replaceAll('/', '_'));
    }
  }
  return [...cores];
}

function charPattern(char: string, nesting: number): string {
  const alternatives = new Set([escapeRegExp(char)]);
  if (nesting > 0 && !/^[A-Za-z0-9]$/.test(char)) {
    for (const form of escapedForms(char)) alternatives.add(encodedTextPattern(form, nesting - 1));
  }
  const list = [...alternatives];
  return list.length === 1 ? list[0]! : `(?:${list.join('|')})`;
}

const JSON_SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '/': '\\/',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** As Slack mrkdwn, Teams cards and HTML error pages write them. */
const HTML_ENTITIES: Record<string, string[]> = {
  '&': ['&amp;'],
  '<': ['&lt;'],
  '>': ['&gt;'],
  '"': ['&quot;', '&#34;'],
  "'": ['&#39;', '&#x27;', '&apos;'],
};

/** One character's other spellings: percent-encoded, `+` for a space, JSON escapes, HTML entities. */
function escapedForms(char: string): string[] {
  const percent = [...Buffer.from(char, 'utf8')].map((byte) => `%${hex(byte, 2)}`).join('');
  const unicode = [...Array(char.length).keys()].map((i) => `\\u${hex(char.charCodeAt(i), 4)}`).join('');
  const forms = [percent, percent.toLowerCase(), unicode, unicode.toLowerCase()];
  if (char === ' ') forms.push('+');
  const short = JSON_SHORT_ESCAPES[char];
  if (short) forms.push(short);
  forms.push(...(HTML_ENTITIES[char] ?? []));
  return forms;
}

function hex(value: number, digits: number): string {
  return value.toString(16).toUpperCase().padStart(digits, '0');
}

/** application/x-www-form-urlencoded, as URLSearchParams writes a value. */
function formEncode(text: string): string {
  return new URLSearchParams({ v: text }).toString().slice(2);
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}
