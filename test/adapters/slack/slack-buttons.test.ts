import { encodeActionValue } from '../../../src/chat/action-value';
import { describeExtensionCounts } from '../../../src/render/describe-call';
import { describeFocusFigures } from '../../../src/render/describe-focus';
import { expectedFocusSummary } from '../../helpers/expected-summaries';
import { runCliReport } from '../../helpers/run-cli-in-process';
import {
  blockTexts,
  buttonOf,
  findButtons,
  listUnscopedMethods,
  SLACK_NOW,
  type SlackBotHarness,
  startSlackBotHarness,
} from '../../helpers/slack-bot-harness';
import { buildAppHomeOpened, SLACK_TEST_IDS } from '../../helpers/slack-request';

const USER_DM = `D${SLACK_TEST_IDS.userId}`;

interface Block {
  type: string;
  text?: { text: string };
}

function headerOf(message: Record<string, unknown>): string | undefined {
  return (message.blocks as Block[]).find((block) => block.type === 'header')?.text?.text;
}

describe('report buttons end to end', () => {
  let harness: SlackBotHarness;
  let report: Record<string, unknown>;
  let clicks = 0;

  beforeEach(async () => {
    harness = await startSlackBotHarness();
    const sent = await harness.sendCommand('last week ext 101');
    report = (await harness.waitForAnswer(sent.responseId)).answer;
  });
  afterEach(async () => {
    expect(listUnscopedMethods(harness.slack)).toEqual([]);
    await harness.close();
  });

  /** Clicks `actionId` of the report (or `value`) as an ephemeral message in the channel, and waits for the answer. */
  async function click(actionId: string, value = buttonOf(report, actionId).value, isEphemeral = true) {
    clicks += 1;
    const responseId = `click-${clicks}`;
    const result = await harness.click({ actionId, value, responseId, isEphemeral });
    expect(result).toEqual({ status: 200, body: '' });
    return (await harness.waitForAnswer(responseId)).answer;
  }

  it('offers missed calls, by extension, previous, next, export and share', () => {
    expect(findButtons(report).map((button) => [button.action_id, button.text.text])).toEqual([
      ['calls_missed', 'Missed calls'],
      ['calls_by-extension', 'By extension'],
      ['calls_previous', '◀ Previous'],
      ['calls_next', 'Next ▶'],
      ['calls_export-csv', 'Export CSV'],
      ['calls_export-xlsx', 'Export XLSX'],
      ['calls_share', 'Share to channel'],
    ]);
  });

  it('Missed calls replaces the private report with the missed calls first', async () => {
    const expected = await runCliReport(['last', 'week', 'ext', '101'], 'Europe/Berlin', {
      pbx: harness.pbx,
      now: SLACK_NOW,
    });
    const answer = await click('calls_missed');
    expect(answer).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(headerOf(answer)).toBe('Mon 16 – Sun 22 Nov 2026 (Europe/Berlin)');
    const sections = (answer.blocks as Block[]).filter((block) => block.type === 'section' && block.text);
    expect(sections[0]?.text?.text).toMatch(
      new RegExp(`^\\*Missed calls \\(${expected.missedCalls.length}\\)\\*`),
    );
    expect(findButtons(answer).map((button) => button.action_id)).not.toContain('calls_missed');
    const back = buttonOf(answer, 'calls_summary');
    expect(back.text.text).toBe('Summary');
    const summary = await click('calls_summary', back.value);
    expect(summary.text).toBe(report.text);
    expect(findButtons(summary).map((button) => button.text.text)).toEqual(
      findButtons(report).map((button) => button.text.text),
    );
  });

  it("By extension puts the extensions first, after the named extension's own calls", async () => {
    const expected = await runCliReport(['last', 'week', 'ext', '101'], 'Europe/Berlin', {
      pbx: harness.pbx,
      now: SLACK_NOW,
    });
    const ben = expected.focus?.find((entry) => entry.extension === '101');
    const others = expected.byExtension.filter((row) => row.extension !== '101');
    expect(others.length).toBeGreaterThan(0);
    const answer = await click('calls_by-extension');
    expect(answer).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    const sections = (answer.blocks as Block[]).filter((block) => block.type === 'section' && block.text);
    // Ext 101 is named, so its own calls lead; the table asked for follows, with the others involved.
    expect(sections[0]?.text?.text).toBe(
      `*Ben Okafor's own calls*\n• *Ben Okafor (ext 101)*: ${describeFocusFigures(ben!)}`,
    );
    expect(sections[1]?.text?.text.split('\n').slice(0, 2)).toEqual([
      '*Also involved*',
      `\`${others[0]!.extension}\` ${others[0]!.name} · ${describeExtensionCounts(others[0]!)}`,
    ]);
    expect(sections[1]?.text?.text).not.toContain('`101` Ben Okafor');
    // In the summary, the figures come before the extensions.
    const summarySections = (report.blocks as Block[]).filter(
      (block) => block.type === 'section' && block.text,
    );
    expect(summarySections[1]?.text?.text).toMatch(/^\d+ calls reached ext 101 or were made by it/);
    expect(sections[2]?.text?.text).toBe(summarySections[1]?.text?.text);
  });

  it('Previous and Next step a week back and forward', async () => {
    const previous = await click('calls_previous');
    expect(previous).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(headerOf(previous)).toBe('Mon 9 – Sun 15 Nov 2026 (Europe/Berlin)');
    const expected = await runCliReport(['nov', '9', '-', 'nov', '15', 'ext', '101'], 'Europe/Berlin', {
      pbx: harness.pbx,
      now: SLACK_NOW,
    });
    expect(previous.text).toBe(`Mon 9 – Sun 15 Nov 2026 (Europe/Berlin): ${expectedFocusSummary(expected)}`);
    // The week Previous shows is the week the summary compared with.
    const lastWeek = await runCliReport(['last', 'week', 'ext', '101'], 'Europe/Berlin', {
      pbx: harness.pbx,
      now: SLACK_NOW,
    });
    expect(lastWeek.previous).toEqual({ window: expected.window, totals: expected.totals });
    const next = await click('calls_next');
    expect(headerOf(next)).toBe('Mon 23 Nov 00:00 – Sun 29 Nov 2026 11:00 (Europe/Berlin)');
  });

  it("Export CSV uploads the report's calls to the asker's DM, formula-like cells escaped", async () => {
    const answer = await click('calls_export-csv');
    const expected = await runCliReport(['list', 'last', 'week', 'ext', '101'], 'Europe/Berlin', {
      pbx: harness.pbx,
      now: SLACK_NOW,
    });
    const calls = expected.calls ?? [];
    expect(calls.length).toBeGreaterThan(5);
    expect(answer).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(answer.text).toBe(
      `CSV export of ${calls.length} calls (Mon 16 – Sun 22 Nov 2026 (Europe/Berlin)) sent to you.`,
    );
    const files = [...harness.slack.files.values()];
    expect(files).toHaveLength(1);
    const file = files[0]!;
    expect(file).toMatchObject({
      filename: 'calls-2026-11-16_2026-11-22.csv',
      contentType: 'text/csv',
      title: 'Calls, Mon 16 – Sun 22 Nov 2026 (Europe/Berlin)',
      channelId: USER_DM,
      declaredLength: file.content?.length,
    });
    const lines = file.content!.toString('utf8').split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFstart,date,time,direction,from,from name,to,to name,answered,talk,talk seconds,wait,wait seconds',
    );
    expect(lines.at(-1)).toBe('');
    const rows = lines.slice(1, -1).map(parseCsvLine);
    // Report times carry Berlin's offset: their digits are the local date and time.
    expect(rows).toEqual(
      calls.map((call) => [
        call.start,
        call.start.slice(0, 10),
        call.start.slice(11, 19),
        call.direction,
        escapeFormula(call.from),
        escapeFormula(call.fromName),
        escapeFormula(call.to),
        escapeFormula(call.toName),
        call.answered ? 'yes' : 'no',
        hoursMinutesSeconds(call.talkSeconds),
        String(call.talkSeconds),
        hoursMinutesSeconds(call.waitSeconds),
        String(call.waitSeconds),
      ]),
    );
    expect(rows.some((row) => row[4]?.startsWith("'+"))).toBe(true);
  });

  it('Share posts the same report in the channel for everyone, then confirms privately', async () => {
    const answer = await click('calls_share');
    expect(answer).toMatchObject({
      response_type: 'ephemeral',
      replace_original: false,
      text: 'Shared in the channel.',
    });
    const [post] = harness.slack.callsOf('chat.postMessage');
    expect(post?.args.channel).toBe(SLACK_TEST_IDS.channelId);
    expect(post?.args.text).toBe(report.text);
    const withoutButtons = (report.blocks as Block[]).filter((block) => block.type !== 'actions');
    expect(post?.args.blocks).toEqual([
      ...withoutButtons,
      { type: 'context', elements: [{ type: 'mrkdwn', text: `Shared by <@${SLACK_TEST_IDS.userId}>` }] },
    ]);
  });

  it('Share falls back to an in-channel response where the app may not post', async () => {
    harness.slack.failMethod('chat.postMessage', 'not_in_channel');
    const answer = await click('calls_share');
    expect(answer).toMatchObject({ response_type: 'in_channel', replace_original: false, text: report.text });
    expect(blockTexts(answer)).toContain(`Shared by <@${SLACK_TEST_IDS.userId}>`);
  });

  it('a click on a shared (public) report answers the clicker privately instead of replacing it', async () => {
    const answer = await click('calls_missed', buttonOf(report, 'calls_missed').value, false);
    expect(answer).toMatchObject({ response_type: 'ephemeral', replace_original: false });
  });

  it('forged button values get an error, not data, and the PBX is not asked', async () => {
    const pbxRequestsBefore = harness.pbx.requests.length;
    const cases: [string, string][] = [
      ['calls_missed', 'not json at all'],
      ['calls_next', JSON.stringify({ v: 1, c: 'last week', f: 'everything' })],
      ['calls_share', JSON.stringify({ v: 2, c: 'last week', f: 'summary' })],
      ['calls_delete-all', encodeActionValue({ command: 'last week', focus: 'summary' })],
    ];
    for (const [actionId, value] of cases) {
      const answer = await click(actionId, value);
      expect(answer).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      expect(blockTexts(answer)).toContain("That button's data could not be read, so nothing was looked up.");
    }
    const unreadable = await click(
      'calls_previous',
      encodeActionValue({ command: 'last week ext 101 drop-tables', focus: 'summary' }),
    );
    expect(blockTexts(unreadable)).toContain('drop-tables');
    expect(harness.pbx.requests).toHaveLength(pbxRequestsBefore);
    expect(harness.slack.callsOf('chat.postMessage')).toEqual([]);
  });
});

