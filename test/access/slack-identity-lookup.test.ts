import { writePolicyFile } from '../helpers/access-policy-files';
import { runCliReport } from '../helpers/run-cli-in-process';
import {
  blockTexts,
  SLACK_NOW,
  type SlackBotHarness,
  startSlackBotHarness,
} from '../helpers/slack-bot-harness';
import { focusSummaryLine, INTEGRATION_POLICY, PEOPLE, summaryLineWithChange } from './access-test-setup';

const LAST_WEEK = 'Mon 16 – Sun 22 Nov 2026 (Europe/Berlin)';
const COULD_NOT_CHECK =
  'I could not check who you are (looking up your Slack account failed), so I cannot show any calls.';

/**
 * ACCESS_UNMAPPED=all gives every call to people neither named nor linked. Someone whose Slack
 * profile could not be read is neither, but must not count as unlinked: they are refused.
 */
describe('a failed users.info never widens access (real bot, ACCESS_UNMAPPED=all, fake Slack, demo PBX)', () => {
  let harness: SlackBotHarness;

  beforeAll(async () => {
    harness = await startSlackBotHarness({
      env: { ACCESS_POLICY: await writePolicyFile(INTEGRATION_POLICY), ACCESS_UNMAPPED: 'all' },
      users: {},
    });
  });
  afterAll(async () => {
    await harness.close();
  });

  /** Sends `/calls <text>` as `userId`; the answer's fallback text and block texts. */
  async function ask(text: string, userId: string): Promise<{ text: string; blocks: string }> {
    const sent = await harness.sendCommand(text, { user_id: userId });
    const { answer } = await harness.waitForAnswer(sent.responseId);
    return { text: String(answer.text), blocks: blockTexts(answer) };
  }

  const callLogRequests = () =>
    harness.pbx.requests.filter((entry) => entry.url.includes('GetCallLogData')).length;
  const cli = (words: string) =>
    runCliReport(words.split(' '), 'Europe/Berlin', { pbx: harness.pbx, now: SLACK_NOW });

  it.each([
    ['a rate limit (429)', 429, 'U0LIMITED01'],
    ['a server error (500)', 500, 'U0SERVER501'],
  ])(
    'refuses an agent whose lookup fails with %s, fetches no calls, and asks again next time',
    async (_what, status, userId) => {
      harness.slack.setUser(userId, { tz: 'Europe/Berlin', email: PEOPLE.agentEmail });
      // Every try of the Web API client fails (it tries 3 times).
      harness.slack.failHttp('users.info', status, { times: 3, retryAfterSeconds: 0 });
      const before = callLogRequests();
      const refused = await ask('last week', userId);
      expect(refused.blocks).toContain(COULD_NOT_CHECK);
      expect(refused.blocks).toContain('Try again in a moment.');
      expect(refused.text).not.toMatch(/\d+ calls/);
      expect(callLogRequests()).toBe(before);
      expect(harness.slack.callsOf('users.info').filter((call) => call.args.user === userId)).toHaveLength(3);

      // The failure was not remembered: once Slack answers, the agent sees their own extension.
      const answered = await ask('last week', userId);
      // Narrowed to their own extension, the agent's own view leads.
      expect(answered.text).toBe(focusSummaryLine(LAST_WEEK, await cli('last week ext 101')));
      expect(answered.blocks).toContain('Showing only the calls of your extension 101.');
    },
  );

  it('refuses someone Slack does not know instead of giving them every call', async () => {
    const refused = await ask('last week', 'U0UNKNOWN01');
    expect(refused.blocks).toContain(COULD_NOT_CHECK);
    expect(refused.text).not.toMatch(/\d+ calls/);
  });

  it('still answers help', async () => {
    harness.slack.failHttp('users.info', 500, { times: 3 });
    const help = await ask('help', 'U0HELPME001');
    expect(help.blocks).not.toContain(COULD_NOT_CHECK);
    expect(help.blocks).toMatch(/last week/);
  });

  it('lets an admin named by Slack user id through, since that needs no lookup', async () => {
    harness.slack.failHttp('users.info', 500, { times: 3 });
    const answer = await ask('last week', PEOPLE.adminSlackId);
    // In the default zone (DEFAULT_TIMEZONE, here UTC), since Slack did not tell theirs.
    const expected = await runCliReport(['last', 'week'], 'UTC', { pbx: harness.pbx, now: SLACK_NOW });
    expect(answer.text).toBe(summaryLineWithChange('Mon 16 – Sun 22 Nov 2026 (UTC)', expected));
  });

  it('audits the refusal', () => {
    const audit = harness.logs
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((line) => line.audit && line.user === 'U0UNKNOWN01');
    expect(audit).toMatchObject({ role: 'none', decision: 'refused', reason: COULD_NOT_CHECK });
  });
});

describe('a failed PBX directory read never widens access (ACCESS_UNMAPPED=all)', () => {
  let harness: SlackBotHarness;

  beforeAll(async () => {
    harness = await startSlackBotHarness({
      env: { ACCESS_POLICY: await writePolicyFile(INTEGRATION_POLICY), ACCESS_UNMAPPED: 'all' },
      users: { U0READER001: { tz: 'Europe/Berlin', email: PEOPLE.agentEmail } },
    });
  });
  afterAll(async () => {
    await harness.close();
  });

  it('answers with the PBX error, not with every call, while the PBX user list cannot be read', async () => {
    harness.pbx.misbehave({ endpoint: 'users', status: 503, times: 20 });
    const sent = await harness.sendCommand('last week', { user_id: 'U0READER001' });
    const { answer } = await harness.waitForAnswer(sent.responseId);
    expect(blockTexts(answer)).toContain('The PBX answered 503 to GET /xapi/v1/Users');
    expect(String(answer.text)).not.toMatch(/\d+ calls/);
    expect(harness.pbx.requests.filter((entry) => entry.url.includes('GetCallLogData'))).toEqual([]);
  });
});
