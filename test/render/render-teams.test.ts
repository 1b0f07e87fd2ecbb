import { REPLY_ACTION_IDS } from '../../src/chat/reply-action-ids';
import { usageText } from '../../src/commands/usage';
import {
  type ColumnSet,
  type Container,
  type FactSet,
  measureCardBytes,
  TEAMS_CARD_MAX_BYTES,
  type TextBlock,
  type VerticalBarChart,
} from '../../src/render/adaptive-card';
import { renderTeams, teamsSummaryText } from '../../src/render/render-teams';
import {
  buildActions,
  buildErrorReply,
  buildExtension,
  buildHelpReply,
  buildLargeReport,
  buildListedCall,
  buildMissedCall,
  buildOutboundCall,
  buildReport,
  buildReportReply,
  buildRowsReply,
} from './fixtures/build-reply';
import { bodyTexts, figureListAfter, isColumnSet, rowTexts, textOf } from './fixtures/read-teams-card';

const TEAMS_LIMIT_BYTES = 28 * 1024;

/** A section title as the card shows it: bold, medium, with a line above. */
const sectionTitleBlock = (text: string): TextBlock => ({
  type: 'TextBlock',
  text,
  wrap: true,
  weight: 'Bolder',
  size: 'Medium',
  separator: true,
  spacing: 'Medium',
});

