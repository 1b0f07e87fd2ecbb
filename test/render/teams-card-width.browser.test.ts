import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { ReportReply } from '../../src/core/reply';
import type { PlaygroundResult } from '../../src/playground/to-playground-result';
import type { AdaptiveCard } from '../../src/render/adaptive-card';
import { formatDuration } from '../../src/render/format-duration';
import { formatCount } from '../../src/render/format-number';
import { renderTeams } from '../../src/render/render-teams';
import { tabulateQueues } from '../../src/render/tabulate-stats';
import { describeInChromium } from '../helpers/chromium';
import { openChromiumPage, usePlaygroundInChromium } from '../helpers/playground-in-chromium';
import type { PlaygroundTestBed } from '../playground/playground-test-bed';
import {
  buildAnswerReply,
  buildComparison,
  buildExtensionRanking,
  buildFocusReport,
  buildPrevious,
  buildQueue,
  buildWeeklyTrend,
} from './fixtures/build-answers';

const ZONE = 'Europe/Berlin';
/** About the width Teams gives a card in a chat. */
const CHAT_WIDTH = 450;
const MEASURE_SCRIPT = join(__dirname, '../helpers/measure-teams-card.js');

/** What test/helpers/measure-teams-card.js reports about a rendered card. */
interface Reading {
  problems: string[];
  textCount: number;
  lines: string[];
}

/** The functions that script adds to the page. */
interface MeasuringWindow {
  renderTeamsCardAt(card: AdaptiveCard, width: number): Promise<unknown>;
  findUnreadableText(root: unknown): Reading;
}

/** The playground page at 1,440 px with the measuring script (added inline, which the page's CSP would refuse). */
async function openMeasuringPage(browser: Browser, bed: PlaygroundTestBed): Promise<Page> {
  const page = await openChromiumPage(browser, {
    timezoneId: ZONE,
    viewport: { width: 1440, height: 1000 },
    bypassCSP: true,
  });
  await page.goto(bed.url);
  await page.addScriptTag({ path: MEASURE_SCRIPT });
  return page;
}