describe('which buttons a report offers, on a clock that moves while the reply is built', () => {
  let harness: SlackBotHarness;
  let responses = 0;

  beforeEach(async () => {
    harness = await startSlackBotHarness({ clockStepMs: 1 });
  });
  afterEach(async () => {
    expect(listUnscopedMethods(harness.slack)).toEqual([]);
    await harness.close();
  });

  async function ask(text: string) {
    const sent = await harness.sendCommand(text);
    return (await harness.waitForAnswer(sent.responseId)).answer;
  }

  async function click(message: Record<string, unknown>, actionId: string, value?: string) {
    responses += 1;
    const responseId = `offer-${responses}`;
    const button = value ?? buttonOf(message, actionId).value;
    const result = await harness.click({ actionId, value: button, responseId, isEphemeral: true });
    expect(result).toEqual({ status: 200, body: '' });
    return (await harness.waitForAnswer(responseId)).answer;
  }

  const labels = (message: Record<string, unknown>) => findButtons(message).map((button) => button.text.text);

  it('`past 3 hours` offers Previous (the 3 hours before) but no Next: that window would start now', async () => {
    const report = await ask('past 3 hours');
    expect(headerOf(report)).toBe('Sun 29 Nov 2026 08:00–11:00 (Europe/Berlin)');
    expect(labels(report)).toEqual([
      'Missed calls',
      'By extension',
      '◀ Previous',
      'Export CSV',
      'Export XLSX',
      'Share to channel',
    ]);
    const previous = await click(report, 'calls_previous');
    expect(headerOf(previous)).toBe('Sun 29 Nov 2026 05:00–08:00 (Europe/Berlin)');
    const next = buttonOf(previous, 'calls_next');
    expect(headerOf(await click(previous, 'calls_next', next.value))).toBe(headerOf(report));
  });

  it('`yesterday` offers Next, which answers today so far; `today` offers no Next', async () => {
    const yesterday = await ask('yesterday');
    expect(labels(yesterday)).toContain('Next ▶');
    const next = await click(yesterday, 'calls_next');
    const today = await ask('today');
    expect(headerOf(today)).toBe('Sun 29 Nov 2026 00:00–11:00 (Europe/Berlin)');
    expect(headerOf(next)).toBe(headerOf(today));
    expect(next.text).toBe(today.text);
    for (const message of [today, next]) {
      expect(labels(message)).toContain('◀ Previous');
      expect(labels(message)).not.toContain('Next ▶');
    }
  });

  it('`missed yesterday` offers Summary instead of Missed calls; Summary answers `yesterday`', async () => {
    const missed = await ask('missed yesterday');
    expect(labels(missed)).toEqual([
      'Summary',
      'By extension',
      '◀ Previous',
      'Next ▶',
      'Export CSV',
      'Export XLSX',
      'Share to channel',
    ]);
    const summary = await click(missed, 'calls_summary');
    expect(summary).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    const yesterday = await ask('yesterday');
    const withoutButtons = (message: Record<string, unknown>) =>
      (message.blocks as Block[]).filter((block) => block.type !== 'actions');
    expect(summary.text).toBe(yesterday.text);
    expect(withoutButtons(summary)).toEqual(withoutButtons(yesterday));
    expect(labels(summary)).toEqual(labels(yesterday));
    expect(labels(summary)[0]).toBe('Missed calls');
    // The missed-only reports reached through buttons keep offering the way back.
    for (const id of ['calls_by-extension', 'calls_previous', 'calls_next']) {
      const answer = await click(missed, id);
      expect(labels(answer)).toContain('Summary');
      expect(labels(answer)).not.toContain('Missed calls');
    }
  });

  it('refuses a forged Next into the future, and the PBX is not asked', async () => {
    const today = await ask('today');
    const pbxRequestsBefore = harness.pbx.requests.length;
    const future = encodeActionValue({
      command: 'summary from=2026-11-30T00:00:00.000+01:00 to=2026-12-01T00:00:00.000+01:00',
      focus: 'summary',
    });
    const refused = await click(today, 'calls_next', future);
    expect(refused).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(blockTexts(refused)).toBe(
      ':warning: That button asks for a period starting Mon 30 Nov 2026 00:00, which has not begun: it is now Sun 29 Nov 2026 11:00 (Europe/Berlin). Nothing was looked up.\nTry: today',
    );
    // A date without a time or zone is read in the clicker's zone, as typed text is.
    const dateOnly = encodeActionValue({ command: 'missed FROM=2026-12-24 ext 101', focus: 'missed' });
    expect(blockTexts(await click(today, 'calls_previous', dateOnly))).toBe(
      ':warning: That button asks for a period starting Thu 24 Dec 2026 00:00, which has not begun: it is now Sun 29 Nov 2026 11:00 (Europe/Berlin). Nothing was looked up.\nTry: today',
    );
    expect(harness.pbx.requests).toHaveLength(pbxRequestsBefore);
  });

  it('answers a forged Next that ends in the future up to now (as typed `from=… to=…` is)', async () => {
    const today = await ask('today');
    const partly = encodeActionValue({
      command: 'summary from=2026-11-29T08:00:00.000+01:00 to=2026-11-29T14:00:00.000+01:00',
      focus: 'summary',
    });
    const answer = await click(today, 'calls_next', partly);
    expect(headerOf(answer)).toBe('Sun 29 Nov 2026 08:00–11:00 (Europe/Berlin)');
    expect(answer.text).toBe((await ask('past 3 hours')).text);
    expect(labels(answer)).not.toContain('Next ▶');
  });
});

