import { type ParseContext, parseCommand } from '../../src/commands/parse-command';
import type { ReplyAction, ReportReply } from '../../src/core/reply';
import type { ReportRequest } from '../../src/core/report-request';
import { renderSlack } from '../../src/render/render-slack';
import { renderTeams } from '../../src/render/render-teams';
import { renderText } from '../../src/render/render-text';
import { composeReportReply } from '../../src/report/compose-reply';
import { buildErrorReply, buildReport, buildRowsReply } from './fixtures/build-reply';

/** Wed 25 Nov 2026, 11:00 in Berlin. */
const CONTEXT: ParseContext = { now: new Date('2026-11-25T10:00:00Z'), timeZone: 'Europe/Berlin' };

function requestFor(words: string, extra: Partial<ParseContext> = {}): ReportRequest {
  const parsed = parseCommand(words, { ...CONTEXT, ...extra });
  if (!parsed.ok) throw parsed.error;
  return parsed.request;
}

/** The reply the service composes: the report carries the request's assumptions (as ReportService sets them). */
function replyFor(words: string, extra: Partial<ParseContext> = {}): ReportReply {
  const request = requestFor(words, extra);
  return composeReportReply(request, buildReport({ assumptions: request.assumptions }));
}

const CASES = [
  {
    words: '3/11',
    locale: 'en-GB',
    window: 'Tue 3 Nov 2026 (Europe/Berlin)',
    assumed: [
      'Assumed: 3/11 read day-first from your locale en-GB',
      'Assumed: 3/11 read as Tue 3 Nov 2026, the latest not in the future',
    ],
  },
  {
    words: 'friday',
    window: 'Fri 20 Nov 2026 (Europe/Berlin)',
    assumed: ['Assumed: friday read as Fri 20 Nov 2026, the most recent one'],
  },
  {
    words: 'calls from last tuesday',
    window: 'Tue 24 Nov 2026 (Europe/Berlin)',
    assumed: [
      'Assumed: "from last tuesday" read as last tuesday itself; for everything since, say "since last tuesday"',
    ],
  },
  {
    words: 'week 47',
    window: 'Mon 16 – Sun 22 Nov 2026 (Europe/Berlin)',
    assumed: ['Assumed: week 47 is ISO week 47, Monday to Sunday (whatever WEEK_START is)'],
  },
] as const;

describe('assumptions in a report reply', () => {
  it.each(CASES)('Slack: "$words" has a context block of its assumptions right under the window', (entry) => {
    const locale = 'locale' in entry ? { locale: entry.locale } : {};
    const { blocks } = renderSlack(replyFor(entry.words, locale));
    expect(blocks.slice(0, 3)).toEqual([
      { type: 'header', text: { type: 'plain_text', text: entry.window, emoji: true } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: entry.assumed.join('\n') }] },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Filters: ext 101' }] },
    ]);
  });

  it.each(CASES)('Teams: "$words" has a subtle text block per assumption under the heading', (entry) => {
    const locale = 'locale' in entry ? { locale: entry.locale } : {};
    const card = renderTeams(replyFor(entry.words, locale));
    const escaped = (text: string) => text.replace(/[()_]/g, '\\$&');
    expect(card.body.slice(0, entry.assumed.length + 2)).toEqual([
      {
        type: 'TextBlock',
        text: entry.window,
        wrap: true,
        style: 'heading',
        size: 'Large',
        weight: 'Bolder',
      },
      ...entry.assumed.map((text) => ({
        type: 'TextBlock',
        text: escaped(text),
        wrap: true,
        isSubtle: true,
        spacing: 'None',
      })),
      { type: 'TextBlock', text: 'Filters: ext 101', wrap: true, isSubtle: true, spacing: 'None' },
    ]);
  });

  it.each(CASES)('the terminal: "$words" lists its assumptions under the window', (entry) => {
    const locale = 'locale' in entry ? { locale: entry.locale } : {};
    const lines = renderText(replyFor(entry.words, locale)).split('\n');
    expect(lines.slice(0, entry.assumed.length + 2)).toEqual([
      entry.window,
      ...entry.assumed,
      'Filters: ext 101',
    ]);
  });

  it('says nothing more when the words said it all', () => {
    const reply = replyFor('last week');
    expect(renderSlack(reply).blocks.slice(0, 2)).toEqual([
      {
        type: 'header',
        text: { type: 'plain_text', text: 'Mon 16 – Sun 22 Nov 2026 (Europe/Berlin)', emoji: true },
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Filters: ext 101' }] },
    ]);
    expect(renderText(reply)).not.toContain('Assumed');
  });

  it('escapes what the asker typed in Slack and Teams', () => {
    const reply = composeReportReply(
      requestFor('friday'),
      buildReport({ assumptions: [{ code: 'name', text: '"<@U1> *ben*" is ext 101 (Ben Okafor)' }] }),
    );
    expect(renderSlack(reply).blocks[1]).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'Assumed: "&lt;@U1&gt; *ben*" is ext 101 (Ben Okafor)' }],
    });
    expect(renderTeams(reply).body[1]).toMatchObject({
      text: 'Assumed: "‹@U1› \\*ben\\*" is ext 101 \\(Ben Okafor\\)',
      isSubtle: true,
    });
  });
});