describe('renderTeams: summary', () => {
  const card = renderTeams(buildReportReply({ notes: ['Narrowed to your extension 101.'] }));

  it('is an Adaptive Card 1.5 with the summary as fallback text', () => {
    expect(card.type).toBe('AdaptiveCard');
    expect(card.$schema).toBe('http://adaptivecards.io/schemas/adaptive-card.json');
    expect(card.version).toBe('1.5');
    expect(card.fallbackText).toBe('Mon 16 – Sun 22 Nov 2026 (Europe/Berlin): 3 calls, 2 answered, 1 missed');
  });

  it('starts with the window label as a heading, then filters and notes', () => {
    expect(card.body.slice(0, 3)).toEqual([
      {
        type: 'TextBlock',
        text: 'Mon 16 – Sun 22 Nov 2026 (Europe/Berlin)',
        wrap: true,
        style: 'heading',
        size: 'Large',
        weight: 'Bolder',
      },
      { type: 'TextBlock', text: 'Filters: ext 101', wrap: true, isSubtle: true, spacing: 'None' },
      {
        type: 'TextBlock',
        text: 'Narrowed to your extension 101.',
        wrap: true,
        isSubtle: true,
        spacing: 'None',
      },
    ]);
  });

  it("shows the report's key figures as a FactSet", () => {
    expect(card.body[3]).toEqual({
      type: 'FactSet',
      facts: [
        { title: 'Calls', value: '3' },
        { title: 'Inbound / outbound / internal', value: '2 / 1 / 0' },
        { title: 'Answered', value: '2 (67%)' },
        { title: 'Missed', value: '1 (50% of inbound)' },
        { title: 'Service level', value: '50%' },
        { title: 'Talk time', value: '6:52' },
        { title: 'Average talk', value: '3:26' },
        { title: 'Average wait', value: '0:09' },
        { title: 'Longest call', value: '5:00' },
      ],
    });
  });

  it('shows extensions as a figure list: headers once, each name on its own line, its figures under them', () => {
    const start = card.body.findIndex((element) => textOf(element) === 'Busiest extensions');
    const cell = (text: string, width: number, bold = false) => ({
      type: 'Column',
      width,
      items: [
        {
          type: 'TextBlock',
          text,
          wrap: true,
          horizontalAlignment: 'Right',
          ...(bold ? { weight: 'Bolder' } : {}),
        },
      ],
    });
    // Each column weighs as much as its longest text (header word or figure), so none is cut.
    const widths = [5, 8, 6, 8, 4];
    expect(card.body.slice(start, start + 4)).toEqual([
      sectionTitleBlock('Busiest extensions'),
      {
        type: 'ColumnSet',
        columns: ['Calls', 'Answered', 'Missed', 'Outbound', 'Talk'].map((text, index) =>
          cell(text, widths[index]!, true),
        ),
      },
      { type: 'TextBlock', text: '101 Ben Okafor', wrap: true, spacing: 'Small', separator: true },
      {
        type: 'ColumnSet',
        spacing: 'None',
        columns: ['3', '1', '1', '1', '6:52'].map((text, index) => cell(text, widths[index]!)),
      },
    ]);
  });

  it('shows queues the same way, their eight figures on two rows under two header rows', () => {
    expect(figureListAfter(card, 'Queues')).toEqual({
      headers: [
        'Calls',
        'Answered',
        'Missed',
        'Abandoned',
        'Abandon rate',
        'Avg wait',
        'Longest wait',
        'Service level',
      ],
      entries: [{ label: '800 Sales', figures: ['2', '1', '1', '1', '50%', '0:09', '0:42', '50%'] }],
    });
    const start = card.body.findIndex((element) => textOf(element) === 'Queues');
    expect(card.body.slice(start + 1, start + 6).map((element) => element.type)).toEqual([
      'ColumnSet',
      'ColumnSet',
      'TextBlock',
      'ColumnSet',
      'ColumnSet',
    ]);
    expect(card.body.some((element) => (element.type as string) === 'Table')).toBe(false);
  });

  it('weighs a column by its longest figure when that is longer than the header', () => {
    const report = buildReport({
      byExtension: [{ ...buildExtension(1), calls: 12345, talkSeconds: 3_600_000 }],
    });
    const shown = renderTeams(buildReportReply({ report }));
    const start = shown.body.findIndex((element) => textOf(element) === 'Busiest extensions');
    const header = shown.body[start + 1] as ColumnSet;
    expect(header.columns.map((column) => column.width)).toEqual([6, 8, 6, 8, 10]);
    expect(figureListAfter(shown, 'Busiest extensions').entries).toEqual([
      { label: '101 Agent Number 1', figures: ['12,345', '79', '10', '10', '1000:00:00'] },
    ]);
  });

  it('shows calls by hour as a vertical bar chart with a text fallback', () => {
    const chart = card.body.find(
      (element): element is VerticalBarChart => element.type === 'Chart.VerticalBar',
    )!;
    expect(chart.title).toBe('Calls by hour');
    expect(chart.data).toEqual([
      { x: '09', y: 1 },
      { x: '10', y: 1 },
      { x: '11', y: 0 },
      { x: '12', y: 0 },
      { x: '13', y: 0 },
      { x: '14', y: 1 },
    ]);
    const fallback = chart.fallback as Container;
    expect(fallback.type).toBe('Container');
    expect(fallback.items.map(textOf)).toEqual([
      'Calls by hour',
      `09 ${'█'.repeat(20)} 1`,
      `10 ${'█'.repeat(20)} 1`,
      '11                      0',
      '12                      0',
      '13                      0',
      `14 ${'█'.repeat(20)} 1`,
    ]);
  });

  it('lists missed calls last, as facts', () => {
    expect(card.body.slice(-2)).toEqual([
      sectionTitleBlock('Missed calls (1)'),
      {
        type: 'FactSet',
        facts: [
          {
            title: 'Fri 20 Nov 14:03',
            value: 'Jane Caller \\(+442071234567\\) → 101 Ben Okafor · waited 0:42',
          },
        ],
      },
    ]);
  });

  it('has one Action.Submit per action carrying { action, value }', () => {
    expect(card.actions).toEqual(
      buildActions().map((action) => ({
        type: 'Action.Submit',
        title: action.label,
        data: { action: action.id, value: action.value },
        ...(action.id === 'share' ? { style: 'positive' } : {}),
      })),
    );
  });

  it('puts buttons beyond the sixth in the overflow menu', () => {
    const actions = REPLY_ACTION_IDS.map((id) => ({ id, label: id, value: `v-${id}` }));
    expect(actions).toHaveLength(9);
    const buttons = renderTeams(buildReportReply({ actions })).actions!;
    expect(buttons.map((button) => button.mode)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      'secondary',
      'secondary',
      'secondary',
    ]);
  });
});

