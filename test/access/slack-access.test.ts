import { encodeActionValue } from '../../src/chat/action-value';
import { writePolicyFile } from '../helpers/access-policy-files';
import { expectedKeyFigures } from '../helpers/expected-summaries';
import { runCliJson, runCliReport } from '../helpers/run-cli-in-process';
import {
  blockTexts,
  buttonOf,
  SLACK_NOW,
  type SlackBotHarness,
  startSlackBotHarness,
} from '../helpers/slack-bot-harness';
import { SLACK_TEST_IDS } from '../helpers/slack-request';
import { focusSummaryLine, INTEGRATION_POLICY, PEOPLE, summaryLineWithChange } from './access-test-setup';

const LAST_WEEK = 'Mon 16 – Sun 22 Nov 2026 (Europe/Berlin)';
const AGENT = SLACK_TEST_IDS.userId;
const MANAGER = 'U0CAROL001';
const ADMIN = PEOPLE.adminSlackId;
const STRANGER = 'U0NOBODY01';

describe('access rules over Slack (real bot, fake Slack Web API, demo PBX)', () => {
  let harness: SlackBotHarness;
  let responses = 0;

  beforeAll(async () => {
    harness = await startSlackBotHarness({
      env: { ACCESS_POLICY: await writePolicyFile(INTEGRATION_POLICY) },
      users: {
        [AGENT]: { tz: 'Europe/Berlin', email: 'Ben.Okafor@example.com' },
        [MANAGER]: { tz: 'Europe/Berlin', email: PEOPLE.managerEmail },
        [ADMIN]: { tz: 'Europe/Berlin', email: 'it@example.com' },
        [STRANGER]: { tz: 'Europe/Berlin', email: 'nobody@example.com' },
      },
    });
  });
  afterAll(async () => {
    await harness.close();
  });

  async function ask(text: string, userId: string): Promise<Record<string, unknown>> {
    const sent = await harness.sendCommand(text, { user_id: userId });
    return (await harness.waitForAnswer(sent.responseId)).answer;
  }

  async function click(actionId: string, value: string, userId: string): Promise<Record<string, unknown>> {
    responses += 1;
    const responseId = `access-click-${responses}`;
    await harness.click({ actionId, value, responseId, userId });
    return (await harness.waitForAnswer(responseId)).answer;
  }

  const cli = (words: string) =>
    runCliReport(words.split(' '), 'Europe/Berlin', { pbx: harness.pbx, now: SLACK_NOW });
  const callLogRequests = () =>
    harness.pbx.requests.filter((entry) => entry.url.includes('GetCallLogData')).length;

  it("narrows an agent's `last week` to their extension and says so", async () => {
    const answer = await ask('last week', AGENT);
    const expected = await cli('last week ext 101');
    expect(expected.totals.calls).toBeGreaterThan(5);
    // Narrowed to their own extension, the agent's own view leads the summary line.
    expect(expected.focus?.map((entry) => entry.extension)).toEqual(['101']);
    expect(answer.text).toBe(focusSummaryLine(LAST_WEEK, expected));
    const texts = blockTexts(answer);
    expect(texts).toContain('Showing only the calls of your extension 101.');
    // Ben's own view leads, and no other extension's figures appear (no "Also involved").
    const [own] = expected.focus!;
    expect(texts).toContain(
      `*Ben Okafor's own calls*\n• *Ben Okafor (ext 101)*: offered ${own!.offered}, answered ${own!.answered}, not picked up ${own!.notPickedUp}, missed ${own!.missed}, outbound ${own!.outbound}, `,
    );
    expect(texts).toContain(
      `${expected.totals.calls} calls reached ext 101 or were made by it; ${expected.totals.answered} of them were answered, by anyone.`,
    );
    expect(texts).not.toContain('Also involved');
    expect(texts).not.toMatch(/`1(0[2-9]|1\d)` /);
    expect(texts).not.toMatch(/ext 1(0[2-9]|1\d)\b/);
    // The previous period is narrowed too: the week before of ext 101, not of the whole PBX.
    const before = expected.previous!.totals;
    const wholeBefore = (await cli('last week')).previous!.totals;
    expect(before.calls).toBeLessThan(wholeBefore.calls);
    expect(texts).toContain(
      `vs. the week before (Mon 9 – Sun 15 Nov 2026): ${before.calls} calls, ${before.answered} answered, ${before.missed} missed`,
    );
    for (const { label, value } of expectedKeyFigures(expected))
      expect(texts).toContain(`*${label}*\n${value}`);
  });

  it("refuses an agent's `ext 102` without fetching calls, naming the extension", async () => {
    const before = callLogRequests();
    const answer = await ask('last week ext 102', AGENT);
    const texts = blockTexts(answer);
    expect(texts).toContain('You may not see the calls of extension 102.');
    expect(texts).toContain('Your access covers extension 101');
    expect(callLogRequests()).toBe(before);
  });

  it('gives a manager their queue and refuses another; no filter means their queue', async () => {
    const expected = await cli('last week queue 800');
    expect((await ask('last week queue 800', MANAGER)).text).toBe(summaryLineWithChange(LAST_WEEK, expected));
    expect(blockTexts(await ask('last week queue 801', MANAGER))).toContain(
      'You may not see the calls of queue 801.',
    );
    const narrowed = await ask('last week', MANAGER);
    expect(narrowed.text).toBe(summaryLineWithChange(LAST_WEEK, expected));
    expect(blockTexts(narrowed)).toContain('Showing only the calls of your access (queue 800).');
  });

  it('lets an admin see every call', async () => {
    const expected = await cli('last week');
    const answer = await ask('last week', ADMIN);
    expect(answer.text).toBe(summaryLineWithChange(LAST_WEEK, expected));
    expect(blockTexts(answer)).not.toContain('Showing only');
    // Naming an extension puts its own view first.
    expect((await ask('last week ext 102', ADMIN)).text).toBe(
      focusSummaryLine(LAST_WEEK, await cli('last week ext 102')),
    );
  });

  it('tells an unmapped user how to get access', async () => {
    const texts = blockTexts(await ask('last week', STRANGER));
    expect(texts).toContain(
      'You have no access to call reports yet: your Slack account is not linked to a 3CX extension.',
    );
    expect(texts).toContain(
      "Ask your 3CX administrator to give your 3CX user the same e-mail as your Slack account (nobody@example.com), or to add you to the bot's access policy (ACCESS_POLICY).",
    );
  });

  it("refuses a user without any access the digests' listing, as it refuses their reports", async () => {
    const texts = blockTexts(await ask('schedules', STRANGER));
    expect(texts).toContain(
      'You have no access to call reports yet: your Slack account is not linked to a 3CX extension.',
    );
    expect(texts).not.toContain('digests');
    expect(blockTexts(await ask('schedules', AGENT))).toContain('No digests in this conversation yet.');
  });

  it('re-checks every click: a forged button naming another extension is refused, also for Share', async () => {
    const before = callLogRequests();
    for (const actionId of ['calls_previous', 'calls_missed', 'calls_share', 'calls_export-csv']) {
      const value = encodeActionValue({ command: 'list last week ext 102', focus: 'summary' });
      const answer = await click(actionId, value, AGENT);
      expect(blockTexts(answer)).toContain('You may not see the calls of extension 102.');
    }
    expect(callLogRequests()).toBe(before);
    expect(harness.slack.callsOf('chat.postMessage')).toEqual([]);
    // A real button of the admin's report, clicked by the agent, is narrowed to the agent.
    const adminReport = await ask('last week', ADMIN);
    const clicked = await click('calls_missed', buttonOf(adminReport, 'calls_missed').value, AGENT);
    expect(blockTexts(clicked)).toContain('Showing only the calls of your extension 101.');
  });

  it("exports only the agent's calls as CSV", async () => {
    const report = await ask('last week', AGENT);
    const filesBefore = harness.slack.files.size;
    const answer = await click('calls_export-csv', buttonOf(report, 'calls_export-csv').value, AGENT);
    const expected = await cli('list last week ext 101');
    expect(answer.text).toBe(
      `CSV export of ${expected.calls?.length} calls (${LAST_WEEK}) sent to you. Showing only the calls of your extension 101.`,
    );
    const file = [...harness.slack.files.values()][filesBefore];
    const lines = file?.content?.toString('utf8').split('\r\n') ?? [];
    expect(lines.length - 2).toBe(expected.calls?.length);
  });

  it('sends only rows involving the agent’s extension in the rows file', async () => {
    const filesBefore = harness.slack.files.size;
    const answer = await ask('rows nov 27 count', AGENT);
    const all = (await runCliJson(['rows', 'nov', '27'], 'Europe/Berlin', {
      pbx: harness.pbx,
      now: SLACK_NOW,
    })) as Record<string, unknown>[];
    const own = all.filter((row) => row.SourceDn === '101' || row.DestinationDn === '101');
    expect(own.length).toBeGreaterThan(0);
    expect(own.length).toBeLessThan(all.length);
    expect(blockTexts(answer)).toContain(`*${own.length} rows*`);
    expect(blockTexts(answer)).toContain(
      'Only rows whose source or destination is within your extension 101 are included.',
    );
    const file = [...harness.slack.files.values()][filesBefore];
    const sent = JSON.parse(file?.content?.toString('utf8') ?? '{}') as { count: number; rows: unknown[] };
    expect(sent.count).toBe(own.length);
    expect(sent.rows).toEqual(own);
    // The scope went to the PBX as a filter (the rows are checked again, and counted, on arrival).
    const filters = harness.pbx.requests.map((entry) =>
      new URL(entry.url, 'http://pbx').searchParams.get('$filter'),
    );
    expect(filters).toContain("(SourceDn eq '101') or (DestinationDn eq '101')");
  });

  it("answers App Home's My calls with the asker's own extension", async () => {
    const posts = harness.slack.callsOf('chat.postMessage').length;
    const value = encodeActionValue({ command: 'me today', focus: 'summary' });
    await harness.click({ actionId: 'calls_summary.me-today', value, container: 'view', userId: AGENT });
    const post = (await harness.slack.waitForCalls('chat.postMessage', posts + 1))[posts];
    const expected = await cli('today ext 101');
    expect(post?.args.channel).toBe(`D${AGENT}`);
    expect(post?.args.text).toBe(focusSummaryLine('Sun 29 Nov 2026 00:00–11:00 (Europe/Berlin)', expected));
  });

  it('audits every decision without call data', async () => {
    const audit = harness.logs
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.audit);
    expect(audit.find((line) => line.user === AGENT && line.command === 'last week ext 102')).toMatchObject({
      platform: 'slack',
      via: 'text',
      role: 'agent',
      decision: 'refused',
      reason: 'You may not see the calls of extension 102.',
    });
    expect(audit.find((line) => line.user === MANAGER && line.command === 'last week')).toMatchObject({
      decision: 'narrowed',
      role: 'manager',
    });
    expect(audit.find((line) => line.user === STRANGER)).toMatchObject({ role: 'none', decision: 'refused' });
    // The callers' numbers (a withheld one, empty or `anonymous`, is no call data to leak).
    const missed = (await cli('last week missed')).missedCalls
      .map((call) => call.from)
      .filter((number) => number.replace(/\D/g, '').length >= 7);
    expect(missed.length).toBeGreaterThan(0);
    const logs = harness.logs.join('\n');
    for (const number of missed) expect(logs).not.toContain(number);
  });
});

