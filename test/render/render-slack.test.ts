import fc from 'fast-check';
import type { Reply, ReplyAction } from '../../src/core/reply';
import { renderSlack } from '../../src/render/render-slack';
import type { ContextBlock, SectionBlock, SlackBlock } from '../../src/render/slack-blocks';
import {
  buildActions,
  buildErrorReply,
  buildExtension,
  buildHelpReply,
  buildLargeReport,
  buildListedCall,
  buildMissedCall,
  buildReport,
  buildReportReply,
  buildRowsReply,
} from './fixtures/build-reply';
import { expectWithinSlackLimits } from './fixtures/expect-slack-limits';

const sectionTexts = (blocks: SlackBlock[]) =>
  blocks
    .filter((block): block is SectionBlock => block.type === 'section' && !!block.text)
    .map((block) => block.text!.text);

describe('renderSlack: summary', () => {
  const message = renderSlack(buildReportReply({ notes: ['Narrowed to your extension 101.'] }));

  it('sets the one-line fallback text', () => {
    expect(message.text).toBe('Mon 16 – Sun 22 Nov 2026 (Europe/Berlin): 3 calls, 2 answered, 1 missed');
  });

  it('starts with the window label as a plain-text header, then filters and notes as context', () => {
    expect(message.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Mon 16 – Sun 22 Nov 2026 (Europe/Berlin)', emoji: true },
    });
    expect(message.blocks[1]).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'Filters: ext 101\nNarrowed to your extension 101.' }],
    });
  });

  it("shows the report's key figures as fields", () => {
    expect(message.blocks[2]).toEqual({
      type: 'section',
      fields: [
        '*Calls*\n3',
        '*Inbound / outbound / internal*\n2 / 1 / 0',
        '*Answered*\n2 (67%)',
        '*Missed*\n1 (50% of inbound)',
        '*Service level*\n50%',
        '*Talk time*\n6:52',
        '*Average talk*\n3:26',
        '*Average wait*\n0:09',
        '*Longest call*\n5:00',
      ].map((text) => ({ type: 'mrkdwn', text })),
    });
  });

  it('lists extensions, queues, calls by hour and missed calls in that order', () => {
    expect(sectionTexts(message.blocks)).toEqual([
      '*Busiest extensions*\n`101` Ben Okafor · 3 calls · 1 answered · 1 missed · 1 outbound · 6:52 talk',
      '*Queues*\n`800` Sales · 2 calls · 1 answered · 1 missed · 1 abandoned (50%) · avg wait 0:09 · longest wait 0:42 · service level 50%',
      `*Calls by hour*\n\`\`\`\n09 ${'█'.repeat(20)} 1\n10 ${'█'.repeat(20)} 1\n11 ${' '.repeat(20)} 0\n12 ${' '.repeat(20)} 0\n13 ${' '.repeat(20)} 0\n14 ${'█'.repeat(20)} 1\n\`\`\``,
      '*Missed calls (1)*\n• *Fri 20 Nov 14:03* · Jane Caller (+442071234567) → 101 Ben Okafor · waited 0:42',
    ]);
  });

  it('ends with one button per action: calls_<id>, the value as given, only Share primary', () => {
    const actions = message.blocks.at(-1);
    expect(actions).toEqual({
      type: 'actions',
      elements: buildActions().map((action) => ({
        type: 'button',
        action_id: `calls_${action.id}`,
        text: { type: 'plain_text', text: action.label, emoji: true },
        value: action.value,
        ...(action.id === 'share' ? { style: 'primary' } : {}),
      })),
    });
  });

  it('leaves out a button whose value Slack would reject, and repeated ids', () => {
    const actions: ReplyAction[] = [
      { id: 'next', label: 'Next', value: 'x'.repeat(2001) },
      { id: 'missed', label: 'Missed', value: 'a' },
      { id: 'missed', label: 'Missed again', value: 'b' },
    ];
    const last = renderSlack(buildReportReply({ actions })).blocks.at(-1);
    expect(last).toEqual({
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: 'calls_missed',
          text: { type: 'plain_text', text: 'Missed', emoji: true },
          value: 'a',
        },
      ],
    });
  });

  it('has no actions block without actions', () => {
    expect(
      renderSlack(buildReportReply({ actions: [] })).blocks.some((block) => block.type === 'actions'),
    ).toBe(false);
  });
});