describe('renderTeams: focus and views', () => {
  it('puts missed calls right after the heading when the focus is missed', () => {
    const card = renderTeams(buildReportReply({ focus: 'missed' }));
    expect(bodyTexts(card).slice(0, 3)).toEqual([
      'Mon 16 – Sun 22 Nov 2026 (Europe/Berlin)',
      'Filters: ext 101',
      'Missed calls (1)',
    ]);
    expect(card.body.map((element) => element.type).slice(2, 5)).toEqual(['TextBlock', 'FactSet', 'FactSet']);
  });

  it('puts the extensions first when the focus is extensions', () => {
    const card = renderTeams(buildReportReply({ focus: 'extensions' }));
    expect(textOf(card.body[2])).toBe('Busiest extensions');
    expect(rowTexts(card.body[3])).toEqual(['Calls', 'Answered', 'Missed', 'Outbound', 'Talk']);
  });

  it('lists calls in the list view', () => {
    const report = buildReport({ calls: [buildOutboundCall()] });
    const card = renderTeams(buildReportReply({ view: 'list', report }));
    expect(card.body.slice(-2)).toEqual([
      sectionTitleBlock('Calls (1)'),
      {
        type: 'FactSet',
        facts: [
          { title: 'Fri 20 Nov 09:15', value: 'outbound · Ben Okafor \\(101\\) → +4930123456 · no answer' },
        ],
      },
    ]);
    expect(card.body.some(isColumnSet)).toBe(false);
  });
});

describe('renderTeams: escaping', () => {
  const evil = '[click](http://evil.example)';
  const escapedEvil = '\\[click\\]\\(http://evil.example\\)';

  it('escapes caller, extension and queue names so that no link or formatting forms', () => {
    const report = buildReport({
      byExtension: [{ ...buildExtension(1), name: '**boss**' }],
      byQueue: [
        {
          queue: '800',
          name: '_Sales_ <at>All</at>',
          calls: 1,
          answered: 1,
          missed: 0,
          avgWaitSeconds: 3,
          abandoned: 0,
          abandonRatePercent: 0,
          longestWaitSeconds: 3,
          serviceLevelPercent: 100,
        },
      ],
      missedCalls: [buildMissedCall(0, { fromName: evil, toName: '**boss**' })],
    });
    const card = renderTeams(buildReportReply({ report }));
    expect(figureListAfter(card, 'Busiest extensions').entries[0]?.label).toBe('101 \\*\\*boss\\*\\*');
    expect(figureListAfter(card, 'Queues').entries[0]?.label).toBe('800 \\_Sales\\_ ‹at›All‹/at›');
    expect((card.body.at(-1) as FactSet).facts).toEqual([
      {
        title: 'Fri 20 Nov 17:59',
        value: `${escapedEvil} \\(+442071200000\\) → 800 \\*\\*boss\\*\\* · waited 0:30`,
      },
    ]);
    const json = JSON.stringify(card);
    expect(json).not.toContain(evil);
    expect(json).not.toContain('**boss**');
    expect(json).not.toContain('<at>');
  });

  it('escapes the same in the list view, notes, filters and an error that quotes the asker', () => {
    const report = buildReport({
      filters: { extensions: [], queues: [], numbers: ['*44*'], directions: [], status: null },
      calls: [buildListedCall({ fromName: evil })],
    });
    const card = renderTeams(buildReportReply({ view: 'list', report, notes: ['- Narrowed to **you**'] }));
    expect(bodyTexts(card).slice(1, 3)).toEqual([
      'Filters: number \\*44\\*',
      '\\- Narrowed to \\*\\*you\\*\\*',
    ]);
    expect((card.body.at(-1) as FactSet).facts[0]?.value).toBe(
      `inbound · ${escapedEvil} \\(+442071234567\\) → 101 Ben Okafor · missed · waited 0:42`,
    );
    const error = renderTeams(
      buildErrorReply({ message: `I could not read "${evil}".`, hint: 'Try: **today**' }),
    );
    expect(bodyTexts(error)).toEqual([`⚠️ I could not read "${escapedEvil}".`, 'Try: \\*\\*today\\*\\*']);
  });

  it('escapes raw rows in the preview, and leaves its own labels and the heading alone', () => {
    const card = renderTeams(
      buildRowsReply({
        previewRows: [{ SourceCallerId: `${evil} ${'x'.repeat(20)}`, 'Odd[Key]': '# 1' }],
        rowCount: 1,
      }),
    );
    expect(card.body.filter((element) => element.type === 'FactSet')).toEqual([
      {
        type: 'FactSet',
        facts: [
          // Cut to 40 characters first, then escaped.
          { title: 'SourceCallerId', value: `${escapedEvil} ${'x'.repeat(10)}…` },
          { title: 'Odd\\[Key\\]', value: '\\# 1' },
        ],
      },
    ]);
    expect(bodyTexts(card)).toEqual([
      'Fri 20 Nov 2026 (Europe/Berlin)',
      '1 row',
      'Preview of the first 1 of 1 rows.',
    ]);
  });
});

