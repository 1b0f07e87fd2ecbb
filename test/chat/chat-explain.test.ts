import type { DemoPbx } from '../../src/demo/demo-pbx';
import { type SlackBotHarness, startSlackBotHarness } from '../helpers/slack-bot-harness';
import { buildPersonalMessage } from '../helpers/teams-activities';
import { cardOf } from '../helpers/teams-card';
import { startTeamsTestBed, type TeamsTestBed } from '../helpers/teams-test-bed';

/**
 * `explain <words>` in chat: how the words read, with nothing run and nothing asked of the PBX.
 * Both platforms' clocks are Sun 29 Nov 2026, 11:00 in Berlin, so `yesterday` is Sat 28 Nov.
 */

const YESTERDAY = 'from=2026-11-28T00:00:00.000+01:00 to=2026-11-29T00:00:00.000+01:00';
const FOOTER = 'Nothing was run: send the words without "explain" for the report.';

/** How many requests the PBX has had (of any kind: token, call log, directory). */
function requestCount(pbx: DemoPbx): number {
  return pbx.requests.length;
}

function callLogRequests(pbx: DemoPbx): number {
  return pbx.requests.filter((entry) => entry.endpoint === 'calllog').length;
}

describe('explain in Slack', () => {
  let harness: SlackBotHarness;
  beforeAll(async () => {
    harness = await startSlackBotHarness();
  });
  afterAll(async () => {
    await harness.close();
  });

  async function answerTo(text: string): Promise<Record<string, unknown>> {
    const sent = await harness.sendCommand(text);
    return (await harness.waitForAnswer(sent.responseId)).answer;
  }

  it('before any report: names and numbers are to be looked up, and the PBX is not asked', async () => {
    const before = requestCount(harness.pbx);
    const answer = await answerTo('explain calls for ben yesterday ext 555');
    expect(requestCount(harness.pbx)).toBe(before);
    expect(callLogRequests(harness.pbx)).toBe(0);
    expect(answer.blocks).toEqual([
      {
        type: 'header',
        text: { type: 'plain_text', text: 'How I read "calls for ben yesterday ext 555"', emoji: true },
      },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: [
            '*Window:* Sat 28 Nov 2026 (Europe/Berlin)',
            '*View:* summary',
            `*Command:* \`summary ${YESTERDAY} ext 555\``,
            '*Filters:* ext 555',
            '*Names to look up:* ben',
          ].join('\n'),
        },
      },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: [
              'Assumed: "ben" will be looked up in the PBX directory',
              'ext 555 will be looked up in the PBX directory when the report runs.',
            ].join('\n'),
          },
        ],
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: FOOTER }] },
    ]);
  });

  it('once a report has loaded the directory: names resolve and unknown numbers are named, still without asking', async () => {
    await answerTo('yesterday ext 101');
    const callLogs = callLogRequests(harness.pbx);
    const before = requestCount(harness.pbx);
    const answer = await answerTo('explain calls for ben yesterday ext 555');
    expect(requestCount(harness.pbx)).toBe(before);
    expect(callLogRequests(harness.pbx)).toBe(callLogs);
    const [, facts, remarks] = answer.blocks as { text?: { text: string }; elements?: { text: string }[] }[];
    expect(facts?.text?.text).toBe(
      [
        '*Window:* Sat 28 Nov 2026 (Europe/Berlin)',
        '*View:* summary',
        `*Command:* \`summary ${YESTERDAY} ext 101,555\``,
        '*Filters:* ext 101,555',
      ].join('\n'),
    );
    expect(remarks?.elements?.[0]?.text).toBe(
      ['Assumed: "ben" is ext 101 (Ben Okafor)', 'ext 555 is not an extension on this PBX.'].join('\n'),
    );
  });

  it('words it does not understand get the usual command error', async () => {
    const before = requestCount(harness.pbx);
    const answer = await answerTo('explain blursday');
    expect(requestCount(harness.pbx)).toBe(before);
    expect(answer.blocks).toEqual([
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: ':warning: I didn\'t understand "blursday" (did you mean "thursday"?).\nTry: thursday',
        },
      },
    ]);
  });
});

describe('explain of rankings, trends and comparisons in Slack', () => {
  let harness: SlackBotHarness;
  beforeAll(async () => {
    harness = await startSlackBotHarness();
  });
  afterAll(async () => {
    await harness.close();
  });

  async function blocksOf(text: string): Promise<Array<{ type: string; text?: { text: string } }>> {
    const sent = await harness.sendCommand(text);
    return (await harness.waitForAnswer(sent.responseId)).answer.blocks as Array<{
      type: string;
      text?: { text: string };
    }>;
  }

  it('a ranking says what it ranks, and nothing is asked of the PBX', async () => {
    const before = requestCount(harness.pbx);
    const blocks = await blocksOf('explain who missed the most calls yesterday?');
    expect(requestCount(harness.pbx)).toBe(before);
    expect(blocks[1]?.text?.text).toBe(
      [
        '*Window:* Sat 28 Nov 2026 (Europe/Berlin)',
        '*View:* ranking',
        '*Computes:* a ranking: top 10 extensions by missed',
        `*Command:* \`summary ${YESTERDAY} top extensions by missed 10\``,
        '*Filters:* none',
      ].join('\n'),
    );
  });

  it('a trend says how many buckets it makes', async () => {
    const blocks = await blocksOf('explain last 3 months by week');
    expect(blocks[1]?.text?.text).toContain(
      '*Computes:* a trend by week: 14 buckets (weeks start on Monday)',
    );
  });

  it('a comparison of periods shows both windows and the same-span assumption', async () => {
    const blocks = await blocksOf('explain this week vs last week');
    expect(blocks[1]?.text?.text?.split('\n').slice(0, 3)).toEqual([
      '*Window:* Mon 23 Nov 00:00 – Sun 29 Nov 2026 11:00 (Europe/Berlin) with Mon 16 Nov 00:00 – Sun 22 Nov 2026 11:00 (Europe/Berlin)',
      '*View:* compare',
      '*Computes:* a comparison of two periods, side by side',
    ]);
    expect(blocks[2]).toEqual({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: 'Assumed: "last week" compared over the same span as "this week", which runs until now: Mon 16 Nov 00:00 – Sun 22 Nov 2026 11:00 (Europe/Berlin)',
        },
      ],
    });
  });
});

