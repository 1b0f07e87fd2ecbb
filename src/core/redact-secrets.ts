import { base64Cores, encodedTextPattern } from './secret-patterns';

/**
 * Masks secrets by value in any text bound for a person or a log (PBX error texts, chat error
 * replies, /readyz, log lines): every spelling `secret-patterns.ts` knows (raw, percent- and
 * form-encoded, JSON-escaped, base64) becomes `[redacted]`. A base64 match takes the whole
 * base64 word around it, so an HTTP Basic `id:secret` goes as a whole, whatever the id.
 * Secrets shorter than 4 characters are not looked for (they would mask ordinary words).
 */
export function redactSecrets(text: string, secrets: Iterable<string>): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    const matcher = matcherFor(secret);
    result = result.replace(matcher.encoded, REDACTED);
    result = redactBase64Words(result, matcher.base64);
  }
  return result;
}

const REDACTED = '[redacted]';
const MIN_SECRET_LENGTH = 4;
/** Compiled matchers kept; tokens rotate, so older ones fall out. */
const MAX_CACHED_MATCHERS = 64;

interface SecretMatcher {
  encoded: RegExp;
  base64: RegExp;
}

const matchers = new Map<string, SecretMatcher>();

function matcherFor(secret: string): SecretMatcher {
  const cached = matchers.get(secret);
  if (cached) return cached;
  const base64 = base64Cores(secret).map((core) => encodedTextPattern(core, 1));
  const matcher = {
    encoded: new RegExp(encodedTextPattern(secret), 'g'),
    base64: new RegExp(base64.join('|'), 'g'),
  };
  if (matchers.size >= MAX_CACHED_MATCHERS) matchers.delete(matchers.keys().next().value!);
  matchers.set(secret, matcher);
  return matcher;
}

/** Replaces each base64 word (letters, digits, `+/-_`, `%2B %2F`, then `=` padding) holding a match. */
function redactBase64Words(text: string, pattern: RegExp): string {
  const ranges: { start: number; end: number }[] = [];
  for (const match of text.matchAll(pattern)) {
    const start = widenLeft(text, match.index);
    const end = widenRight(text, match.index + match[0].length);
    const previous = ranges.at(-1);
    if (previous && start <= previous.end) previous.end = Math.max(previous.end, end);
    else ranges.push({ start, end });
  }
  if (ranges.length === 0) return text;
  let result = '';
  let at = 0;
  for (const { start, end } of ranges) {
    result += text.slice(at, start) + REDACTED;
    at = end;
  }
  return result + text.slice(at);
}

// `=` only pads the end of a base64 word, so `client_secret=` before one stays.
const BASE64_CHAR = /[A-Za-z0-9+/_-]/;
const ENCODED_BASE64_CHAR = /^%(?:2[BbFf])$/;
const BASE64_END_CHAR = /[A-Za-z0-9+/=_-]/;
const ENCODED_BASE64_END_CHAR = /^%(?:2[BbFf]|3[Dd])$/;

function widenLeft(text: string, index: number): number {
  let start = index;
  for (;;) {
    if (start >= 1 && BASE64_CHAR.test(text[start - 1]!)) start -= 1;
    else if (start >= 3 && ENCODED_BASE64_CHAR.test(text.slice(start - 3, start))) start -= 3;
    else return start;
  }
}

function widenRight(text: string, index: number): number {
  let end = index;
  for (;;) {
    if (end < text.length && BASE64_END_CHAR.test(text[end]!)) end += 1;
    else if (ENCODED_BASE64_END_CHAR.test(text.slice(end, end + 3))) end += 3;
    else return end;
  }
}
