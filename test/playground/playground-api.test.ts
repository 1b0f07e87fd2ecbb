import type { Report } from '../../src/core/report';
import type { PlaygroundResult } from '../../src/playground/to-playground-result';
import { tabulateCallsForExport } from '../../src/render/export-table';
import { renderCsv } from '../../src/render/render-csv';
import type { SectionBlock } from '../../src/render/slack-blocks';
import { expectedKeyFigures } from '../helpers/expected-summaries';
import { readXlsx } from '../helpers/read-xlsx';
import { type PlaygroundTestBed, startPlaygroundTestBed } from './playground-test-bed';

const ZONE = 'Europe/Berlin';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let bed: PlaygroundTestBed;

beforeAll(async () => {
  bed = await startPlaygroundTestBed();
});
afterAll(async () => {
  await bed?.close();
});

async function command(text: string, timeZone = ZONE): Promise<PlaygroundResult> {
  const response = await bed.post('/playground/api/command', { text, timeZone });
  expect(response.status).toBe(200);
  return (await response.json()) as PlaygroundResult;
}

async function action(actionId: string, value: string): Promise<PlaygroundResult> {
  const response = await bed.post('/playground/api/action', { actionId, value, timeZone: ZONE });
  expect(response.status).toBe(200);
  return (await response.json()) as PlaygroundResult;
}

function reportOf(result: PlaygroundResult): Report {
  if (result.reply.kind !== 'report') throw new Error(`expected a report, got ${result.reply.kind}`);
  return result.reply.report;
}

function buttonValue(result: PlaygroundResult, actionId: string): string {
  for (const block of result.slack.blocks) {
    if (block.type !== 'actions') continue;
    const button = block.elements.find((element) => element.action_id === actionId);
    if (button) return button.value;
  }
  throw new Error(`no ${actionId} button`);
}