describe('renderSlack: focus and views', () => {
  it('puts missed calls right after the header when the focus is missed', () => {
    const blocks = renderSlack(buildReportReply({ focus: 'missed' })).blocks;
    expect(blocks.map((block) => block.type)).toEqual([
      'header',
      'context',
      'section',
      'section',
      'section',
      'section',
      'section',
      'actions',
    ]);
    expect(sectionTexts(blocks)[0]).toMatch(/^\*Missed calls \(1\)\*\n/);
    expect((blocks[3] as SectionBlock).fields).toHaveLength(9);
  });

  it('says there are no missed calls when the focus is missed and there are none', () => {
    const blocks = renderSlack(
      buildReportReply({ focus: 'missed', report: buildReport({ missedCalls: [] }) }),
    ).blocks;
    expect(sectionTexts(blocks)[0]).toBe('*Missed calls*\nNo missed calls. :tada:');
  });

  it('puts the extensions first when the focus is extensions', () => {
    expect(sectionTexts(renderSlack(buildReportReply({ focus: 'extensions' })).blocks)[0]).toMatch(
      /^\*Busiest extensions\*/,
    );
  });

  it('lists the calls in the list view', () => {
    const report = buildReport({
      calls: [
        buildListedCall({
          start: '2026-11-20T09:15:00.000+01:00',
          answered: true,
          talkSeconds: 192,
          waitSeconds: 9,
        }),
      ],
    });
    const texts = sectionTexts(renderSlack(buildReportReply({ view: 'list', report })).blocks);
    expect(texts).toEqual([
      '*Calls (1)*\n• *Fri 20 Nov 09:15* · inbound · Jane Caller (+442071234567) → 101 Ben Okafor · answered · talk 3:12 · wait 0:09',
    ]);
  });
});

describe('renderSlack: escaping', () => {
  it('escapes &, < and > in PBX- and user-provided text so no mention or link is formed', () => {
    const report = buildReport({
      byExtension: [{ ...buildExtension(1), name: 'Ops <!channel>' }],
      missedCalls: [buildMissedCall(0, { fromName: '<@U123> & co', from: '<tel:1>' })],
    });
    const message = renderSlack(
      buildReportReply({ report, notes: ['Only <b>you</b> & me'], windowLabel: 'Today <x>' }),
    );
    const json = JSON.stringify(message.blocks.filter((block) => block.type !== 'header'));
    expect(json).toContain('&lt;@U123&gt; &amp; co (&lt;tel:1&gt;)');
    expect(json).toContain('Ops &lt;!channel&gt;');
    expect(json).toContain('Only &lt;b&gt;you&lt;/b&gt; &amp; me');
    expect(json).not.toMatch(/<[@!]/);
    expect(message.text).toBe('Today &lt;x&gt;: 3 calls, 2 answered, 1 missed');
    expect(message.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Today <x>', emoji: true },
    });
  });
});