describe('App Home', () => {
  let harness: SlackBotHarness;
  beforeEach(async () => {
    harness = await startSlackBotHarness();
  });
  afterEach(async () => {
    expect(listUnscopedMethods(harness.slack)).toEqual([]);
    await harness.close();
  });

  it('publishes the quick buttons and the usage when the Home tab opens (not the Messages tab)', async () => {
    expect((await harness.post({ json: buildAppHomeOpened({ tab: 'messages' }) })).status).toBe(200);
    expect((await harness.post({ json: buildAppHomeOpened({ tab: 'home' }) })).status).toBe(200);
    const [publish] = await harness.slack.waitForCalls('views.publish');
    expect(harness.slack.callsOf('views.publish')).toHaveLength(1);
    expect(publish?.args.user_id).toBe(SLACK_TEST_IDS.userId);
    const view = publish?.args.view as Record<string, unknown>;
    expect(view.type).toBe('home');
    expect(findButtons(view).map((button) => button.text.text)).toEqual([
      'My calls',
      'Today',
      'Yesterday',
      'Last week',
    ]);
    expect(blockTexts(view)).toContain('`last week ext 101`');
  });

  it('answers a quick button in the DM with the bot (Home has no response_url)', async () => {
    const value = encodeActionValue({ command: 'yesterday', focus: 'summary' });
    const result = await harness.click({ actionId: 'calls_summary.yesterday', value, container: 'view' });
    expect(result.status).toBe(200);
    const [post] = await harness.slack.waitForCalls('chat.postMessage');
    expect(post?.args.channel).toBe(USER_DM);
    expect(headerOf(post!.args)).toBe('Sat 28 Nov 2026 (Europe/Berlin)');
    expect(findButtons(post!.args).map((button) => button.action_id)).toContain('calls_share');
  });
});

/** `h:mm:ss`, written out here apart from the code under test. */
function hoursMinutesSeconds(seconds: number): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${Math.floor(seconds / 3600)}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}

function escapeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One CSV line (RFC 4180 quoting). */
function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index];
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}
