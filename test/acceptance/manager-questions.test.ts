/**
 * Issue 18's acceptance: each question a manager asks gets the answer it asks for, in the CLI's
 * `--json` (numbers equal the plain reference computed from the PBX's rows), in Slack (the real bot,
 * the fake Slack Web API) and in Teams (the real bot, the fake Bot Connector), all on the same
 * demo PBX and clock (Sun 29 Nov 2026 11:00 in Berlin).
 */
import type { Report } from '../../src/core/report';
import { blockTexts, type SlackBotHarness, startSlackBotHarness } from '../helpers/slack-bot-harness';
import { buildPersonalMessage } from '../helpers/teams-activities';
import { cardOf } from '../helpers/teams-card';
import { startTeamsTestBed, type TeamsTestBed } from '../helpers/teams-test-bed';
import { type DemoLegs, readDemoLegs, referenceFor } from './manager-reference';

jest.setTimeout(120_000);

const ZONE = 'Europe/Berlin';
let bed: TeamsTestBed;
let slack: SlackBotHarness;
let data: DemoLegs;

beforeAll(async () => {
  [bed, slack] = await Promise.all([startTeamsTestBed(), startSlackBotHarness()]);
  // From before "last 3 months by week" to now: every window below lies inside.
  data = await readDemoLegs(bed.pbx, new Date('2026-08-20T00:00:00Z'), new Date('2026-11-29T10:00:00Z'));
});

afterAll(async () => {
  await Promise.all([bed?.close(), slack?.close()]);
});

function cli(words: string): Promise<Report> {
  return bed.runCliJson(words.split(' '), ZONE);
}

async function askSlack(words: string): Promise<string> {
  const { responseId } = await slack.sendCommand(words);
  return blockTexts((await slack.waitForAnswer(responseId)).answer);
}

async function askTeams(words: string): Promise<string> {
  const reply = await bed.ask(buildPersonalMessage(bed.connector.serviceUrl, { text: `calls ${words}` }));
  return deepTexts(cardOf(reply.activity as Record<string, unknown>)).join('\n');
}

/** Every `text` of a card, however deep (tables and column sets hold the figures). */
function deepTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(deepTexts);
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === 'text' && typeof inner === 'string' ? [inner] : deepTexts(inner),
  );
}

/** Every element of a card of the given `type`, however deep. */
function findElements(value: unknown, type: string): unknown[] {
  if (Array.isArray(value)) return value.flatMap((inner) => findElements(inner, type));
  if (!value || typeof value !== 'object') return [];
  const own = (value as { type?: unknown }).type === type ? [value] : [];
  return [...own, ...Object.values(value).flatMap((inner) => findElements(inner, type))];
}

/** A table row as either chat shows it: the label, then one figure per side (spaces or lines between). */
function sideBySide(label: string, first: number, second: number): RegExp {
  return new RegExp(`${label}\\s+${first}\\s+${second}\\s`);
}

/** Both chats' texts for the question. */
async function askChats(words: string): Promise<string[]> {
  return Promise.all([askSlack(words), askTeams(words)]);
}

