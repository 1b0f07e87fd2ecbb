import { renderText } from '../../src/render/render-text';
import {
  buildErrorReply,
  buildHelpReply,
  buildLargeReport,
  buildListedCall,
  buildOutboundCall,
  buildReport,
  buildReportReply,
  buildRowsReply,
} from './fixtures/build-reply';

const SPEC_SUMMARY = [
  'Mon 16 – Sun 22 Nov 2026 (Europe/Berlin)',
  'Filters: ext 101',
  'Narrowed to your extension 101.',
  '',
  'Calls                          3',
  'Inbound / outbound / internal  2 / 1 / 0',
  'Answered                       2 (67%)',
  'Missed                         1 (50% of inbound)',
  'Service level                  50%',
  'Talk time                      6:52',
  'Average talk                   3:26',
  'Average wait                   0:09',
  'Longest call                   5:00',
  '',
  'Extensions',
  'Ext  Name        Calls  Answered  Missed  Outbound  Talk',
  '101  Ben Okafor      3         1       1         1  6:52',
  '',
  'Queues',
  'Queue  Name   Calls  Answered  Missed  Abandoned  Abandon rate  Avg wait  Longest wait  Service level',
  '800    Sales      2         1       1          1           50%      0:09          0:42            50%',
  '',
  'Calls by hour',
  `09 ${'█'.repeat(30)} 1`,
  `10 ${'█'.repeat(30)} 1`,
  `11 ${' '.repeat(30)} 0`,
  `12 ${' '.repeat(30)} 0`,
  `13 ${' '.repeat(30)} 0`,
  `14 ${'█'.repeat(30)} 1`,
  '',
  'Missed calls (1)',
  'When              From           Name         To              Wait',
  'Fri 20 Nov 14:03  +442071234567  Jane Caller  101 Ben Okafor  0:42',
].join('\n');

describe('renderText: report', () => {
  it('renders the spec example exactly: label, filters, notes, figures, tables, hours, missed calls', () => {
    expect(renderText(buildReportReply({ notes: ['Narrowed to your extension 101.'] }))).toBe(SPEC_SUMMARY);
  });

  it('puts the missed calls first when the focus is missed', () => {
    const lines = renderText(buildReportReply({ focus: 'missed' })).split('\n');
    expect(lines.slice(0, 6)).toEqual([
      'Mon 16 – Sun 22 Nov 2026 (Europe/Berlin)',
      'Filters: ext 101',
      '',
      'Missed calls (1)',
      'When              From           Name         To              Wait',
      'Fri 20 Nov 14:03  +442071234567  Jane Caller  101 Ben Okafor  0:42',
    ]);
    expect(lines.indexOf('Missed calls (1)')).toBeLessThan(
      lines.findIndex((line) => line.startsWith('Calls ')),
    );
  });

  it('puts the extensions table first when the focus is extensions', () => {
    const lines = renderText(buildReportReply({ focus: 'extensions' })).split('\n');
    expect(lines[3]).toBe('Extensions');
  });

  it('puts the queues table first when the focus is queues (by queue)', () => {
    const lines = renderText(buildReportReply({ focus: 'queues' })).split('\n');
    expect(lines[3]).toBe('Queues');
    expect(lines.indexOf('Queues')).toBeLessThan(lines.indexOf('Extensions'));
  });

  it('aligns every column of a long extensions table', () => {
    const lines = renderText(buildReportReply({ report: buildLargeReport() })).split('\n');
    const start = lines.indexOf('Extensions') + 1;
    const table = lines.slice(start, start + 41);
    expect(table[0]).toBe('Ext  Name             Calls  Answered  Missed  Outbound     Talk');
    expect(table[1]).toBe('100  Agent Number 0     100        80      10        10  1:00:00');
    expect(table[40]).toBe('139  Agent Number 39     61        41      10        10  1:00:39');
    const rightEdges = ['Calls', 'Answered', 'Missed', 'Outbound', 'Talk'].map(
      (header) => table[0]!.indexOf(header) + header.length,
    );
    for (const line of table) {
      expect(line).toHaveLength(table[0]!.length);
      for (const edge of rightEdges) {
        expect(line[edge - 1]).not.toBe(' ');
        expect(line[edge] ?? ' ').toBe(' ');
      }
    }
    expect(lines.filter((line) => line.startsWith('Fri 20 Nov '))).toHaveLength(500);
  });

  it('says so when there are no calls', () => {
    const empty = buildReport({
      totals: { ...buildReport().totals, calls: 0, inbound: 0, outbound: 0, answered: 0, missed: 0 },
      byExtension: [],
      byQueue: [],
      byHour: Array.from({ length: 24 }, () => 0),
      missedCalls: [],
    });
    expect(renderText(buildReportReply({ report: empty, notes: [] }))).toBe(
      'Mon 16 – Sun 22 Nov 2026 (Europe/Berlin)\nFilters: ext 101\n\nNo calls in this window.',
    );
  });

  it('lists every call in the list view', () => {
    const calls = [buildListedCall(), buildOutboundCall({ answered: true, talkSeconds: 300 })];
    const text = renderText(buildReportReply({ view: 'list', report: buildReport({ calls }) }));
    expect(text.split('\n').slice(-4)).toEqual([
      'Calls (2)',
      'When              Direction  From                         To              Result    Talk  Wait',
      'Fri 20 Nov 14:03  inbound    Jane Caller (+442071234567)  101 Ben Okafor  missed    0:00  0:42',
      'Fri 20 Nov 09:15  outbound   Ben Okafor (101)             +4930123456     answered  5:00  0:00',
    ]);
    expect(text).not.toContain('Extensions');
  });

  it('keeps PBX-provided control characters (ANSI escapes, newlines) out of the terminal', () => {
    const report = buildReport({
      missedCalls: [{ ...buildReport().missedCalls[0]!, fromName: 'Evil\u001b[2J\nName' }],
    });
    const text = renderText(buildReportReply({ report }));
    expect(text).not.toContain('\u001b');
    expect(text).toContain('Evil [2J Name');
  });
});

describe('renderText: other replies', () => {
  it('renders rows: count, a preview table and what was left out', () => {
    expect(renderText(buildRowsReply())).toBe(
      [
        'Fri 20 Nov 2026 (Europe/Berlin)',
        '',
        '1,234 rows',
        '',
        'SegmentId  StartTime             SourceDn  SourceCallerId  Answered',
        '1          2026-11-20T13:03:11Z  10000     +442071234567   false',
        '2          2026-11-20T13:03:20Z  800                       true',
        '',
        'Showing the first 2 of 1,234 rows.',
      ].join('\n'),
    );
  });

  it('renders an error with its hint and reference', () => {
    expect(renderText(buildErrorReply())).toBe('Error: I could not read "lastweek".\nTry: last week ext 101');
    expect(renderText(buildErrorReply({ hint: undefined, reference: 'e-7f3a' }))).toBe(
      'Error: I could not read "lastweek".\nReference: e-7f3a',
    );
  });

  it('renders help and notices as their text', () => {
    expect(renderText(buildHelpReply('Usage:\n  calls today'))).toBe('Usage:\n  calls today');
    expect(renderText({ kind: 'notice', text: 'Scheduled.' })).toBe('Scheduled.');
  });
});