describe('renderTeams: size', () => {
  it('keeps a report with 500 missed calls and 40 extensions under 28 KB and says how many were left out', () => {
    const card = renderTeams(buildReportReply({ focus: 'missed', report: buildLargeReport() }));
    expect(measureCardBytes(card)).toBeLessThanOrEqual(TEAMS_CARD_MAX_BYTES);
    expect(Buffer.byteLength(JSON.stringify(card), 'utf8')).toBeLessThan(TEAMS_LIMIT_BYTES);
    const missed = card.body.find(
      (element): element is FactSet => element.type === 'FactSet' && element.facts[0]?.title !== 'Calls',
    )!;
    // Ten queues of eight figures each leave room for fewer than the 50 a card may list, never fewer than 10.
    expect(missed.facts.length).toBeGreaterThanOrEqual(10);
    expect(missed.facts.length).toBeLessThanOrEqual(50);
    const texts = bodyTexts(card);
    expect(texts).toContain(`…and ${500 - missed.facts.length} more (Export CSV for all)`);
    expect(figureListAfter(card, 'Busiest extensions').entries).toHaveLength(10);
    expect(texts).toContain('…and 30 more (Export CSV for all)');
    expect(texts).toContain('…and 2 more (Export CSV for all)');
  });

  it('shrinks the lists until the card fits when names are very long', () => {
    const long = (seed: string) => `${seed} ${'Ωé'.repeat(29)}`;
    const report = buildLargeReport();
    report.byExtension = report.byExtension.map((row) => ({
      ...row,
      name: long(row.name),
      extension: long(row.extension),
    }));
    report.byQueue = report.byQueue.map((row) => ({ ...row, name: long(row.name), queue: long(row.queue) }));
    report.missedCalls = report.missedCalls.map((call) => ({
      ...call,
      fromName: long(call.fromName),
      toName: long('Sales'),
    }));
    const card = renderTeams(buildReportReply({ report }));
    expect(measureCardBytes(card)).toBeLessThanOrEqual(TEAMS_CARD_MAX_BYTES);
    const shown = (card.body.at(-2) as FactSet).facts.length;
    expect(shown).toBeGreaterThanOrEqual(10);
    expect(shown).toBeLessThan(50);
    expect(textOf(card.body.at(-1))).toBe(`…and ${500 - shown} more (Export CSV for all)`);
  });

  it('keeps small lists whole', () => {
    const report = buildReport({
      missedCalls: Array.from({ length: 5 }, (_, index) => buildMissedCall(index)),
      byExtension: [buildExtension(1)],
    });
    const texts = bodyTexts(renderTeams(buildReportReply({ report })));
    expect(texts.some((text) => text.includes('more'))).toBe(false);
  });
});

