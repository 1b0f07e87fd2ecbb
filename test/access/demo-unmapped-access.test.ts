import { DEMO_ACCESS_NOTE } from '../../src/access/unmapped-access';
import { escapeTeamsMarkdown } from '../../src/render/escape-teams-markdown';
import type { RecordedApiCall } from '../helpers/fake-slack-api';
import { runCliReport } from '../helpers/run-cli-in-process';
import {
  blockTexts,
  SLACK_NOW,
  type SlackBotHarness,
  startSlackBotHarness,
} from '../helpers/slack-bot-harness';
import { SLACK_TEST_IDS } from '../helpers/slack-request';
import { buildPersonalMessage } from '../helpers/teams-activities';
import { bodyOf, cardOf, textsOf } from '../helpers/teams-card';
import { startTeamsTestBed, type TeamsTestBed } from '../helpers/teams-test-bed';
import { summaryLineWithChange } from './access-test-setup';

/**
 * The first try in a real Slack or Teams against the built-in demo PBX: a chat user whose e-mail
 * matches no 3CX user sees the (invented) demo calls, with a note on how access works with a real
 * PBX. With THREECX_URL (a demo PBX served apart, as a real 3CX would be) or ACCESS_UNMAPPED=none,
 * they are refused as ever.
 */

const BERLIN = 'Europe/Berlin';
const LAST_WEEK = 'Mon 16 – Sun 22 Nov 2026 (Europe/Berlin)';
const NO_ACCESS = (account: string) =>
  `You have no access to call reports yet: your ${account} is not linked to a 3CX extension.`;
/** How each setting starts the bot: its own built-in demo PBX, or THREECX_URL naming one served apart. */
const SETTINGS = {
  demo: { builtInPbx: true, env: {} },
  realPbx: { builtInPbx: false, env: {} },
  demoWithNone: { builtInPbx: true, env: { ACCESS_UNMAPPED: 'none' } },
} as const;
const REFUSING = [['realPbx'], ['demoWithNone']] as const;

describe('unlinked users on the demo PBX over Slack (real bot, fake Slack Web API)', () => {
  /** In users.info with an e-mail that no 3CX user has. */
  const STRANGER = 'U0NOBODY01';

  async function withHarness(
    setting: keyof typeof SETTINGS,
    test: (harness: SlackBotHarness) => Promise<void>,
  ): Promise<void> {
    const harness = await startSlackBotHarness({
      builtInPbx: SETTINGS[setting].builtInPbx,
      env: SETTINGS[setting].env,
      users: { [STRANGER]: { tz: BERLIN, email: 'nobody@example.com' } },
    });
    try {
      await test(harness);
    } finally {
      await harness.close();
    }
  }

  async function ask(harness: SlackBotHarness, text: string): Promise<Record<string, unknown>> {
    const sent = await harness.sendCommand(text, { user_id: STRANGER });
    return (await harness.waitForAnswer(sent.responseId)).answer;
  }

  async function post(harness: SlackBotHarness, text: string): Promise<RecordedApiCall> {
    const before = harness.slack.callsOf('chat.postMessage').length;
    await harness.sendCommand(text, { user_id: STRANGER });
    return (await harness.slack.waitForCalls('chat.postMessage', before + 1))[before]!;
  }

  it('shows every demo call with the note as a context block', async () => {
    await withHarness('demo', async (harness) => {
      const answer = await ask(harness, 'last week');
      const expected = await runCliReport(['last', 'week'], BERLIN, { pbx: harness.pbx, now: SLACK_NOW });
      expect(expected.totals.calls).toBeGreaterThan(100);
      expect(answer.text).toBe(summaryLineWithChange(LAST_WEEK, expected));
      expect(answer.blocks).toContainEqual({
        type: 'context',
        elements: [{ type: 'mrkdwn', text: DEMO_ACCESS_NOTE }],
      });
      // Any extension of the demo company, as for ACCESS_UNMAPPED=all.
      expect(blockTexts(await ask(harness, 'last week ext 102'))).toContain(DEMO_ACCESS_NOTE);
    });
  });

  it('lets them schedule a digest, which posts every demo call with the note', async () => {
    await withHarness('demo', async (harness) => {
      const confirmation = await post(harness, 'schedule every day at 8:00 yesterday');
      expect(String(confirmation.args.text)).toMatch(/^Digest [0-9a-z]{6} scheduled/);
      expect(blockTexts(confirmation.args)).toContain(DEMO_ACCESS_NOTE);
      const firstRun = new Date('2026-11-30T07:00:30Z');
      const before = harness.slack.callsOf('chat.postMessage').length;
      harness.setNow(firstRun);
      await harness.bot.scheduler.tick();
      const [digest, ...more] = harness.slack.callsOf('chat.postMessage').slice(before);
      expect(more).toEqual([]);
      const expected = await runCliReport(['yesterday'], BERLIN, { pbx: harness.pbx, now: firstRun });
      expect(digest?.args.channel).toBe(SLACK_TEST_IDS.channelId);
      expect(digest?.args.text).toBe(summaryLineWithChange('Sun 29 Nov 2026 (Europe/Berlin)', expected));
      expect(blockTexts(digest!.args)).toContain(DEMO_ACCESS_NOTE);
    });
  });

  it.each(REFUSING)('refuses them as before with %s', async (setting) => {
    await withHarness(setting, async (harness) => {
      const texts = blockTexts(await ask(harness, 'last week'));
      expect(texts).toContain(NO_ACCESS('Slack account'));
      expect(texts).not.toContain('Demo PBX');
    });
  });
});

describe('unlinked users on the demo PBX over Teams (real bot, TEAMS_DEV_NO_AUTH, fake Bot Connector)', () => {
  /** A member whose e-mail no 3CX user has. */
  const STRANGER = {
    id: '29:1strangerNobody',
    name: 'No Body',
    aadObjectId: 'dd44dd44-0000-4000-8000-000000000000',
  };

  async function withBed(
    setting: keyof typeof SETTINGS,
    test: (bed: TeamsTestBed) => Promise<void>,
  ): Promise<void> {
    const bed = await startTeamsTestBed(
      { TEAMS_DEV_NO_AUTH: 'true', ...SETTINGS[setting].env },
      { builtInPbx: SETTINGS[setting].builtInPbx },
    );
    try {
      bed.connector.setMember({ ...STRANGER, email: 'nobody@example.com' });
      await test(bed);
    } finally {
      await bed.close();
    }
  }

  const ask = (bed: TeamsTestBed, text: string) =>
    bed.ask(buildPersonalMessage(bed.connector.serviceUrl, { from: STRANGER, text }));

  it('shows every demo call with the note as a subtle line', async () => {
    await withBed('demo', async (bed) => {
      const reply = await ask(bed, 'calls last week');
      const expected = await bed.runCliJson(['last', 'week'], BERLIN);
      expect(reply.activity.summary).toBe(summaryLineWithChange(LAST_WEEK, expected));
      expect(bodyOf(cardOf(reply.activity))).toContainEqual(
        expect.objectContaining({
          type: 'TextBlock',
          text: escapeTeamsMarkdown(DEMO_ACCESS_NOTE),
          isSubtle: true,
        }),
      );
    });
  });

  it.each(REFUSING)('refuses them as before with %s', async (setting) => {
    await withBed(setting, async (bed) => {
      const texts = textsOf(cardOf((await ask(bed, 'calls last week')).activity));
      expect(texts[0]).toBe(`⚠️ ${NO_ACCESS('Teams account')}`);
      expect(texts.join('\n')).not.toContain('Demo PBX');
    });
  });
});