describe('renderSlack: limits', () => {
  it('keeps a report with 500 missed calls and 40 extensions within every limit and says how many were left out', () => {
    const message = renderSlack(buildReportReply({ focus: 'missed', report: buildLargeReport() }));
    expectWithinSlackLimits(message);
    const texts = sectionTexts(message.blocks);
    const missedTexts = texts.filter((text) => text.includes('• *Fri 20 Nov'));
    const shownMissed = missedTexts
      .join('\n')
      .split('\n')
      .filter((line) => line.startsWith('• ')).length;
    expect(shownMissed).toBe(40);
    expect(missedTexts.at(-1)).toMatch(/\n…and 460 more \(Export CSV for all\)$/);
    const extensions = texts.find((text) => text.startsWith('*Busiest extensions*'))!;
    expect(extensions.split('\n')).toHaveLength(12);
    expect(extensions.split('\n').at(-1)).toBe('…and 30 more (Export CSV for all)');
    expect(
      texts
        .find((text) => text.startsWith('*Queues*'))!
        .split('\n')
        .at(-1),
    ).toBe('…and 2 more (Export CSV for all)');
  });

  it('says "…and N more" without the export hint when there is no export button', () => {
    const message = renderSlack(buildReportReply({ report: buildLargeReport(), actions: [] }));
    expect(sectionTexts(message.blocks).some((text) => text.endsWith('\n…and 460 more'))).toBe(true);
  });

  it('stays within the limits with very long names, labels, notes and many buttons', () => {
    const long = (seed: string) => `${seed} ${'Ω&<'.repeat(400)}`;
    const report = buildLargeReport();
    report.byExtension = report.byExtension.map((row) => ({ ...row, name: long(row.name) }));
    report.missedCalls = report.missedCalls.map((call) => ({
      ...call,
      fromName: long(call.fromName),
      toName: long('q'),
    }));
    const message = renderSlack(
      buildReportReply({
        report,
        windowLabel: long('Label'),
        notes: Array.from({ length: 30 }, (_, index) => long(`note ${index}`)),
        actions: [...buildActions(), { id: 'next', label: long('Next'), value: 'v'.repeat(2000) }],
      }),
    );
    expectWithinSlackLimits(message);
    expect(
      sectionTexts(message.blocks).some((text) => /…and \d+ more \(Export CSV for all\)$/.test(text)),
    ).toBe(true);
  });

  it('stays within the limits for any list sizes and names (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 60 }),
        fc.string({ maxLength: 300 }),
        fc.constantFrom<'summary' | 'missed' | 'extensions'>('summary', 'missed', 'extensions'),
        (missedCount, extensionCount, name, focus) => {
          const report = buildLargeReport();
          report.missedCalls = Array.from({ length: missedCount }, (_, index) =>
            buildMissedCall(index, { fromName: name }),
          );
          report.byExtension = Array.from({ length: extensionCount }, (_, index) => ({
            ...buildExtension(index),
            name,
          }));
          expectWithinSlackLimits(renderSlack(buildReportReply({ report, focus, notes: [name] })));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('renderSlack: other replies', () => {
  it('renders an error with a warning, the hint and the reference', () => {
    const message = renderSlack(buildErrorReply({ message: 'Unknown word "<x>"', reference: 'e-7f3a' }));
    expect(message).toEqual({
      text: 'Error: Unknown word "&lt;x&gt;"',
      blocks: [
        {
          type: 'section',
          text: { type: 'mrkdwn', text: ':warning: Unknown word "&lt;x&gt;"\nTry: last week ext 101' },
        },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'Reference: e-7f3a' }] },
      ],
    });
  });

  it('renders help as sections of at most 3,000 characters', () => {
    const short = renderSlack(buildHelpReply());
    expect(short).toEqual({
      text: 'Usage: `/calls [view] [period] [filters]`',
      blocks: [
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: 'Usage: `/calls [view] [period] [filters]`\n\nExamples:\n`/calls last week ext 101`',
          },
        },
      ],
    });
    const long = renderSlack(
      buildHelpReply(
        Array.from({ length: 200 }, (_, index) => `\`calls example ${index}\` does a thing`).join('\n'),
      ),
    );
    expect(long.blocks.length).toBeGreaterThan(1);
    expectWithinSlackLimits(long);
  });

  it('renders rows: header, count, a preview table in a code block, and the export button', () => {
    const message = renderSlack(buildRowsReply());
    expect(message.text).toBe('Fri 20 Nov 2026 (Europe/Berlin): 1,234 rows');
    expect(message.blocks.map((block) => block.type)).toEqual([
      'header',
      'section',
      'section',
      'context',
      'actions',
    ]);
    expect(sectionTexts(message.blocks)).toEqual([
      '*1,234 rows*',
      [
        '```',
        'SegmentId  StartTime             SourceDn  SourceCallerId  Answered',
        '1          2026-11-20T13:03:11Z  10000     +442071234567   false',
        '2          2026-11-20T13:03:20Z  800                       true',
        '```',
      ].join('\n'),
    ]);
    expect((message.blocks[3] as ContextBlock).elements[0]!.text).toBe(
      'Preview of the first 2 of 1,234 rows.',
    );
  });

  it('renders a notice as a section with the same fallback text', () => {
    const reply: Reply = { kind: 'notice', text: 'Scheduled: every weekday at 8:00' };
    expect(renderSlack(reply)).toEqual({
      text: 'Scheduled: every weekday at 8:00',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Scheduled: every weekday at 8:00' } }],
    });
  });
});
