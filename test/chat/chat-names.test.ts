import { decodeActionValue } from '../../src/chat/action-value';
import { readCommand } from '../../src/chat/read-command';
import type { Directory } from '../../src/core/directory';
import {
  buttonOf,
  findButtons,
  type SlackBotHarness,
  startSlackBotHarness,
} from '../helpers/slack-bot-harness';
import { buildButtonSubmit, buildPersonalMessage } from '../helpers/teams-activities';
import { cardOf, submitAction, textsOf } from '../helpers/teams-card';
import { startTeamsTestBed, type TeamsTestBed } from '../helpers/teams-test-bed';
import { serveTwoBens } from '../helpers/two-bens-directory';

/**
 * People by name in real reports: the name is looked up in the PBX directory (the demo company:
 * Ben Okafor is ext 101), the reply writes it back, and buttons store `ext N`. Numbers the PBX does
 * not have are named. Both clocks: Sun 29 Nov 2026, 11:00 in Berlin.
 */

type Message = Record<string, unknown>;
type Block = { type: string; text?: { text: string }; elements?: { text: string }[] };

const YESTERDAY = 'Sat 28 Nov 2026 (Europe/Berlin)';

describe('names and numbers in Slack reports', () => {
  let harness: SlackBotHarness;
  beforeAll(async () => {
    harness = await startSlackBotHarness();
  });
  afterAll(async () => {
    await harness.close();
  });

  async function answerTo(text: string): Promise<Message> {
    const sent = await harness.sendCommand(text);
    return (await harness.waitForAnswer(sent.responseId)).answer;
  }

  it.each(['calls for ben yesterday', "ben's calls yesterday", 'yesterday ben okafor'])(
    '"%s" is the report of ext 101, written back with the name, its buttons storing ext 101',
    async (words) => {
      const byName = await answerTo(words);
      const byNumber = await answerTo('yesterday ext 101');
      const blocks = byName.blocks as Block[];
      const typed = words.includes('okafor') ? 'ben okafor' : 'ben';
      expect(blocks.slice(0, 3)).toEqual([
        { type: 'header', text: { type: 'plain_text', text: YESTERDAY, emoji: true } },
        {
          type: 'context',
          elements: [{ type: 'mrkdwn', text: `Assumed: "${typed}" is ext 101 (Ben Okafor)` }],
        },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'Filters: ext 101' }] },
      ]);
      // The same figures and the same buttons as asking for ext 101 by number.
      expect(byName.text).toBe(byNumber.text);
      expect(blocks.slice(2)).toEqual((byNumber.blocks as Block[]).slice(1));
      for (const button of findButtons(byName)) {
        const command = decodeActionValue(button.value)?.command ?? '';
        expect(command).toMatch(/ ext 101( |$)/);
        expect(command).not.toMatch(/ben/i);
      }
    },
  );

  it('a name not in the directory is said plainly', async () => {
    const answer = await answerTo('calls for zed yesterday');
    expect(answer.blocks).toEqual([
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: ':warning: "zed" is not a name in the PBX directory.\nTry: yesterday',
        },
      },
    ]);
  });

  it('an extension the PBX does not have is named, and the report is still shown', async () => {
    const answer = await answerTo('yesterday ext 555');
    const blocks = answer.blocks as Block[];
    expect(blocks.slice(0, 3)).toEqual([
      { type: 'header', text: { type: 'plain_text', text: YESTERDAY, emoji: true } },
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: 'Filters: ext 555\next 555 is not an extension on this PBX.' }],
      },
      { type: 'section', text: { type: 'mrkdwn', text: 'No calls in this window.' } },
    ]);
  });

  it('a queue the PBX does not have, and an extension asked for as a queue, are named', async () => {
    const answer = await answerTo('yesterday queue 900,101');
    expect((answer.blocks as Block[])[1]).toEqual({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: [
            'Filters: queue 101,900',
            'queue 101 is not a queue on this PBX: 101 is the extension of Ben Okafor, so say ext 101.',
            'queue 900 is not a queue on this PBX.',
          ].join('\n'),
        },
      ],
    });
  });

  it('known numbers get no note', async () => {
    const answer = await answerTo('yesterday ext 101 queue 800');
    expect((answer.blocks as Block[])[1]).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'Filters: ext 101 · queue 800' }],
    });
  });
});