describe('assumptions in a rows reply', () => {
  const reply = buildRowsReply({
    assumptions: requestFor('rows friday').assumptions,
    notes: ['The file holds the first 5 rows.'],
  });

  it('Slack: the same context block under the window, before the notes', () => {
    expect(renderSlack(reply).blocks.slice(0, 3)).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'Fri 20 Nov 2026 (Europe/Berlin)', emoji: true } },
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: 'Assumed: friday read as Fri 20 Nov 2026, the most recent one' }],
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'The file holds the first 5 rows.' }] },
    ]);
  });

  it('Teams and the terminal: a line under the window', () => {
    expect(renderTeams(reply).body[1]).toEqual({
      type: 'TextBlock',
      text: 'Assumed: friday read as Fri 20 Nov 2026, the most recent one',
      wrap: true,
      isSubtle: true,
      spacing: 'None',
    });
    expect(renderText(reply).split('\n').slice(0, 3)).toEqual([
      'Fri 20 Nov 2026 (Europe/Berlin)',
      'Assumed: friday read as Fri 20 Nov 2026, the most recent one',
      'The file holds the first 5 rows.',
    ]);
  });
});

describe('an error with choices (an ambiguous name)', () => {
  const choices: ReplyAction[] = [
    {
      id: 'summary',
      key: '101',
      label: 'ext 101 (Ben Okafor)',
      value: '{"v":1,"c":"summary ext 101","f":"summary"}',
    },
    {
      id: 'summary',
      key: '105',
      label: 'ext 105 (Ben Smith)',
      value: '{"v":1,"c":"summary ext 105","f":"summary"}',
    },
  ];
  const reply = buildErrorReply({
    message: '"ben" is more than one person.',
    hint: 'Try: ext 101',
    actions: choices,
  });

  it('Slack: one button per candidate, told apart by their action_id', () => {
    expect(renderSlack(reply).blocks).toEqual([
      {
        type: 'section',
        text: { type: 'mrkdwn', text: ':warning: "ben" is more than one person.\nTry: ext 101' },
      },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: 'calls_summary.101',
            text: { type: 'plain_text', text: 'ext 101 (Ben Okafor)', emoji: true },
            value: choices[0]!.value,
          },
          {
            type: 'button',
            action_id: 'calls_summary.105',
            text: { type: 'plain_text', text: 'ext 105 (Ben Smith)', emoji: true },
            value: choices[1]!.value,
          },
        ],
      },
    ]);
  });

  it('Teams: one Action.Submit per candidate, each sending its command', () => {
    expect(renderTeams(reply).actions).toEqual([
      {
        type: 'Action.Submit',
        title: 'ext 101 (Ben Okafor)',
        data: { action: 'summary', value: choices[0]!.value },
      },
      {
        type: 'Action.Submit',
        title: 'ext 105 (Ben Smith)',
        data: { action: 'summary', value: choices[1]!.value },
      },
    ]);
  });
});