describeInChromium('Teams cards in the width of a chat, drawn by the real Adaptive Cards renderer', () => {
  const session = usePlaygroundInChromium(openMeasuringPage);

  /** The playground's answer to a command: the reply, and the card the bot's Teams renderer made of it. */
  async function ask(text: string): Promise<PlaygroundResult> {
    const response = await session.bed.post('/playground/api/command', { text, timeZone: ZONE });
    expect(response.status).toBe(200);
    return (await response.json()) as PlaygroundResult;
  }

  /** Renders the card alone at `width` px (with the playground's host config and CSS) and reads it. */
  function readCard(card: AdaptiveCard, width = CHAT_WIDTH): Promise<Reading> {
    return session.page.evaluate(
      async ([json, px]) => {
        const measuring = globalThis as unknown as MeasuringWindow;
        return measuring.findUnreadableText(await measuring.renderTeamsCardAt(json, px));
      },
      [card, width] as const,
    );
  }

  it('shows every extension figure whole: names on their own line, the five figures under their headers', async () => {
    const { teams } = await ask('last month');
    const cli = await session.bed.runCliJson(['last', 'month'], ZONE);
    const { problems, lines, textCount } = await readCard(teams);
    expect(problems).toEqual([]);
    expect(textCount).toBeGreaterThan(100);
    const headers = lines.indexOf('Busiest extensions') + 1;
    expect(lines.slice(headers, headers + 5)).toEqual(['Calls', 'Answered', 'Missed', 'Outbound', 'Talk']);
    expect(cli.byExtension.length).toBeGreaterThan(10);
    for (const row of cli.byExtension.slice(0, 10)) {
      const at = lines.indexOf(`${row.extension} ${row.name}`);
      expect(at).toBeGreaterThan(headers);
      expect(lines.slice(at + 1, at + 6)).toEqual([
        formatCount(row.calls),
        formatCount(row.answered),
        formatCount(row.missed),
        formatCount(row.outbound),
        formatDuration(row.talkSeconds),
      ]);
    }
    expect(lines.some((line) => line.startsWith('Calls by hour'))).toBe(true);
    expect(lines).toContain(`Missed calls (${formatCount(cli.missedCalls.length)})`);
  });

  it('shows a queue with its eight figures whole, on two rows under two header rows', async () => {
    const { teams } = await ask('last week queue 800');
    const cli = await session.bed.runCliJson(['last', 'week', 'queue', '800'], ZONE);
    const { problems, lines } = await readCard(teams);
    expect(problems).toEqual([]);
    const queue = cli.byQueue.find((row) => row.queue === '800')!;
    const headers = lines.indexOf('Queues') + 1;
    expect(lines.slice(headers, headers + 8)).toEqual([
      'Calls',
      'Answered',
      'Missed',
      'Abandoned',
      'Abandon rate',
      'Avg wait',
      'Longest wait',
      'Service level',
    ]);
    const at = lines.indexOf(`800 ${queue.name}`);
    const [figures] = tabulateQueues([queue], (text) => text).rows;
    expect(lines.slice(at + 1, at + 9)).toEqual(figures!.slice(2));
    expect(lines.slice(at + 1, at + 4)).toEqual([queue.calls, queue.answered, queue.missed].map(formatCount));
  });

  it('wraps very long extension and queue names instead of cutting them or the figures', async () => {
    const { reply, teams } = await ask('last month');
    const report = (reply as ReportReply).report;
    // Near the 60 characters a chat shows of a name: two lines at 450 px.
    const long = (name: string) => `${name} Featherstonehaugh-Worthington, Service EMEA`;
    const buttons = new Set(teams.actions?.map((action) => action.data.action));
    const card = renderTeams({
      ...(reply as ReportReply),
      report: {
        ...report,
        byExtension: report.byExtension.map((row) => ({ ...row, name: long(row.name) })),
        byQueue: report.byQueue.map((row) => ({ ...row, name: long(row.name) })),
      },
      actions: (reply as ReportReply).actions.filter((action) => buttons.has(action.id)),
    });
    const { problems, lines } = await readCard(card);
    expect(problems).toEqual([]);
    const first = report.byExtension[0]!;
    expect(lines).toContain(`${first.extension} ${long(first.name)}`);
    expect(lines).toContain(`800 ${long('Sales')}`);
  });

  it.each([
    [
      "the extension's own view with the previous period",
      buildAnswerReply({ ...buildFocusReport(), previous: buildPrevious() }),
    ],
    ['a comparison of two people', buildAnswerReply({ comparison: buildComparison() })],
    ['a ranking', buildAnswerReply({ ranking: buildExtensionRanking() })],
    ['a 13-week trend', buildAnswerReply({ trend: buildWeeklyTrend() })],
    [
      'queues with eight figures',
      buildAnswerReply({ byQueue: [buildQueue(), buildQueue({ queue: '801', name: 'Support' })] }),
    ],
  ])('%s: nothing cut, split or overlapping', async (_name, reply) => {
    const { problems, textCount } = await readCard(renderTeams(reply));
    expect(problems).toEqual([]);
    expect(textCount).toBeGreaterThan(20);
  });

  it.each([
    ['list yesterday inbound', 'the list of calls'],
    ['last month missed', 'missed calls first'],
    ['this year', "a year's figures, the widest numbers"],
    ['rows yesterday top=5', 'raw rows, one set of fields each'],
  ])('`%s` (%s): nothing cut, split or overlapping', async (command) => {
    const { teams } = await ask(command);
    const { problems, textCount } = await readCard(teams);
    expect(problems).toEqual([]);
    expect(textCount).toBeGreaterThan(20);
  });

  it('shows help without backticks: commands in sentences bold, example lines in monospace', async () => {
    const { teams } = await ask('help');
    const { problems, lines } = await readCard(teams);
    expect(problems).toEqual([]);
    expect(lines.join('\n')).not.toContain('`');
    expect(lines[0]).toBe(
      'Ask about calls with [view] [period] [filters] [options], words in any order. Nothing at all means summary today.',
    );
    expect(lines).toContain('• last week ext 101');
  });
});

describeInChromium('Teams cards in the playground page at 1,440 px', () => {
  const session = usePlaygroundInChromium(openMeasuringPage);

  it.each([
    ['last month', 'Thu 1 – Sat 31 Oct 2026 (Europe/Berlin)'],
    ['last week queue 800', 'Filters: queue 800'],
    ['help', 'Examples:'],
  ])('`%s`: the Teams pane cuts, splits and overlaps nothing', async (command, shown) => {
    await session.page.getByTestId('command-input').fill(command);
    await session.page.getByTestId('run').click();
    const card = session.page.getByTestId('teams-card');
    await card.getByText(shown, { exact: true }).waitFor();
    const { problems, textCount } = await card.evaluate((root) =>
      (globalThis as unknown as MeasuringWindow).findUnreadableText(root),
    );
    expect(problems).toEqual([]);
    expect(textCount).toBeGreaterThan(20);
  });
});