describe('explain in Teams', () => {
  let bed: TeamsTestBed;
  beforeAll(async () => {
    bed = await startTeamsTestBed();
  });
  afterAll(async () => {
    await bed.close();
  });

  async function ask(text: string): Promise<Record<string, unknown>> {
    return cardOf((await bed.ask(buildPersonalMessage(bed.connector.serviceUrl, { text }))).activity);
  }

  it('answers with the explanation card and asks the PBX nothing', async () => {
    const before = requestCount(bed.pbx);
    const card = await ask('explain missed calls from last tuesday queue 800');
    expect(requestCount(bed.pbx)).toBe(before);
    expect(callLogRequests(bed.pbx)).toBe(0);
    expect(card.body).toEqual([
      {
        type: 'TextBlock',
        text: 'How I read "missed calls from last tuesday queue 800"',
        wrap: true,
        style: 'heading',
        size: 'Large',
        weight: 'Bolder',
      },
      {
        type: 'FactSet',
        facts: [
          { title: 'Window', value: 'Tue 24 Nov 2026 \\(Europe/Berlin\\)' },
          { title: 'View', value: 'summary' },
          {
            title: 'Command',
            value:
              'summary from=2026-11-24T00:00:00.000+01:00 to=2026-11-25T00:00:00.000+01:00 queue 800 missed',
          },
          { title: 'Filters', value: 'queue 800 · missed' },
        ],
      },
      {
        type: 'TextBlock',
        text: 'Assumed: "from last tuesday" read as last tuesday itself; for everything since, say "since last tuesday"',
        wrap: true,
        isSubtle: true,
        spacing: 'None',
      },
      {
        type: 'TextBlock',
        text: 'queue 800 will be looked up in the PBX directory when the report runs.',
        wrap: true,
        isSubtle: true,
        spacing: 'None',
      },
      { type: 'TextBlock', text: FOOTER, wrap: true, isSubtle: true, size: 'Small', separator: true },
    ]);
  });

  it('a comparison of extensions: the sides in the Computes fact, what both share in Filters', async () => {
    const card = await ask('explain ext 101 vs ext 102 yesterday missed');
    expect(callLogRequests(bed.pbx)).toBe(0);
    expect((card.body as Array<{ type: string; facts?: unknown }>)[1]).toEqual({
      type: 'FactSet',
      facts: [
        { title: 'Window', value: 'Sat 28 Nov 2026 \\(Europe/Berlin\\)' },
        { title: 'View', value: 'compare' },
        {
          title: 'Computes',
          value: 'a comparison of two extension sets, side by side: ext 101 with ext 102',
        },
        { title: 'Command', value: `summary ${YESTERDAY} compare ext 101 with ext 102 missed` },
        { title: 'Filters', value: 'missed' },
      ],
    });
  });

  it('words it does not understand get the usual command error card', async () => {
    const card = await ask('explain may i have the report');
    const texts = (card.body as { text: string }[]).map((block) => block.text);
    expect(texts).toEqual(['⚠️ I didn\'t understand "may" and "have".', 'Try: today']);
    expect(callLogRequests(bed.pbx)).toBe(0);
  });
});

describe('explain of a digest command in Slack', () => {
  let harness: SlackBotHarness;
  beforeAll(async () => {
    harness = await startSlackBotHarness();
  });
  afterAll(async () => {
    await harness.close();
  });

  it('explains the schedule and its words without storing or running anything', async () => {
    const sent = await harness.sendCommand('explain schedule daily 08:00 yesterday');
    const { answer } = await harness.waitForAnswer(sent.responseId);
    const section = (answer.blocks as { type: string; text?: { text: string } }[])[1];
    expect(section?.text?.text).toBe(
      [
        '*Window:* none (this command has no period)',
        '*View:* schedule',
        '*Command:* `schedule every day at 08:00 yesterday`',
        '*Filters:* none',
      ].join('\n'),
    );
    expect(callLogRequests(harness.pbx)).toBe(0);
    const listed = await harness.sendCommand('schedules');
    expect(String((await harness.waitForAnswer(listed.responseId)).answer.text)).toMatch(/no digests/i);
  });
});
