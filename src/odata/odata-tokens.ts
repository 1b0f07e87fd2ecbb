/** A lexical token of an OData `$filter` expression. */
export type ODataToken =
  | { kind: 'open' | 'close' | 'comma'; text: string }
  | { kind: 'string'; text: string; value: string }
  | { kind: 'number'; text: string; value: number }
  | { kind: 'datetime'; text: string }
  | { kind: 'duration'; text: string; iso: string }
  | { kind: 'word'; text: string };

/**
 * What the OData readers throw on input outside the subset they accept. The bot turns it into a
 * refusal that quotes the option (read-call-log-options.ts); the demo PBX into a 400.
 */
export class ODataSyntaxError extends Error {}

/** A date-time literal as the tokenizer reads it (seconds and fractions optional, an offset required). */
export const DATE_TIME_LITERAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})/;
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/;
const WORD = /^[A-Za-z_][A-Za-z0-9_]*/;
const DURATION =
  /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Milliseconds of an ISO 8601 duration (`PT1M12.577S`), or undefined. */
export function parseIsoDurationMs(text: string): number | undefined {
  const match = DURATION.exec(text);
  if (!match || text === 'P' || text === 'PT') return undefined;
  const [, days, hours, minutes, seconds] = match.map((part) => Number(part ?? 0));
  return Math.round(
    (((days ?? 0) * 24 + (hours ?? 0)) * 60 + (minutes ?? 0)) * 60_000 + (seconds ?? 0) * 1000,
  );
}

/** Reads a `'...'` literal starting at `start` (a quote); returns its value and the index after it. */
function readQuoted(text: string, start: number): [string, number] {
  let value = '';
  let index = start + 1;
  for (;;) {
    const quote = text.indexOf("'", index);
    if (quote < 0) throw new ODataSyntaxError(`Unterminated string literal at position ${start}.`);
    value += text.slice(index, quote);
    if (text[quote + 1] === "'") {
      value += "'";
      index = quote + 2;
    } else {
      return [value, quote + 1];
    }
  }
}

/** Splits a `$filter` expression into tokens; throws `ODataSyntaxError` on anything else. */
export function tokenizeODataExpression(text: string): ODataToken[] {
  const tokens: ODataToken[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    const rest = text.slice(index);
    if (/\s/.test(char)) {
      index += 1;
    } else if (char === '(' || char === ')' || char === ',') {
      tokens.push({ kind: char === '(' ? 'open' : char === ')' ? 'close' : 'comma', text: char });
      index += 1;
    } else if (char === "'") {
      const [value, next] = readQuoted(text, index);
      tokens.push({ kind: 'string', text: text.slice(index, next), value });
      index = next;
    } else if (DATE_TIME_LITERAL.test(rest)) {
      const literal = DATE_TIME_LITERAL.exec(rest)![0];
      if (Number.isNaN(Date.parse(literal)))
        throw new ODataSyntaxError(`'${literal}' is not a valid date-time.`);
      tokens.push({ kind: 'datetime', text: literal });
      index += literal.length;
    } else if (NUMBER.test(rest)) {
      const literal = NUMBER.exec(rest)![0];
      const value = Number(literal);
      if (!Number.isFinite(value)) throw new ODataSyntaxError(`'${literal}' is not a valid number.`);
      tokens.push({ kind: 'number', text: literal, value });
      index += literal.length;
    } else if (WORD.test(rest)) {
      const word = WORD.exec(rest)![0];
      if (word.toLowerCase() === 'duration' && text[index + word.length] === "'") {
        const [iso, next] = readQuoted(text, index + word.length);
        if (parseIsoDurationMs(iso) === undefined)
          throw new ODataSyntaxError(`'${iso}' is not a valid duration.`);
        tokens.push({ kind: 'duration', text: text.slice(index, next), iso });
        index = next;
      } else {
        tokens.push({ kind: 'word', text: word });
        index += word.length;
      }
    } else {
      throw new ODataSyntaxError(`Syntax error at position ${index} in '${text}'.`);
    }
  }
  return tokens;
}