describe('renderTeams: other replies', () => {
  it('renders an error in attention colour with the hint and the reference', () => {
    const card = renderTeams(buildErrorReply({ reference: 'e-7f3a' }));
    expect(card.body).toEqual([
      {
        type: 'TextBlock',
        text: '⚠️ I could not read "lastweek".',
        wrap: true,
        color: 'Attention',
        weight: 'Bolder',
      },
      { type: 'TextBlock', text: 'Try: last week ext 101', wrap: true },
      { type: 'TextBlock', text: 'Reference: e-7f3a', wrap: true, isSubtle: true, size: 'Small' },
    ]);
    expect(card.actions).toBeUndefined();
    expect(card.fallbackText).toBe('Error: I could not read "lastweek".');
  });

  it('renders help line by line: commands bold in a sentence, alone on a line in monospace, no backticks', () => {
    const card = renderTeams(buildHelpReply());
    expect(card.body).toEqual([
      {
        type: 'TextBlock',
        text: 'Usage: **/calls \\[view\\] \\[period\\] \\[filters\\]**',
        wrap: true,
        spacing: 'None',
      },
      // The blank line before it is a gap, not an empty block.
      { type: 'TextBlock', text: 'Examples:', wrap: true, spacing: 'Medium' },
      {
        type: 'TextBlock',
        text: '/calls last week ext 101',
        wrap: true,
        fontType: 'Monospace',
        spacing: 'None',
      },
    ]);
  });

  it('shows no backtick anywhere in the real usage, and keeps bullets on example lines', () => {
    const card = renderTeams({ kind: 'help', text: usageText() });
    expect(JSON.stringify(card)).not.toContain('`');
    expect(card.body).toContainEqual({
      type: 'TextBlock',
      text: '• last week ext 101',
      wrap: true,
      fontType: 'Monospace',
      spacing: 'None',
    });
    expect(bodyTexts(card)).toContain(
      '• **ext 101**, **ext 101,102**, **queue 800**, **number +44 20 7123 4567** \\(3 or more digits, found anywhere in the caller ids\\)',
    );
  });

  it('renders a notice line by line, a blank line as a gap', () => {
    const card = renderTeams({ kind: 'notice', text: 'Digest k3m9qa removed.\n\nIt will not post again.' });
    expect(card.body).toEqual([
      { type: 'TextBlock', text: 'Digest k3m9qa removed.', wrap: true, spacing: 'None' },
      { type: 'TextBlock', text: 'It will not post again.', wrap: true, spacing: 'Medium' },
    ]);
  });

  it('renders rows as a count and a preview, each row its fields as facts, rows apart by a line', () => {
    const card = renderTeams(buildRowsReply());
    expect(bodyTexts(card)).toEqual([
      'Fri 20 Nov 2026 (Europe/Berlin)',
      '1,234 rows',
      'Preview of the first 2 of 1,234 rows.',
    ]);
    const facts = (values: string[]) =>
      ['SegmentId', 'StartTime', 'SourceDn', 'SourceCallerId', 'Answered'].map((title, index) => ({
        title,
        value: values[index],
      }));
    expect(card.body.filter((element) => element.type === 'FactSet')).toEqual([
      { type: 'FactSet', facts: facts(['1', '2026-11-20T13:03:11Z', '10000', '+442071234567', 'false']) },
      {
        type: 'FactSet',
        separator: true,
        facts: facts(['2', '2026-11-20T13:03:20Z', '800', '', 'true']),
      },
    ]);
    expect(card.actions).toEqual([
      {
        type: 'Action.Submit',
        title: 'Export CSV',
        data: { action: 'export-csv', value: 'export-csv|rows friday' },
      },
    ]);
  });

  it('gives a one-line summary for notifications', () => {
    expect(teamsSummaryText(buildReportReply())).toBe(
      'Mon 16 – Sun 22 Nov 2026 (Europe/Berlin): 3 calls, 2 answered, 1 missed',
    );
    expect(teamsSummaryText(buildRowsReply())).toBe('Fri 20 Nov 2026 (Europe/Berlin): 1,234 rows');
    expect(teamsSummaryText({ kind: 'notice', text: 'Done.' })).toBe('Done.');
    expect(teamsSummaryText(buildHelpReply())).toBe('Usage: /calls [view] [period] [filters]');
  });
});