describe('an ambiguous name in Slack', () => {
  let harness: SlackBotHarness;
  beforeAll(async () => {
    harness = await startSlackBotHarness();
    serveTwoBens(harness.pbx);
  });
  afterAll(async () => {
    await harness.close();
  });

  it('lists the candidates as buttons, each running the command with its ext', async () => {
    const sent = await harness.sendCommand('missed calls for ben yesterday');
    const { answer } = await harness.waitForAnswer(sent.responseId);
    expect((answer.blocks as Block[])[0]).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: ':warning: "ben" is more than one person: ext 101 (Ben Okafor), ext 102 (Ben Durand). Say which, e.g. "ext 101" or "ext 102".\nTry: missed ext 101 yesterday',
      },
    });
    expect(findButtons(answer).map((button) => [button.action_id, button.text.text])).toEqual([
      ['calls_summary.101', 'ext 101 (Ben Okafor)'],
      ['calls_summary.102', 'ext 102 (Ben Durand)'],
    ]);
    const chosen = buttonOf(answer, 'calls_summary.102');
    expect(decodeActionValue(chosen.value)).toEqual({
      command: 'summary from=2026-11-28T00:00:00.000+01:00 to=2026-11-29T00:00:00.000+01:00 ext 102 missed',
      focus: 'missed',
    });
    const result = await harness.click({
      actionId: chosen.action_id,
      value: chosen.value,
      responseId: 'pick-102',
      isEphemeral: true,
    });
    expect(result).toEqual({ status: 200, body: '' });
    const report = (await harness.waitForAnswer('pick-102')).answer;
    expect(report).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    const blocks = report.blocks as Block[];
    expect(blocks[0]?.text?.text).toBe(YESTERDAY);
    expect(blocks[1]).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'Filters: ext 102 · missed' }],
    });
    expect(blocks[2]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: 'No missed calls in this window.' },
    });
  });
});

describe('names and numbers in Teams', () => {
  let bed: TeamsTestBed;
  beforeAll(async () => {
    bed = await startTeamsTestBed();
  });
  afterAll(async () => {
    await bed.close();
  });

  async function ask(text: string): Promise<Message> {
    return cardOf((await bed.ask(buildPersonalMessage(bed.connector.serviceUrl, { text }))).activity);
  }

  it('a name is written back under the heading, and the figures are ext 101’s', async () => {
    const byName = await ask('calls for ben yesterday');
    const byNumber = await ask('yesterday ext 101');
    expect(textsOf(byName).slice(0, 3)).toEqual([
      YESTERDAY,
      'Assumed: "ben" is ext 101 \\(Ben Okafor\\)',
      'Filters: ext 101',
    ]);
    expect((byName.body as unknown[]).slice(2)).toEqual((byNumber.body as unknown[]).slice(1));
    expect(byName.actions).toEqual(byNumber.actions);
  });

  it('an extension the PBX does not have is named under the filters', async () => {
    const card = await ask('yesterday ext 555');
    expect(textsOf(card).slice(0, 4)).toEqual([
      YESTERDAY,
      'Filters: ext 555',
      'ext 555 is not an extension on this PBX.',
      'No calls in this window.',
    ]);
  });
});

describe('an ambiguous name in Teams', () => {
  let bed: TeamsTestBed;
  beforeAll(async () => {
    bed = await startTeamsTestBed();
    serveTwoBens(bed.pbx);
  });
  afterAll(async () => {
    await bed.close();
  });

  it('offers an Action.Submit per candidate, which runs the report of that ext', async () => {
    const card = cardOf(
      (await bed.ask(buildPersonalMessage(bed.connector.serviceUrl, { text: 'calls for ben yesterday' })))
        .activity,
    );
    expect(textsOf(card)[0]).toBe(
      '⚠️ "ben" is more than one person: ext 101 \\(Ben Okafor\\), ext 102 \\(Ben Durand\\). Say which, e.g. "ext 101" or "ext 102".',
    );
    expect(card.actions).toEqual([
      expect.objectContaining({ type: 'Action.Submit', title: 'ext 101 (Ben Okafor)' }),
      expect.objectContaining({ type: 'Action.Submit', title: 'ext 102 (Ben Durand)' }),
    ]);
    const second = (card.actions as { data: { action: string; value: string } }[])[1]!;
    expect(decodeActionValue(second.data.value)?.command).toBe(
      'summary from=2026-11-28T00:00:00.000+01:00 to=2026-11-29T00:00:00.000+01:00 ext 102',
    );
    const answer = cardOf((await bed.ask(buildButtonSubmit(bed.connector.serviceUrl, second.data))).activity);
    expect(textsOf(answer).slice(0, 2)).toEqual([YESTERDAY, 'Filters: ext 102']);
    expect(submitAction(answer, 'missed').title).toBe('Missed calls');
  });
});