describe("a manager's questions, answered alike in the CLI, Slack and Teams", () => {
  it('"last week ext 101": Ben\'s own figures lead, the call totals are labelled, the week before is there', async () => {
    const report = await cli('last week ext 101');
    const reference = referenceFor(data, {
      window: report.window,
      involving: ['101'],
      focusExtensions: ['101'],
    });
    expect(report.focus).toEqual(reference.focus);
    expect(report.totals).toEqual(reference.totals);
    const ben = report.focus![0]!;
    expect(ben.offered).toBeGreaterThan(0);
    expect(ben.notPickedUp).toBe(ben.offered - ben.answered);
    const previousWindow = {
      from: '2026-11-09T00:00:00.000+01:00',
      to: '2026-11-16T00:00:00.000+01:00',
      timeZone: ZONE,
    };
    expect(report.previous?.window).toEqual(previousWindow);
    expect(report.previous?.totals).toEqual(
      referenceFor(data, { window: previousWindow, involving: ['101'] }).totals,
    );
    for (const text of await askChats('last week ext 101')) {
      expect(text).toContain(
        `offered ${ben.offered}, answered ${ben.answered}, not picked up ${ben.notPickedUp}`,
      );
      expect(text).toContain(`${report.totals.calls} calls reached ext 101 or were made by it`);
      expect(text).toContain('the week before');
    }
  });

  it('"who missed the most calls last week": extensions ranked by calls they did not pick up', async () => {
    const report = await cli('who missed the most calls last week');
    expect(report.ranking).toMatchObject({ of: 'extensions', by: 'missed' });
    const reference = referenceFor(data, {
      window: report.window,
      ranking: { of: 'extensions', by: 'missed', size: 10 },
    });
    expect(report.ranking).toEqual(reference.ranking);
    const top = report.ranking!.rows[0]!;
    expect(top.value).toBeGreaterThan(0);
    for (const text of await askChats('who missed the most calls last week')) {
      expect(text).toContain(top.name);
      expect(text).toMatch(/extensions by missed/i);
    }
  });

  it('"top callers this month": callers ranked by calls', async () => {
    const report = await cli('top callers this month');
    const reference = referenceFor(data, {
      window: report.window,
      ranking: { of: 'callers', by: 'calls', size: 10 },
    });
    expect(report.ranking).toEqual(reference.ranking);
    const top = report.ranking!.rows[0]!;
    for (const text of await askChats('top callers this month')) expect(text).toContain(top.key);
  });

  it('"busiest hour": the hours of today ranked by calls', async () => {
    const report = await cli('busiest hour');
    const reference = referenceFor(data, {
      window: report.window,
      ranking: { of: 'hours', by: 'calls', size: 10 },
    });
    expect(report.ranking).toEqual(reference.ranking);
    expect(report.ranking!.rows.length).toBeGreaterThan(0);
    for (const text of await askChats('busiest hour')) expect(text).toMatch(/busiest hours/i);
  });

  it('"compare this week to last week": both weeks over the same span, side by side', async () => {
    const report = await cli('compare this week to last week');
    const columns = report.comparison!.columns;
    expect(report.comparison!.by).toBe('period');
    expect(columns.map((column) => column.window)).toEqual([
      { from: '2026-11-23T00:00:00.000+01:00', to: '2026-11-29T11:00:00.000+01:00', timeZone: ZONE },
      { from: '2026-11-16T00:00:00.000+01:00', to: '2026-11-22T11:00:00.000+01:00', timeZone: ZONE },
    ]);
    for (const column of columns) {
      expect(column.totals).toEqual(referenceFor(data, { window: column.window }).totals);
    }
    expect(report.assumptions?.map((assumption) => assumption.code)).toContain('same-span');
    for (const text of await askChats('compare this week to last week')) {
      expect(text).toMatch(sideBySide('Calls', columns[0]!.totals.calls, columns[1]!.totals.calls));
      expect(text).toMatch(sideBySide('Missed', columns[0]!.totals.missed, columns[1]!.totals.missed));
    }
  });

  it('"ext 101 vs ext 102": two extensions side by side, each with its own figures', async () => {
    const report = await cli('ext 101 vs ext 102 last week');
    expect(report.comparison!.by).toBe('extension');
    for (const [index, extension] of ['101', '102'].entries()) {
      const column = report.comparison!.columns[index]!;
      const reference = referenceFor(data, {
        window: column.window,
        involving: [extension],
        focusExtensions: [extension],
      });
      expect(column.filters.extensions).toEqual([extension]);
      expect(column.totals).toEqual(reference.totals);
      expect(column.focus).toEqual(reference.focus);
    }
    const [ben, chloe] = report.comparison!.columns.map((column) => column.focus[0]!);
    for (const text of await askChats('ext 101 vs ext 102 last week')) {
      expect(text).toMatch(/Ben Okafor \\?\(ext 101\\?\)/); // Teams escapes the brackets of its markdown
      expect(text).not.toContain('Filters: ext 101');
      expect(text).toMatch(sideBySide('Own: offered', ben!.offered, chloe!.offered));
      expect(text).toMatch(sideBySide('Own: not picked up', ben!.notPickedUp, chloe!.notPickedUp));
    }
  });

  it('"last 3 months by week": a 14-bucket trend as a table and a chart', async () => {
    const report = await cli('last 3 months by week');
    const reference = referenceFor(data, { window: report.window, trend: 'week' });
    expect(report.trend).toEqual(reference.trend);
    expect(report.trend!.buckets.length).toBeGreaterThanOrEqual(13);
    const [slackText, teamsText] = await askChats('last 3 months by week');
    expect(slackText).toMatch(/week by week/i);
    expect(teamsText).toMatch(/week by week/i);
    // Without PUBLIC_URL, Slack draws the chart as text bars; Teams draws its own line chart.
    expect(slackText).toContain('█');
    const reply = await bed.ask(
      buildPersonalMessage(bed.connector.serviceUrl, { text: 'calls last 3 months by week' }),
    );
    const [chart] = findElements(cardOf(reply.activity as Record<string, unknown>), 'Chart.Line');
    const lines = (chart as { data: { legend: string; values: { y: number }[] }[] }).data;
    expect(lines.map((line) => line.legend)).toEqual(['Calls', 'Answered', 'Missed']);
    expect(lines[0]!.values.map((point) => point.y)).toEqual(
      report.trend!.buckets.map((bucket) => bucket.calls),
    );
  });
});
