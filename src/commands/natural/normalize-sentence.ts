import type { CommandToken } from '../tokenize-command';

/**
 * Sentence punctuation and spellings people type, made into command words before reading: a
 * `?`, `!` or `.` that ends a word (`friday?`) goes, lone `!` and `.` go (filler), `yesterday's`
 * (or `yesterdays`) is `yesterday` marked possessive (`ben's calls` names ben), `a.m.` is `am`,
 * `ext101` and `x101` are `ext 101`, `compared to` is `vs`. A lone `?` stays: it asks for help.
 */
export function normalizeSentence(tokens: readonly CommandToken[]): CommandToken[] {
  const result: CommandToken[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.option || token.quoted || token.unclosedQuote) {
      result.push(token);
      continue;
    }
    if (token.word === '!' || token.word === '.') continue;
    const joined = comparedTo(token, tokens[index + 1]);
    if (joined) {
      result.push(joined);
      index++;
      continue;
    }
    result.push(...normalizeWord(token));
  }
  return result;
}

/** `this month compared to last month`: `compared to` / `compared with` is `vs`, one token. */
function comparedTo(token: CommandToken, next: CommandToken | undefined): CommandToken | undefined {
  if (token.word !== 'compared' || next === undefined || next.quoted || next.option) return undefined;
  if (next.word !== 'to' && next.word !== 'with') return undefined;
  return { ...token, raw: `${token.raw} ${next.raw}`, word: 'vs' };
}

const TRAILING_PUNCTUATION = /^(.+?)[?!.]+$/;
const POSSESSIVE = /^(.+)['’]s$/;
/** Possessives whose apostrophe was lost and that can be nothing else (`yesterdays calls`). */
const APOSTROPHE_LOST: Readonly<Record<string, string>> = { yesterdays: 'yesterday', todays: 'today' };
const GLUED_EXTENSION = /^(ext|x|extension)(\d{1,15})$/;
const MERIDIEM: Readonly<Record<string, string>> = { 'a.m': 'am', 'p.m': 'pm', 'a.m.': 'am', 'p.m.': 'pm' };

function normalizeWord(token: CommandToken): CommandToken[] {
  let { raw, word } = token;
  const meridiem = Object.hasOwn(MERIDIEM, word) ? MERIDIEM[word] : undefined;
  if (meridiem) return [{ ...token, raw: meridiem, word: meridiem }];
  const glued = /^(\d{1,2}(?::\d{2})?)([ap])\.m\.?$/.exec(word);
  if (glued) {
    const text = `${glued[1]}${glued[2]}m`;
    return [{ ...token, raw: text, word: text }];
  }
  const trailing = TRAILING_PUNCTUATION.exec(word);
  if (trailing && word !== '..' && /[a-z0-9)]$/i.test(trailing[1]!)) {
    const cut = word.length - trailing[1]!.length;
    word = trailing[1]!;
    raw = raw.slice(0, raw.length - cut);
  }
  let possessive = false;
  const owner =
    POSSESSIVE.exec(word)?.[1] ?? (Object.hasOwn(APOSTROPHE_LOST, word) ? APOSTROPHE_LOST[word] : undefined);
  if (owner) {
    word = owner;
    possessive = true;
  }
  const extension = GLUED_EXTENSION.exec(word);
  if (extension) {
    return [
      { raw: 'ext', word: 'ext', attached: token.attached, quoted: false },
      { raw: extension[2]!, word: extension[2]!, attached: false, quoted: false },
    ];
  }
  return [{ ...token, raw, word, ...(possessive ? { possessive: true } : {}) }];
}
