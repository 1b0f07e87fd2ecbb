/**
 * The natural-language reader (issue 17): `parseCommand` on 1,000 sentences from a seeded
 * generator (everyday phrasings mixed with filler, filters, dates, times, names and junk, from a
 * few words up to the 1,000-character limit), each in one of three zones and locales. A warm-up
 * pass over other sentences is not timed. Prints p50 / p99 / max in ms and one `RESULT` line.
 * `node --require tsx/cjs bench/read-periods.ts [sentences] [seed]`
 */
import { performance } from 'node:perf_hooks';
import { parseCommand } from '../src/commands/parse-command';
import { printResult } from './lib/run-bench-child';

const PERIODS = [
  'yesterday',
  'last week',
  'this quarter',
  'q3 2025',
  'h1',
  'week 47',
  'last weekend',
  '3 days ago',
  'the week before last',
  'since last friday',
  'from nov 1 to nov 15',
  'between monday and wednesday',
  'yesterday 9am-5pm',
  'yesterday 9-5',
  'monday morning',
  'last night',
  'nov 3',
  '3/11',
  '11/03/2026',
  '3.11.2026',
  '2026-11-03',
  'tuesday last week',
  'mon-fri last week',
  'christmas',
  'past month',
  'last 30 days',
  'past 3 hours',
  'oct 28 - nov 3',
  'since 9am',
  'this morning',
  'the 3rd',
  'ytd',
];
const WORDS = [
  'can',
  'you',
  'show',
  'me',
  'please',
  'what',
  'about',
  'the',
  'missed',
  'calls',
  'for',
  'from',
  'ext 101',
  'queue 800',
  'inbound',
  'answered',
  'list',
  'ben',
  "ben's",
  'x101',
  'how',
  'many',
  'were',
  'there',
  'blursday',
  'asdf',
  'lsat',
  'nov',
  '15',
  '-',
  'report',
  'stats',
  'of',
  'in',
  'all',
  '?',
];
const ZONES: Array<[string, string]> = [
  ['Europe/Berlin', 'en-GB'],
  ['America/New_York', 'en-US'],
  ['Asia/Kolkata', 'en-IN'],
];
const NOW = new Date('2026-11-25T10:00:00Z');
const MAX_CHARACTERS = 1000;

/** mulberry32: a small seeded generator, so every run reads the same sentences. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Mostly short sentences with one period; one in ten long, up to the character limit. */
function sentence(random: () => number): string {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const long = random() < 0.1;
  const target = long ? 200 + Math.floor(random() * (MAX_CHARACTERS - 200)) : 10 + Math.floor(random() * 70);
  const words: string[] = [pick(PERIODS)];
  let length = words[0]!.length;
  while (length < target) {
    const word = random() < 0.08 ? pick(PERIODS) : pick(WORDS);
    if (length + word.length + 1 > MAX_CHARACTERS) break;
    words.splice(Math.floor(random() * (words.length + 1)), 0, word);
    length += word.length + 1;
  }
  return words.join(' ');
}

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

function main(): void {
  const count = Number(process.argv[2] ?? 1000);
  const random = seeded(Number(process.argv[3] ?? 17));
  const warmUp = Array.from({ length: 1000 }, () => sentence(random));
  const sentences = Array.from({ length: count }, () => sentence(random));
  const read = (text: string, index: number) => {
    const [timeZone, locale] = ZONES[index % ZONES.length]!;
    return parseCommand(text, { now: NOW, timeZone, locale });
  };
  warmUp.forEach(read);
  const times: number[] = [];
  let accepted = 0;
  sentences.forEach((text, index) => {
    const started = performance.now();
    const result = read(text, index);
    times.push(performance.now() - started);
    if (result.ok) accepted++;
  });
  times.sort((a, b) => a - b);
  const longest = Math.max(...sentences.map((text) => text.length));
  const result = {
    sentences: count,
    accepted,
    longestCharacters: longest,
    p50Ms: percentile(times, 0.5),
    p99Ms: percentile(times, 0.99),
    maxMs: times.at(-1)!,
  };
  process.stderr.write(
    `read-periods: ${count} sentences (longest ${longest} characters, ${accepted} accepted): p50 ${result.p50Ms.toFixed(2)} ms, p99 ${result.p99Ms.toFixed(2)} ms, max ${result.maxMs.toFixed(2)} ms (target p99 < 20 ms)\n`,
  );
  printResult(result);
}

main();
