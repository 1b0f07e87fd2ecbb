import { type DemoPbx, startDemoPbx } from '../../src/demo/demo-pbx';
import { reportSchema } from '../../src/report/report-schema';
import { runCliInProcess, runCliJson } from '../helpers/run-cli-in-process';

/**
 * The `--json` report carries `assumptions: [{code, text}]` right after `filters` (possibly empty),
 * every other key as before; the terminal's text states them under the window. The CLI runs
 * in-process against a demo PBX, at Wed 25 Nov 2026, 11:00 in Berlin.
 */

const NOW = new Date('2026-11-25T10:00:00Z');
const SPEC_KEYS = ['window', 'filters', 'totals', 'byExtension', 'byQueue', 'byHour', 'missedCalls'];

let pbx: DemoPbx;
beforeAll(async () => {
  pbx = await startDemoPbx({ seed: 42, now: NOW });
});
afterAll(async () => {
  await pbx.close();
});

async function jsonOf(words: string): Promise<Record<string, unknown>> {
  return (await runCliJson(words.split(' '), 'Europe/Berlin', { pbx, now: NOW })) as Record<string, unknown>;
}

describe('assumptions in the --json report', () => {
  it.each([
    ['friday', [{ code: 'latest-weekday', text: 'friday read as Fri 20 Nov 2026, the most recent one' }]],
    [
      'calls from last tuesday',
      [
        {
          code: 'lone-from',
          text: '"from last tuesday" read as last tuesday itself; for everything since, say "since last tuesday"',
        },
      ],
    ],
    [
      'week 47',
      [{ code: 'iso-week', text: 'week 47 is ISO week 47, Monday to Sunday (whatever WEEK_START is)' }],
    ],
  ])('"%s" lists what was assumed, after the filters', async (words, assumptions) => {
    const json = await jsonOf(words);
    expect(Object.keys(json)).toEqual([
      'window',
      'filters',
      'assumptions',
      'totals',
      'byExtension',
      'byQueue',
      'byHour',
      'missedCalls',
      'previous', // round 2: a summary carries the period before
    ]);
    expect(json.assumptions).toEqual(assumptions);
    expect(reportSchema.safeParse(json).success).toBe(true);
  });

  it('is an empty list when the words said it all, and every other key is the spec’s', async () => {
    const json = await jsonOf('last week ext 101');
    expect(json.assumptions).toEqual([]);
    // Naming an extension adds its own figures (`focus`) after the spec's round-1 keys.
    expect(Object.keys(json).filter((key) => key !== 'assumptions')).toEqual([
      ...SPEC_KEYS,
      'focus',
      'previous',
    ]);
    expect(json.filters).toEqual({
      extensions: ['101'],
      queues: [],
      numbers: [],
      directions: [],
      status: null,
    });
  });

  it('comes with the list view too', async () => {
    const json = await jsonOf('list friday ext 101');
    expect(json.assumptions).toEqual([
      { code: 'latest-weekday', text: 'friday read as Fri 20 Nov 2026, the most recent one' },
    ]);
    expect(Object.keys(json)).toContain('calls');
  });

  it('is stated under the window in the terminal’s text', async () => {
    const run = await runCliInProcess(['week', '47', '--tz', 'Europe/Berlin'], { pbx, now: NOW });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').slice(0, 2)).toEqual([
      'Mon 16 – Sun 22 Nov 2026 (Europe/Berlin)',
      'Assumed: week 47 is ISO week 47, Monday to Sunday (whatever WEEK_START is)',
    ]);
  });
});