describe('when the PBX directory cannot be loaded', () => {
  let harness: SlackBotHarness;
  beforeAll(async () => {
    harness = await startSlackBotHarness();
    harness.pbx.misbehave({ endpoint: 'users', status: 403, times: Number.MAX_SAFE_INTEGER });
  });
  afterAll(async () => {
    await harness.close();
  });

  async function answerTo(text: string): Promise<Message> {
    const sent = await harness.sendCommand(text);
    return (await harness.waitForAnswer(sent.responseId)).answer;
  }

  it('words that did not read keep their own error', async () => {
    expect((await answerTo('foo yesterday')).blocks).toEqual([
      {
        type: 'section',
        text: { type: 'mrkdwn', text: ':warning: I didn\'t understand "foo".\nTry: yesterday' },
      },
    ]);
  });

  it('a typo does not ask for the directory at all', async () => {
    const asked = harness.pbx.requests.filter((entry) => entry.endpoint === 'users').length;
    const answer = await answerTo('yesterdy');
    expect(JSON.stringify(answer.blocks)).toContain('did you mean');
    expect(harness.pbx.requests.filter((entry) => entry.endpoint === 'users').length).toBe(asked);
  });

  it('a name is never reported as everyone: the PBX failure is the answer', async () => {
    const answer = await answerTo('calls for ben yesterday');
    const blocks = answer.blocks as Block[];
    expect(blocks[0]?.type).toBe('section');
    expect(blocks[0]?.text?.text).toMatch(/^:warning: /);
    expect(blocks.some((block) => block.type === 'header')).toBe(false);
  });
});

describe('names on the sides of a comparison (readCommand)', () => {
  const context = { now: new Date('2026-11-29T10:00:00Z'), timeZone: 'Europe/Berlin', locale: 'en-GB' };
  const people = (users: Array<[string, string, string]>): Directory => ({
    users: users.map(([number, firstName, lastName]) => ({ number, firstName, lastName })),
    queues: [],
  });
  const company = people([
    ['101', 'Ben', 'Okafor'],
    ['102', 'Chloé', 'Durand'],
  ]);

  it('"ben vs chloe" loads the directory once and compares ext 101 with ext 102', async () => {
    let loads = 0;
    const reading = await readCommand('ben vs chloe yesterday', context, async () => {
      loads++;
      return company;
    });
    expect(loads).toBe(1);
    if (!reading.ok) throw reading.error;
    expect(reading.request.comparison?.sides.map((side) => side.filters.extensions)).toEqual([
      ['101'],
      ['102'],
    ]);
    expect(reading.request.names).toEqual([]);
  });

  it('an ambiguous side offers a button per candidate, each the whole comparison with that ext', async () => {
    const twoBens = people([
      ['101', 'Ben', 'Okafor'],
      ['102', 'Ben', 'Durand'],
      ['104', 'Emma', 'Nowak'],
    ]);
    const reading = await readCommand('compare ben with emma yesterday', context, async () => twoBens);
    if (reading.ok) throw new Error('an ambiguous name was read');
    expect(reading.error.message).toBe(
      '"ben" is more than one person: ext 101 (Ben Okafor), ext 102 (Ben Durand). Say which, e.g. "ext 101" or "ext 102".',
    );
    expect(reading.choices.map((choice) => [choice.label, decodeActionValue(choice.value)?.command])).toEqual(
      [
        [
          'ext 101 (Ben Okafor)',
          'summary from=2026-11-28T00:00:00.000+01:00 to=2026-11-29T00:00:00.000+01:00 compare ext 101 with ext 104',
        ],
        [
          'ext 102 (Ben Durand)',
          'summary from=2026-11-28T00:00:00.000+01:00 to=2026-11-29T00:00:00.000+01:00 compare ext 102 with ext 104',
        ],
      ],
    );
  });

  it('a side that names nobody in the directory is said plainly', async () => {
    const reading = await readCommand('ben vs zed', context, async () => company);
    expect(reading.ok ? 'read' : reading.error.message).toBe('"zed" is not a name in the PBX directory.');
  });
});
