import { INTEGRATION_POLICY, PEOPLE } from '../../access/access-test-setup';
import { writePolicyFile } from '../../helpers/access-policy-files';
import type { RecordedApiCall } from '../../helpers/fake-slack-api';
import {
  BOT_TOKEN,
  blockTexts,
  listUnscopedMethods,
  SIGNING_SECRET,
  SLACK_NOW,
  type SlackBotHarness,
  startSlackBotHarness,
} from '../../helpers/slack-bot-harness';
import { SLACK_TEST_IDS } from '../../helpers/slack-request';

/**
 * `alerts missed …`, `alerts`, `alerts off <id>` through the real bot, the fake Slack Web API and
 * the demo PBX (Ben Okafor is ext 101 by e-mail, Carol manages queue 800). Turning alerts on or off
 * is announced in the channel like a digest; listings and refusals are private.
 */

const AGENT = SLACK_TEST_IDS.userId;
const MANAGER = 'U0CAROL001';
const ADMIN = PEOPLE.adminSlackId;
const STRANGER = 'U0NOBODY01';
const CHANNEL = SLACK_TEST_IDS.channelId;

describe('live alert commands in Slack (real bot, fake Slack Web API, demo PBX)', () => {
  let harness: SlackBotHarness;

  beforeEach(async () => {
    harness = await startSlackBotHarness({
      env: { ACCESS_POLICY: await writePolicyFile(INTEGRATION_POLICY) },
      users: {
        [AGENT]: { tz: 'Europe/Berlin', email: 'Ben.Okafor@example.com' },
        [MANAGER]: { tz: 'Europe/Berlin', email: PEOPLE.managerEmail },
        [ADMIN]: { tz: 'America/New_York', email: 'it@example.com' },
        [STRANGER]: { tz: 'Europe/Berlin', email: 'nobody@example.com' },
      },
    });
  });
  afterEach(async () => {
    expect(listUnscopedMethods(harness.slack)).toEqual([]);
    expect(harness.logs.join('\n')).not.toContain(SIGNING_SECRET);
    expect(harness.logs.join('\n')).not.toContain(BOT_TOKEN);
    await harness.close();
  });

  /** Sends `/calls <text>` as `user` and waits for the announcement posted in the channel. */
  const announce = async (
    text: string,
    user: string,
    channel: string = CHANNEL,
  ): Promise<RecordedApiCall> => {
    const before = harness.slack.callsOf('chat.postMessage').length;
    const sent = await harness.sendCommand(text, { user_id: user, channel_id: channel });
    expect(sent).toMatchObject({ status: 200, body: '' });
    const posts = await harness.slack.waitForCalls('chat.postMessage', before + 1);
    return posts[before]!;
  };

  /** Sends `/calls <text>` as `user` and returns the private answer's text. */
  const ask = async (text: string, user: string, channel: string = CHANNEL): Promise<string> => {
    const sent = await harness.sendCommand(text, { user_id: user, channel_id: channel });
    const { answer } = await harness.waitForAnswer(sent.responseId);
    expect(answer.response_type).toBe('ephemeral');
    return blockTexts(answer);
  };

  const idIn = (post: RecordedApiCall): string => {
    const id = /^Alerts ([0-9a-z]{6}) on:/.exec(String(post.args.text))?.[1];
    if (!id) throw new Error(`no alert id in ${String(post.args.text)}`);
    return id;
  };

  const auditLines = () =>
    harness.logs
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.audit === true && entry.via === 'alerts');

  it("turns an agent's alerts on for their own extension, announced in the channel, and lists them", async () => {
    const post = await announce('alerts missed', AGENT);
    const id = idIn(post);
    expect(post.args.channel).toBe(CHANNEL);
    expect(blockTexts(post.args)).toBe(
      [
        `Alerts ${id} on: missed calls of ext 101 will be posted here once the call has ended, with who called, a Call link and an "I'll call back" button.`,
        'Without "queue" or "ext", an agent\'s alerts are for their own extension.',
        `"alerts" lists the alerts here; "alerts off ${id}" ends these.`,
        `Alerts turned on by <@${AGENT}> with /calls`,
      ].join('\n'),
    );

    harness.setNow(new Date(SLACK_NOW.getTime() + 60_000));
    const carols = idIn(await announce('alerts missed queue 800', MANAGER));
    expect(await ask('alerts', AGENT)).toBe(
      [
        'Alerts in this conversation (2):',
        `• ${id}: missed calls of ext 101 · by you · since Sun 29 Nov 2026 11:00`,
        `• ${carols}: missed calls of queue 800 · by ${PEOPLE.managerEmail} · since Sun 29 Nov 2026 11:01`,
        // Slack mrkdwn escapes the angle brackets.
        '"alerts off &lt;id&gt;" ends one.',
      ].join('\n'),
    );
    // Another channel has its own.
    expect(await ask('alerts', AGENT, 'C0OTHER001')).toBe(
      'No alerts in this conversation yet. Turn them on with "alerts missed", or "alerts missed queue 800" for one queue.',
    );
  });

  it("refuses an agent's filter outside their access, privately, with one audit line", async () => {
    expect(await ask('alerts missed queue 800', AGENT)).toBe(
      [
        ':warning: You may not see the calls of queue 800.',
        'Your access covers extension 101; ask without ext or queue to see all of it (e.g. last week), or ask an admin to widen your access.',
      ].join('\n'),
    );
    expect(harness.slack.callsOf('chat.postMessage')).toEqual([]);
    expect(auditLines()).toEqual([
      expect.objectContaining({
        user: AGENT,
        command: 'alerts missed queue 800',
        role: 'agent',
        decision: 'refused',
        reason: 'You may not see the calls of queue 800.',
      }),
    ]);
    expect(await ask('alerts', STRANGER)).toContain(
      ':warning: You have no access to call reports yet: your Slack account is not linked to a 3CX extension.',
    );
  });

  it('ends alerts by their creator or an admin only, announced in the channel', async () => {
    const id = idIn(await announce('alerts missed', AGENT));
    expect(await ask(`alerts off ${id}`, MANAGER)).toBe(
      `:warning: Alerts ${id} were turned on by someone else: only they or an admin may end them.`,
    );
    const ended = await announce(`alerts off ${id.toUpperCase()}`, ADMIN);
    expect(blockTexts(ended.args)).toBe(
      [
        `Alerts ${id} off (missed calls of ext 101): nothing more will be posted for them.`,
        `Alerts turned off by <@${ADMIN}> with /calls`,
      ].join('\n'),
    );
    expect(await ask(`alerts off ${id}`, ADMIN)).toBe(
      [
        `:warning: There are no alerts ${id} in this conversation. "alerts" lists the alerts here with their ids.`,
        'Try: alerts',
      ].join('\n'),
    );
  });

  it('answers mistyped alert commands privately, each with a corrected example', async () => {
    expect(await ask('alerts mised', AGENT)).toBe(
      [
        ':warning: I could not read "mised" after "alerts". Did you mean "missed"?',
        'Try: alerts missed',
      ].join('\n'),
    );
    expect(await ask('alerts missed ext', AGENT)).toBe(
      [
        ':warning: "ext" needs an extension number, e.g. "alerts missed ext 101" or "alerts missed ext 101,102".',
        'Try: alerts missed ext 101',
      ].join('\n'),
    );
    expect(await ask('alerts off', AGENT)).toBe(
      [
        ':warning: Say which alerts to end: "alerts off k3m9qa" ("alerts" lists them with their ids).',
        'Try: alerts',
      ].join('\n'),
    );
    expect(await ask('alerts answered', AGENT)).toBe(
      [
        ':warning: Alerts come for missed calls only, so "answered" cannot follow "alerts": write "alerts missed", with "queue N" or "ext N" if you like.',
        'Try: alerts missed',
      ].join('\n'),
    );
    expect(harness.slack.callsOf('chat.postMessage')).toEqual([]);
  });

  it('refuses the 21st subscription of a channel', async () => {
    for (let extension = 101; extension <= 120; extension++) {
      await announce(`alerts missed ext ${extension}`, ADMIN, 'C0BUSY0001');
    }
    expect(await ask('alerts missed ext 121', ADMIN, 'C0BUSY0001')).toBe(
      [
        ':warning: This conversation already has 20 alert subscriptions, the most it may have. End one first with "alerts off &lt;id&gt;".',
        'Try: alerts',
      ].join('\n'),
    );
    expect((await ask('alerts', ADMIN, 'C0BUSY0001')).split('\n')[0]).toBe(
      'Alerts in this conversation (20):',
    );
  });

  it('tells the asker privately when the bot cannot post in the channel, since alerts could not either', async () => {
    harness.slack.failMethod('chat.postMessage', 'not_in_channel');
    const text = await ask('alerts missed queue 800', MANAGER);
    expect(text).toMatch(/^Alerts [0-9a-z]{6} on: missed calls of queue 800 will be posted here/);
    expect(text).toContain(
      'I could not post in this channel (Slack said: not_in_channel), so the alerts cannot post here either: invite the app (/invite @Calls), or end them with "alerts off".',
    );
  });

  it('explains an alert command without storing anything', async () => {
    const sent = await harness.sendCommand('explain alerts missed queue 800', { user_id: MANAGER });
    const { answer } = await harness.waitForAnswer(sent.responseId);
    const blocks = answer.blocks as { type: string; text?: { text: string } }[];
    expect(blocks[0]?.text?.text).toBe('How I read "alerts missed queue 800"');
    expect(blocks[1]?.text?.text).toBe(
      [
        '*Window:* none (this command has no period)',
        '*View:* alerts',
        '*Command:* `alerts missed queue 800`',
        '*Filters:* queue 800 · missed',
      ].join('\n'),
    );
    expect(await ask('alerts', MANAGER)).toContain('No alerts in this conversation yet.');
  });
});
