import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSlackAdapter, type SlackAdapter } from '../../src/adapters/slack/create-slack-adapter';
import type { ChatService } from '../../src/chat/chat-service';
import { createHttpServer } from '../../src/server/http-server';
import { listen } from '../../src/server/listen';
import { type FakeSlackApi, startFakeSlackApi } from '../helpers/fake-slack-api';
import { blockTexts, buttonOf, findButtons } from '../helpers/slack-bot-harness';
import { buildBlockActions, postToSlackEvents } from '../helpers/slack-request';
import { type AlertButtonsBed, CLICKERS, startAlertButtonsBed, waitFor } from './alert-buttons-setup';
import { alertSubscription, JANE } from './alert-message-fixtures';

/**
 * "I'll call back" and "Release" in Slack, through the real adapter (signed block_actions over
 * HTTP, Bolt, users.info on the fake Slack Web API), the real SQLite alert store and the access
 * rules: the alert message is redrawn in place; refusals go to the clicker alone.
 */

const SIGNING_SECRET = 'alert-buttons-signing-secret-1234';
const BOT_TOKEN = 'xoxb-alert-buttons-5678';
const CHANNEL = 'C0SUPPORT1';
const SUBSCRIPTION = alertSubscription();

describe('alert buttons in Slack', () => {
  let slack: FakeSlackApi;
  let bed: AlertButtonsBed;
  let adapter: SlackAdapter;
  let server: Server;
  let eventsUrl: string;
  let ts: string;
  let clicks = 0;

  const start = async (maskNumbers = false) => {
    slack = await startFakeSlackApi();
    for (const person of Object.values(CLICKERS)) {
      slack.setUser(person.slack, { tz: 'Europe/Berlin', email: person.email });
    }
    bed = await startAlertButtonsBed({ maskNumbers });
    adapter = createSlackAdapter({
      slack: {
        signingSecret: SIGNING_SECRET,
        botToken: BOT_TOKEN,
        apiUrl: slack.apiUrl,
        appToken: undefined,
      },
      chat: {} as ChatService,
      logger: bed.logger,
      defaultTimeZone: 'UTC',
      alertButtons: bed.buttons,
    });
    bed.deliveries.slack = adapter.alertDelivery;
    server = createHttpServer(adapter.routes, bed.logger);
    await listen(server, 0, '127.0.0.1');
    eventsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
    ts = await bed.postAlert(SUBSCRIPTION);
  };
  const stop = async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await adapter.stop?.();
    await bed.close();
    await slack.close();
  };

  /** The alert message as it stands in the channel now. */
  const message = () => slack.message(CHANNEL, ts) as unknown as Record<string, unknown>;
  const updates = () => slack.message(CHANNEL, ts)?.updates ?? 0;

  /**
   * `userId` clicks `actionId` with `value` in `channel`; resolves once the bot has decided (its
   * audit line is written after the message is redrawn) with what the clicker alone was told.
   */
  const click = async (userId: string, actionId: string, value: string, channel = CHANNEL) => {
    clicks += 1;
    const responseId = `alert-click-${clicks}`;
    const auditsOf = () => bed.audits().filter((line) => line.user === userId).length;
    const audited = auditsOf();
    const posted = await postToSlackEvents(
      eventsUrl,
      {
        payload: buildBlockActions({
          actionId,
          value,
          userId,
          channelId: channel,
          isEphemeral: false,
          responseUrl: slack.responseUrl(responseId),
        }),
      },
      { signingSecret: SIGNING_SECRET, timestampSeconds: Math.floor(Date.now() / 1000) },
    );
    expect(posted.status).toBe(200);
    await waitFor('the audit line of the click', () => auditsOf() > audited);
    // A refusal is told right after the decision; give it the moment it takes.
    await new Promise((resolve) => setTimeout(resolve, 50));
    return { told: slack.responsesTo(responseId).map((response) => response.body) };
  };
  const claimValue = () => buttonOf(message(), 'alert_claim').value;

  describe('claims and releases', () => {
    beforeEach(() => start());
    afterEach(() => stop());

    it("I'll call back: the same message now names the claimer and offers Release", async () => {
      const value = claimValue();
      const { told } = await click(CLICKERS.carol.slack, 'alert_claim', value);
      expect(told).toEqual([]);
      expect(updates()).toBe(1);
      expect(slack.callsOf('chat.update')[0]?.args).toMatchObject({ channel: CHANNEL, ts });
      expect(blockTexts(message())).toContain(`<@${CLICKERS.carol.slack}> is calling back.`);
      expect(findButtons(message()).map((button) => button.text.text)).toEqual(['Release']);
      const stored = await bed.alerts.getAlert(SUBSCRIPTION.id, JANE.callKey);
      expect(stored).toMatchObject({
        state: 'claimed',
        claimedBy: { platform: 'slack', id: CLICKERS.carol.slack },
      });
      expect(bed.audits().at(-1)).toMatchObject({
        platform: 'slack',
        user: CLICKERS.carol.slack,
        via: 'alert_claim',
        command: `claim alert ${SUBSCRIPTION.id} call ${JANE.callKey}`,
        role: 'manager',
        decision: 'allowed',
      });
    });

    it('two people click at once: one holds it, the other is told who', async () => {
      const value = claimValue();
      const [carol, dave] = await Promise.all([
        click(CLICKERS.carol.slack, 'alert_claim', value),
        click(CLICKERS.dave.slack, 'alert_claim', value),
      ]);
      const stored = await bed.alerts.getAlert(SUBSCRIPTION.id, JANE.callKey);
      const winner = stored?.claimedBy?.id;
      expect([CLICKERS.carol.slack, CLICKERS.dave.slack]).toContain(winner);
      const loser = winner === CLICKERS.carol.slack ? dave : carol;
      const won = winner === CLICKERS.carol.slack ? carol : dave;
      expect(won.told).toEqual([]);
      expect(loser.told.map((body) => body.text)).toEqual([
        `<@${winner}> is already calling back this caller.`,
      ]);
      expect(loser.told[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      expect(updates()).toBe(1);
      expect(blockTexts(message())).toContain(`<@${winner}> is calling back.`);
    });

    it('Release by someone else is refused and changes nothing; by the claimer it reopens the alert', async () => {
      await click(CLICKERS.carol.slack, 'alert_claim', claimValue());
      const release = buttonOf(message(), 'alert_release').value;

      const { told } = await click(CLICKERS.dave.slack, 'alert_release', release);
      expect(told.map((body) => body.text)).toEqual([
        `Only <@${CLICKERS.carol.slack}>, who is calling back, or an admin can release this call-back.`,
      ]);
      expect(updates()).toBe(1);
      expect((await bed.alerts.getAlert(SUBSCRIPTION.id, JANE.callKey))?.claimedBy?.id).toBe(
        CLICKERS.carol.slack,
      );
      expect(bed.audits().at(-1)).toMatchObject({ user: CLICKERS.dave.slack, decision: 'refused' });

      expect((await click(CLICKERS.carol.slack, 'alert_release', release)).told).toEqual([]);
      expect(updates()).toBe(2);
      expect(blockTexts(message())).toContain('Nobody is calling back yet.');
      expect(findButtons(message()).map((button) => button.text.text)).toEqual(["I'll call back"]);
      expect((await bed.alerts.getAlert(SUBSCRIPTION.id, JANE.callKey))?.state).toBe('open');
    });

    it('an admin may release anyone’s claim', async () => {
      await click(CLICKERS.carol.slack, 'alert_claim', claimValue());
      const release = buttonOf(message(), 'alert_release').value;
      expect((await click(CLICKERS.admin.slack, 'alert_release', release)).told).toEqual([]);
      expect((await bed.alerts.getAlert(SUBSCRIPTION.id, JANE.callKey))?.state).toBe('open');
      expect(blockTexts(message())).toContain('Nobody is calling back yet.');
    });

    it('someone whose access does not cover the call may not take it', async () => {
      const { told } = await click(CLICKERS.ben.slack, 'alert_claim', claimValue());
      expect(told.map((body) => body.text)).toEqual([
        'You may not see the calls of 800, so you cannot take this call-back.',
      ]);
      expect(updates()).toBe(0);
      expect((await bed.alerts.getAlert(SUBSCRIPTION.id, JANE.callKey))?.state).toBe('open');
      expect(bed.audits().at(-1)).toMatchObject({
        user: CLICKERS.ben.slack,
        role: 'agent',
        decision: 'refused',
      });
    });

    it.each([
      ['a value without the call key', 'alert_claim', () => SUBSCRIPTION.id],
      ['an id that is no subscription id', 'alert_claim', () => `K3M9QA:${JANE.callKey}`],
      [
        'JSON where the value belongs',
        'alert_claim',
        () => JSON.stringify({ s: SUBSCRIPTION.id, c: JANE.callKey }),
      ],
      ['a control character in the call key', 'alert_claim', () => `${SUBSCRIPTION.id}:call\n1`],
      ['an unknown alert action', 'alert_delete', () => `${SUBSCRIPTION.id}:${JANE.callKey}`],
    ])('%s gets a clear answer and changes nothing', async (_what, actionId, value) => {
      const { told } = await click(CLICKERS.carol.slack, actionId, value());
      expect(told.map((body) => body.text)).toEqual([
        "That button's data could not be read, so nothing was changed.",
      ]);
      expect(updates()).toBe(0);
      expect((await bed.alerts.getAlert(SUBSCRIPTION.id, JANE.callKey))?.state).toBe('open');
    });

    it('a valid value clicked in another channel is refused as unreadable', async () => {
      const { told } = await click(CLICKERS.carol.slack, 'alert_claim', claimValue(), 'C0ELSEWHERE');
      expect(told.map((body) => body.text)).toEqual([
        "That button's data could not be read, so nothing was changed.",
      ]);
      expect(updates()).toBe(0);
    });

    it('an alert that is no longer kept says so', async () => {
      const { told } = await click(CLICKERS.carol.slack, 'alert_claim', `${SUBSCRIPTION.id}:another-call`);
      expect(told.map((body) => body.text)).toEqual([
        'This alert is no longer kept, or its subscription has ended, so its buttons do nothing now.',
      ]);
    });
  });

  describe('with PRIVACY_MASK_NUMBERS', () => {
    beforeEach(() => start(true));
    afterEach(() => stop());

    it('the redrawn message shows neither the number nor a tel: link', async () => {
      await click(CLICKERS.carol.slack, 'alert_claim', claimValue());
      expect(updates()).toBe(1);
      const update = JSON.stringify(slack.callsOf('chat.update')[0]?.args);
      expect(update).toContain('is calling back.');
      expect(update).not.toContain('tel:');
      expect(update).not.toContain('7946');
      expect(JSON.stringify(slack.callsOf('chat.postMessage')[0]?.args)).not.toContain('tel:');
    });
  });
});
