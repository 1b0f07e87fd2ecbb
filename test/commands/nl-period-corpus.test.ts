import { parseCommand } from '../../src/commands/parse-command';
import { judge, truthFor, type Verdict } from './fixtures/judge-period';
import {
  CORPUS,
  type CorpusEntry,
  DST_CORPUS,
  DST_NOW,
  DST_ZONE,
  NOW,
  ZONE_LOCALE,
  ZONES,
} from './fixtures/nl-period-corpus';

/**
 * Issue 17's acceptance on the development corpus: every phrase through `parseCommand` in three
 * zones with their locales (and the DST set at its own clock): no wrong window anywhere, at least
 * 95 % correct overall. The table is printed; refusals are listed with the reason given.
 */
type Row = { correct: number; wrong: number; refused: number };

function verdictOf(
  entry: CorpusEntry,
  zone: string,
  now: string,
  locale: string,
): { verdict: Verdict; why: string } {
  const result = parseCommand(entry.p, { now: new Date(now), timeZone: zone, locale });
  const truth = truthFor(entry, zone, now, locale);
  const answer = result.ok
    ? { from: result.request.window.from.getTime(), to: result.request.window.to.getTime() }
    : undefined;
  const why = result.ok
    ? `${result.request.window.from.toISOString()}..${result.request.window.to.toISOString()} (truth ${truth.text})`
    : result.error.message;
  return { verdict: judge(answer, truth, now), why };
}

describe('the development corpus of natural-language periods (issue 17)', () => {
  const table: Record<string, Row> = {};
  const misses: string[] = [];
  const record = (key: string, entry: CorpusEntry, zone: string, now: string, locale: string) => {
    const { verdict, why } = verdictOf(entry, zone, now, locale);
    table[key] ??= { correct: 0, wrong: 0, refused: 0 };
    table[key][verdict]++;
    if (verdict !== 'correct') misses.push(`${verdict} ${zone} ${JSON.stringify(entry.p)}: ${why}`);
  };
  for (const zone of ZONES) for (const entry of CORPUS) record(zone, entry, zone, NOW, ZONE_LOCALE[zone]!);
  for (const entry of DST_CORPUS) record(`${DST_ZONE} (DST)`, entry, DST_ZONE, DST_NOW, 'en-GB');

  afterAll(() => {
    const lines = Object.entries(table).map(
      ([zone, row]) =>
        `${zone.padEnd(24)} correct ${row.correct}  wrong ${row.wrong}  refused ${row.refused}`,
    );
    console.log(['Corpus (correct / wrong / refused):', ...lines, '', ...misses].join('\n'));
  });

  test.each(Object.keys(table))('no wrong window in %s', (zone) => {
    const wrong = misses.filter((miss) => miss.startsWith(`wrong ${zone.split(' ')[0]} `));
    expect(wrong).toEqual([]);
    expect(table[zone]!.wrong).toBe(0);
  });

  test('at least 95 % correct overall', () => {
    const rows = Object.values(table);
    const correct = rows.reduce((sum, row) => sum + row.correct, 0);
    const total = rows.reduce((sum, row) => sum + row.correct + row.wrong + row.refused, 0);
    expect(total).toBe(CORPUS.length * ZONES.length + DST_CORPUS.length);
    expect(correct / total).toBeGreaterThanOrEqual(0.95);
  });
});