describe('POST /playground/api/command', () => {
  it('answers `last week ext 101` with the same report as the CLI, rendered for Slack, Teams and text', async () => {
    const result = await command('last week ext 101');
    const cli = await bed.runCliJson(['last', 'week', 'ext', '101'], ZONE);
    expect(reportOf(result)).toEqual(cli);
    expect(cli.totals.calls).toBeGreaterThan(0);
    expect(result.share).toBe(false);
    expect(result.files).toEqual([]);
    expect(result.answeredAt).toBe('2026-11-29T10:00:00.000Z');

    expect(cli.previous?.window).toEqual({
      from: '2026-11-09T00:00:00.000+01:00',
      to: '2026-11-16T00:00:00.000+01:00',
      timeZone: ZONE,
    });
    // Each figure carries its change against the week before (▲/▼).
    const figures = expectedKeyFigures(cli);
    const fields = result.slack.blocks.find(
      (block): block is SectionBlock => block.type === 'section' && !!block.fields,
    );
    expect(fields?.fields?.map((field) => field.text)).toEqual(
      figures.map((figure) => `*${figure.label}*\n${figure.value}`),
    );
    expect(result.slack.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Mon 16 – Sun 22 Nov 2026 (Europe/Berlin)', emoji: true },
    });
    const facts = result.teams.body.find((element) => element.type === 'FactSet');
    expect(facts).toEqual({
      type: 'FactSet',
      facts: figures.map(({ label, value }) => ({ title: label, value })),
    });
    expect(result.text.split('\n')[0]).toBe('Mon 16 – Sun 22 Nov 2026 (Europe/Berlin)');
  });

  it("shows Slack's buttons in the Slack payload and only Teams' buttons on the card", async () => {
    const result = await command('last week ext 101');
    const slackIds = result.slack.blocks.flatMap((block) =>
      block.type === 'actions' ? block.elements.map((element) => element.action_id) : [],
    );
    expect(slackIds).toEqual([
      'calls_missed',
      'calls_by-extension',
      'calls_previous',
      'calls_next',
      'calls_export-csv',
      'calls_export-xlsx',
      'calls_share',
    ]);
    expect(result.teams.actions?.map((button) => button.data.action)).toEqual([
      'missed',
      'by-extension',
      'previous',
      'next',
    ]);
  });

  it('uses UTC when the request names no zone', async () => {
    const response = await bed.post('/playground/api/command', { text: 'yesterday' });
    const result = (await response.json()) as PlaygroundResult;
    expect(reportOf(result).window).toEqual({
      from: '2026-11-28T00:00:00.000Z',
      to: '2026-11-29T00:00:00.000Z',
      timeZone: 'UTC',
    });
  });

  it('answers a command it cannot read with the error reply, as the chat platforms do', async () => {
    const result = await command('last wek');
    expect(result.reply).toMatchObject({ kind: 'error' });
    expect(result.slack.blocks).toHaveLength(1);
    expect(JSON.stringify(result.slack)).toContain('last wek');
    expect(result.teams.body[0]).toMatchObject({ type: 'TextBlock', color: 'Attention' });
  });

  it('offers raw rows as a download with the right type and content', async () => {
    const result = await command('rows yesterday top=3');
    expect(result.reply).toMatchObject({ kind: 'rows', rowCount: 3 });
    expect(result.files).toHaveLength(1);
    const [file] = result.files;
    expect(file).toMatchObject({ filename: 'calls-rows-2026-11-28.json', mimeType: 'application/json' });
    const response = await fetch(`${bed.url}${file?.url}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="calls-rows-2026-11-28.json"',
    );
    const body = await response.text();
    expect(Buffer.byteLength(body)).toBe(file?.size);
    expect(JSON.parse(body)).toHaveLength(3);
  });
});

describe('POST /playground/api/action', () => {
  it('runs the Missed calls button through the chat service, like a Slack or Teams click', async () => {
    const summary = await command('last week ext 101');
    const result = await action('missed', buttonValue(summary, 'calls_missed'));
    const cli = await bed.runCliJson(['last', 'week', 'ext', '101', 'missed'], ZONE);
    expect(result.reply).toMatchObject({ kind: 'report', focus: 'missed' });
    expect(reportOf(result)).toEqual(cli);
    expect(cli.missedCalls.length).toBeGreaterThan(0);
    const firstSection = result.slack.blocks.find((block): block is SectionBlock => block.type === 'section');
    expect(firstSection?.text?.text.split('\n')[0]).toBe(`*Missed calls (${cli.missedCalls.length})*`);
  });

  it('exports CSV and XLSX as downloads, and marks Share as posted to the channel', async () => {
    const summary = await command('last week ext 101');
    const exported = await action('export-csv', buttonValue(summary, 'calls_export-csv'));
    expect(exported.reply).toMatchObject({ kind: 'notice' });
    expect(exported.files.map((file) => [file.filename, file.mimeType])).toEqual([
      ['calls-2026-11-16_2026-11-22.csv', 'text/csv'],
    ]);
    const listed = await bed.runCliJson(['list', 'last', 'week', 'ext', '101'], ZONE);
    const response = await fetch(`${bed.url}${exported.files[0]?.url}`);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    // (Bytes: fetch's text() would drop the byte-order mark.)
    expect(Buffer.from(await response.arrayBuffer()).toString('utf8')).toBe(
      renderCsv(tabulateCallsForExport(listed)),
    );

    const workbook = await action('export-xlsx', buttonValue(summary, 'calls_export-xlsx'));
    expect(workbook.files.map((file) => [file.filename, file.mimeType])).toEqual([
      ['calls-2026-11-16_2026-11-22.xlsx', XLSX_TYPE],
    ]);
    const download = await fetch(`${bed.url}${workbook.files[0]?.url}`);
    expect(download.headers.get('content-type')).toBe(XLSX_TYPE);
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(bytes.length).toBe(workbook.files[0]?.size);
    const sheet = await readXlsx(bytes);
    expect(sheet.values.slice(1).map((row) => row[4])).toEqual(listed.calls?.map((call) => call.from));

    const shared = await action('share', buttonValue(summary, 'calls_share'));
    expect(shared.share).toBe(true);
    expect(reportOf(shared)).toEqual(reportOf(summary));
  });

  it('answers a forged button value or an unknown button with an error reply and looks nothing up', async () => {
    const forged = await action('missed', '{"v":1,"c":"last week","f":"everything"}');
    expect(forged.reply).toEqual({
      kind: 'error',
      message: "That button's data could not be read, so nothing was looked up.",
      hint: 'Try: today',
    });
    const unknown = await action('delete-all', '{"v":1,"c":"last week","f":"summary"}');
    expect(unknown.reply).toMatchObject({
      kind: 'error',
      message: forged.reply.kind === 'error' ? forged.reply.message : '',
    });
    expect(unknown.files).toEqual([]);
  });
});

describe('playground request checks', () => {
  it('answers bad JSON with 400 and a clear message', async () => {
    const response = await bed.post('/playground/api/command', '{"text": "today"');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string };
    expect(body.error).toMatch(/^The request body is not valid JSON \(.+\)\.$/);
  });

  it('answers a wrong shape with 400 naming the field', async () => {
    const response = await bed.post('/playground/api/command', { text: 42, timeZone: ZONE });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string };
    expect(body.error).toMatch(/^The request body is not what the playground expects: text: /);
    const action = await bed.post('/playground/api/action', { actionId: 'missed', timeZone: ZONE });
    expect(((await action.json()) as { error: string }).error).toContain('value: ');
  });

  it('answers an unknown time zone with 400 naming it', async () => {
    const bodies: [string, Record<string, string>][] = [
      ['/playground/api/command', { text: 'today', timeZone: 'Mars/Olympus' }],
      ['/playground/api/action', { actionId: 'missed', value: 'x', timeZone: 'Mars/Olympus' }],
    ];
    for (const [path, body] of bodies) {
      const response = await bed.post(path, body);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: 'Unknown time zone "Mars/Olympus". Use an IANA name such as Europe/Berlin.',
      });
    }
  });

  it('wants JSON, from its own page', async () => {
    const form = await bed.post('/playground/api/command', 'text=today', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
    const crossSite = await bed.post(
      '/playground/api/command',
      { text: 'today' },
      { origin: 'https://evil.example' },
    );
    expect(crossSite.status).toBe(403);
    expect(await crossSite.json()).toEqual({
      error: 'The playground does not accept requests from other web pages.',
    });
    const sameSite = await bed.post('/playground/api/command', { text: 'today' }, { origin: bed.url });
    expect(sameSite.status).toBe(200);
  });

  it('answers only under loopback names (no DNS rebinding)', async () => {
    const port = new URL(bed.url).port;
    const rebound = await bed.send('/', { headers: { host: `attacker.example:${port}` } });
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body).error).toContain('Set PLAYGROUND=true');
    expect((await bed.send('/', { headers: { host: `localhost:${port}` } })).status).toBe(200);
    expect((await bed.send('/', { headers: { host: `[::1]:${port}` } })).status).toBe(200);
  });

  it('answers an unknown download id with 404', async () => {
    const response = await fetch(`${bed.url}/playground/download?id=nope`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'That download has expired; run the command again.' });
  });
});

describe('playground assets', () => {
  it.each([
    ['/', 'text/html; charset=utf-8', '<title>calls-bot playground</title>'],
    ['/playground/app.js', 'text/javascript; charset=utf-8', "from './slack-post.js'"],
    ['/playground/block-kit.js', 'text/javascript; charset=utf-8', 'export function renderSlackMessage'],
    ['/playground/slack-post.js', 'text/javascript; charset=utf-8', 'export function renderSlackPost'],
    ['/playground/channel.js', 'text/javascript; charset=utf-8', 'export function startChannelView'],
    ['/playground/teams-card.js', 'text/javascript; charset=utf-8', 'export function renderTeamsCard'],
    ['/playground/teams-chart.js', 'text/javascript; charset=utf-8', 'Chart.VerticalBar'],
    ['/playground/adaptivecards.js', 'text/javascript; charset=utf-8', 'AdaptiveCards'],
    ['/playground/style.css', 'text/css; charset=utf-8', '.panes'],
    ['/playground/slack.css', 'text/css; charset=utf-8', '.sk-fields'],
    ['/playground/teams.css', 'text/css; charset=utf-8', '.tc-bar'],
    ['/playground/channel.css', 'text/css; charset=utf-8', '.channel-layout'],
    ['/playground/favicon.svg', 'image/svg+xml', '<svg'],
  ])('serves %s as %s', async (path, contentType, marker) => {
    const response = await fetch(`${bed.url}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(contentType);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain(marker);
  });

  it('names the PBX on the page and locks the page down', async () => {
    const response = await fetch(`${bed.url}/`);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    const page = await response.text();
    expect(page).not.toContain('{{PBX}}');
    expect(page).toMatch(/Answers come from [^<{]+, through the same parser/);
  });
});
