import type { ExplainReply } from '../../src/core/reply';
import { renderSlack } from '../../src/render/render-slack';
import { renderTeams } from '../../src/render/render-teams';
import { renderText } from '../../src/render/render-text';

const COMMAND = 'summary from=2026-11-28T00:00:00.000+01:00 to=2026-11-29T00:00:00.000+01:00';

function buildExplainReply(overrides: Partial<ExplainReply> = {}): ExplainReply {
  return {
    kind: 'explain',
    words: 'calls for ben yesterday ext 555',
    view: 'summary',
    windowLabel: 'Sat 28 Nov 2026 (Europe/Berlin)',
    command: `${COMMAND} ext 555`,
    filters: { extensions: ['555'], queues: [], numbers: [], directions: [], status: null },
    names: ['ben'],
    assumptions: [{ code: 'name-lookup', text: '"ben" will be looked up in the PBX directory' }],
    notes: ['ext 555 will be looked up in the PBX directory when the report runs.'],
    ...overrides,
  };
}

describe('the explain view', () => {
  it('Slack: a header, the facts (the command as code), the assumptions and notes, and the footer', () => {
    const message = renderSlack(buildExplainReply());
    expect(message.text).toBe(
      'How I read "calls for ben yesterday ext 555": Sat 28 Nov 2026 (Europe/Berlin)',
    );
    expect(message.blocks).toEqual([
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
            `*Command:* \`${COMMAND} ext 555\``,
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
      {
        type: 'context',
        elements: [
          { type: 'mrkdwn', text: 'Nothing was run: send the words without "explain" for the report.' },
        ],
      },
    ]);
  });

  it('Teams: a heading, a fact set, subtle remarks and a small footer', () => {
    const card = renderTeams(buildExplainReply());
    expect(card.body).toEqual([
      {
        type: 'TextBlock',
        text: 'How I read "calls for ben yesterday ext 555"',
        wrap: true,
        style: 'heading',
        size: 'Large',
        weight: 'Bolder',
      },
      {
        type: 'FactSet',
        facts: [
          { title: 'Window', value: 'Sat 28 Nov 2026 \\(Europe/Berlin\\)' },
          { title: 'View', value: 'summary' },
          { title: 'Command', value: `${COMMAND} ext 555` },
          { title: 'Filters', value: 'ext 555' },
          { title: 'Names to look up', value: 'ben' },
        ],
      },
      {
        type: 'TextBlock',
        text: 'Assumed: "ben" will be looked up in the PBX directory',
        wrap: true,
        isSubtle: true,
        spacing: 'None',
      },
      {
        type: 'TextBlock',
        text: 'ext 555 will be looked up in the PBX directory when the report runs.',
        wrap: true,
        isSubtle: true,
        spacing: 'None',
      },
      {
        type: 'TextBlock',
        text: 'Nothing was run: send the words without "explain" for the report.',
        wrap: true,
        isSubtle: true,
        size: 'Small',
        separator: true,
      },
    ]);
    expect(card.actions).toBeUndefined();
  });

  it('the terminal: one line per fact, then the remarks and the footer', () => {
    expect(renderText(buildExplainReply()).split('\n')).toEqual([
      'How I read "calls for ben yesterday ext 555"',
      'Window: Sat 28 Nov 2026 (Europe/Berlin)',
      'View: summary',
      `Command: ${COMMAND} ext 555`,
      'Filters: ext 555',
      'Names to look up: ben',
      'Assumed: "ben" will be looked up in the PBX directory',
      'ext 555 will be looked up in the PBX directory when the report runs.',
      '',
      'Nothing was run: send the words without "explain" for the report.',
    ]);
  });

  it('help has no window, and nothing to look up leaves those lines out', () => {
    const reply = buildExplainReply({
      words: 'help',
      view: 'help',
      windowLabel: null,
      command: 'help',
      filters: { extensions: [], queues: [], numbers: [], directions: [], status: null },
      names: [],
      assumptions: [],
      notes: [],
    });
    expect(renderText(reply).split('\n')).toEqual([
      'How I read "help"',
      'Window: none (this command has no period)',
      'View: help',
      'Command: help',
      'Filters: none',
      '',
      'Nothing was run: send the words without "explain" for the report.',
    ]);
    expect(renderSlack(reply).blocks.map((block) => block.type)).toEqual(['header', 'section', 'context']);
  });

  it('escapes the words as typed in Slack and Teams', () => {
    const reply = buildExplainReply({ words: '<!channel> *ben*', command: 'summary `x`' });
    const slack = renderSlack(reply);
    expect(slack.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'How I read "<!channel> *ben*"', emoji: true },
    });
    expect(JSON.stringify(slack.blocks[1])).toContain("*Command:* `summary 'x'`");
    expect(slack.text).toBe('How I read "&lt;!channel&gt; *ben*": Sat 28 Nov 2026 (Europe/Berlin)');
    expect(renderTeams(reply).body[0]).toMatchObject({ text: 'How I read "‹!channel› \\*ben\\*"' });
  });
});