describe('PRIVACY_MASK_NUMBERS over Slack', () => {
  let harness: SlackBotHarness;

  beforeAll(async () => {
    harness = await startSlackBotHarness({ env: { PRIVACY_MASK_NUMBERS: 'true' } });
  });
  afterAll(async () => {
    await harness.close();
  });

  it('masks external numbers in replies and CSV exports', async () => {
    const plain = await runCliReport(['list', 'last', 'week', 'ext', '101'], 'Europe/Berlin', {
      pbx: harness.pbx,
      now: SLACK_NOW,
    });
    const external = plain.calls?.find((call) => call.from.startsWith('+'));
    expect(external).toBeDefined();
    const sent = await harness.sendCommand('list last week ext 101');
    const { answer } = await harness.waitForAnswer(sent.responseId);
    const texts = blockTexts(answer);
    expect(texts).not.toContain(external!.from);
    expect(texts).toMatch(/\+\d{1,3} \d\d•• •+\d{4}/);
    await harness.click({
      actionId: 'calls_export-csv',
      value: buttonOf(answer, 'calls_export-csv').value,
      responseId: 'masked-export',
    });
    await harness.waitForAnswer('masked-export');
    const csv = [...harness.slack.files.values()][0]?.content?.toString('utf8') ?? '';
    expect(csv.split('\r\n')).toHaveLength((plain.calls?.length ?? 0) + 2);
    expect(csv).not.toContain(external!.from);
    expect(csv).toContain(`'${maskedForm(external!.from)}`);
  });
});

/** What maskNumber makes of a demo number (+CC NN•• ••NNNN), written out independently. */
function maskedForm(number: string): string {
  const digits = number.slice(1);
  const code = digits.startsWith('1') ? 1 : 2;
  const national = digits.slice(code);
  const hidden = '•'.repeat(national.length - 6);
  return `+${digits.slice(0, code)} ${national.slice(0, 2)}${hidden.slice(0, 2)} ${hidden.slice(2)}${national.slice(-4)}`;
}
