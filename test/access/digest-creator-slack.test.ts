import { writePolicyFile } from '../helpers/access-policy-files';
import type { RecordedApiCall } from '../helpers/fake-slack-api';
import { runCliReport } from '../helpers/run-cli-in-process';
import { blockTexts, type SlackBotHarness, startSlackBotHarness } from '../helpers/slack-bot-harness';
import { SLACK_TEST_IDS } from '../helpers/slack-request';
import { focusSummaryLine, INTEGRATION_POLICY, PEOPLE } from './access-test-setup';

/** The demo PBX's data runs to here, past every occurrence these tests post. */
const PBX_NOW = new Date('2026-12-02T12:00:00Z');
/** The first two runs of `every day at 8:00` (Berlin) created on Sun 29 Nov. */
const FIRST_RUN = new Date('2026-11-30T07:00:00Z');
const SECOND_RUN = new Date('2026-12-01T07:00:00Z');
const CHANNEL = SLACK_TEST_IDS.channelId;
/** Ben, an agent of extension 101 by his Slack e-mail, creates the digests. */
const BEN = SLACK_TEST_IDS.userId;
const BERLIN = 'Europe/Berlin';

describe("digests look their Slack creator up at every run (real bot, fake Slack's users.info, demo PBX)", () => {
  let harness: SlackBotHarness;
  let digestId = '';

  beforeEach(async () => {
    harness = await startSlackBotHarness({
      pbx: { now: PBX_NOW },
      env: { ACCESS_POLICY: await writePolicyFile(INTEGRATION_POLICY) },
      users: {
        [BEN]: { tz: BERLIN, email: PEOPLE.agentEmail },
        [PEOPLE.adminSlackId]: { tz: BERLIN, email: 'it@example.com' },
      },
    });
    const confirmation = await sendAndWaitForPost('schedule every day at 8:00 yesterday');
    expect(blockTexts(confirmation.args)).toContain('Showing only the calls of your extension 101.');
    digestId = /Digest ([0-9a-z]{6}) scheduled/.exec(String(confirmation.args.text))?.[1] ?? '';
  });
  afterEach(async () => {
    await harness.close();
  });

  async function sendAndWaitForPost(text: string): Promise<RecordedApiCall> {
    const before = harness.slack.callsOf('chat.postMessage').length;
    await harness.sendCommand(text);
    return (await harness.slack.waitForCalls('chat.postMessage', before + 1))[before]!;
  }

  /** Runs the scheduler just after `occurrence` and returns what it posted to the channel. */
  async function runAt(occurrence: Date): Promise<RecordedApiCall[]> {
    const before = postsToChannel().length;
    harness.setNow(new Date(occurrence.getTime() + 30_000));
    await harness.bot.scheduler.tick();
    return postsToChannel().slice(before);
  }

  const postsToChannel = () =>
    harness.slack.callsOf('chat.postMessage').filter((call) => call.args.channel === CHANNEL);
  const emailOf = (extension: string) =>
    harness.pbx.directory.users.find((user) => user.number === extension)?.email ?? '';
  const yesterdayOf = async (occurrence: Date, extension: string) =>
    runCliReport(['yesterday', 'ext', extension], BERLIN, { pbx: harness.pbx, now: occurrence });
  const windowOf = (occurrence: Date) =>
    occurrence === FIRST_RUN ? 'Sun 29 Nov 2026 (Europe/Berlin)' : 'Mon 30 Nov 2026 (Europe/Berlin)';
  /** How `schedules` (asked by an admin) shows the digest's next and last run. */
  const schedulesLine = async () => {
    const sent = await harness.sendCommand('schedules', { user_id: PEOPLE.adminSlackId });
    return blockTexts((await harness.waitForAnswer(sent.responseId)).answer).split('\n')[2];
  };
  const stopNotice = () =>
    `Digest ${digestId} (every day at 08:00, "yesterday") has stopped: the person who created it no longer has access to these calls.`;

  it('runs with the e-mail the creator has today, not the one they had when they made it', async () => {
    const chloe = emailOf('102');
    expect(chloe).toMatch(/@example\.com$/);
    harness.slack.setUser(BEN, { tz: BERLIN, email: chloe });
    const [digest, ...more] = await runAt(FIRST_RUN);
    expect(more).toEqual([]);
    const expected = await yesterdayOf(FIRST_RUN, '102');
    expect(expected.totals.calls).toBeGreaterThan(0);
    // Narrowed to the creator's own extension, their own view leads; nobody else's figures.
    expect(digest?.args.text).toBe(focusSummaryLine(windowOf(FIRST_RUN), expected));
    expect(blockTexts(digest!.args)).toContain('Showing only the calls of your extension 102.');
    expect(blockTexts(digest!.args)).not.toContain('`101`');
    expect(blockTexts(digest!.args)).not.toMatch(/ext 101\b|Also involved/);
  });

  it('stops with one notice once the creator’s profile links to no extension', async () => {
    harness.slack.setUser(BEN, { tz: BERLIN });
    const posts = await runAt(FIRST_RUN);
    expect(posts).toHaveLength(1);
    expect(blockTexts(posts[0]!.args)).toContain(stopNotice());
    expect(String(posts[0]!.args.text)).not.toMatch(/\d+ calls/);
    expect(await schedulesLine()).toBe(
      '   paused · last: failed Mon 30 Nov 2026 08:00: stopped: the creator no longer has access to these calls (a notice was posted instead)',
    );
    // Nothing more, even once the profile is back: a stopped digest stays stopped.
    harness.slack.setUser(BEN, { tz: BERLIN, email: PEOPLE.agentEmail });
    expect(await runAt(SECOND_RUN)).toEqual([]);
  });

  it('stops with one notice once the creator is deactivated in Slack', async () => {
    harness.slack.setUser(BEN, { tz: BERLIN, email: PEOPLE.agentEmail, deleted: true });
    const posts = await runAt(FIRST_RUN);
    expect(posts).toHaveLength(1);
    expect(blockTexts(posts[0]!.args)).toContain(stopNotice());
    expect(await runAt(SECOND_RUN)).toEqual([]);
  });

  // A rate limit is not waited out (the scheduler has other digests to post); a 5xx is tried twice.
  it.each([
    ['a rate limit', 429, 1, 'Slack rate limit'],
    ['a server error', 500, 2, 'Slack answered HTTP 500'],
  ])(
    'fails the run on %s with one notice, keeps the digest, and the next run works',
    async (_what, status, times, reason) => {
      harness.slack.failHttp('users.info', status, { times, retryAfterSeconds: 30 });
      const posts = await runAt(FIRST_RUN);
      expect(posts).toHaveLength(1);
      expect(blockTexts(posts[0]!.args)).toBe(
        [
          `The 08:00 digest could not be produced: Could not check who created it (${reason}). The next run tries again.`,
          `Scheduled digest ${digestId} · every day at 08:00`,
        ].join('\n'),
      );
      expect(await schedulesLine()).toBe(
        `   next Tue 1 Dec 2026 08:00 · last: failed Mon 30 Nov 2026 08:00: Could not check who created it (${reason}) (a notice was posted instead)`,
      );

      const [digest, ...more] = await runAt(SECOND_RUN);
      expect(more).toEqual([]);
      const expected = await yesterdayOf(SECOND_RUN, '101');
      expect(digest?.args.text).toBe(focusSummaryLine(windowOf(SECOND_RUN), expected));
    },
  );
});
