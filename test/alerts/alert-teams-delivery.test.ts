import type { TeamsChatAdapter } from '../../src/adapters/teams/create-teams-adapter';
import { TeamsAlertDelivery } from '../../src/adapters/teams/teams-alert-delivery';
import { silentLogger } from '../../src/core/logger';
import { type FakeBotConnector, startFakeBotConnector } from '../helpers/fake-bot-connector';
import { TEAMS_CHANNEL_ID, TEAMS_TENANT_ID } from '../helpers/teams-activities';
import { cardOf, textsOf } from '../helpers/teams-card';
import { alertSubscription, claimedAlert, postedAlert, returnedAlert } from './alert-message-fixtures';
import { createAlertTeamsAdapter } from './alert-teams-adapter';

/**
 * The Teams alert delivery through the real adapter (dev-no-auth, botbuilder) against the fake Bot
 * Connector: the proactive post's activity id is the alert's message id, an update replaces that
 * activity (PUT), a reminder answers it.
 */

const SUBSCRIPTION = alertSubscription({
  target: { platform: 'teams', conversationId: TEAMS_CHANNEL_ID, teamId: TEAMS_TENANT_ID },
});

describe('TeamsAlertDelivery', () => {
  let connector: FakeBotConnector;
  let teams: TeamsChatAdapter;
  let delivery: TeamsAlertDelivery;

  beforeEach(async () => {
    connector = await startFakeBotConnector();
    teams = await createAlertTeamsAdapter(connector, { logger: silentLogger });
    delivery = new TeamsAlertDelivery(teams.alertMessages);
  });
  afterEach(async () => {
    await connector.close();
  });

  it('posts the card into the conversation and returns the activity id the Bot Connector gave', async () => {
    const ref = await delivery.post(SUBSCRIPTION, postedAlert({ message: undefined }), false);
    const [call] = connector.messages();
    expect(call?.method).toBe('POST');
    expect(call?.conversationId).toBe(TEAMS_CHANNEL_ID);
    expect(call?.replyToActivityId).toBeUndefined();
    expect(ref).toEqual({ messageId: 'connector-activity-1' });
    const card = cardOf(connector.activity(ref.messageId)!.activity);
    expect(textsOf(card).slice(0, 2)).toEqual([
      'Missed call from Jane Caller',
      '+442079460123 · [Call](tel:+442079460123)',
    ]);
    expect(call?.activity.summary).toBe('Missed call from Jane Caller');
  });

  it('updates the same activity in place (updateActivity): the claimer, then the return', async () => {
    const ref = await delivery.post(SUBSCRIPTION, postedAlert({ message: undefined }), false);
    await delivery.update(SUBSCRIPTION, claimedAlert({ message: ref }), false);
    const update = connector.calls.find((call) => call.method === 'PUT');
    expect(update?.path).toBe(
      `/v3/conversations/${encodeURIComponent(TEAMS_CHANNEL_ID)}/activities/${ref.messageId}`,
    );
    expect(update?.activity.id).toBe(ref.messageId);
    let card = cardOf(connector.activity(ref.messageId)!.activity);
    expect(textsOf(card)).toContain('Ben Okafor is calling back.');
    expect((card.actions as { title: string }[]).map((action) => action.title)).toEqual(['Release']);

    await delivery.update(SUBSCRIPTION, returnedAlert({ message: ref }), false);
    card = cardOf(connector.activity(ref.messageId)!.activity);
    expect(textsOf(card)).toContain('✓ returned by Ben Okafor 12 min later');
    expect(card.actions).toBeUndefined();
    expect(connector.activity(ref.messageId)?.updates).toBe(2);
    expect(connector.calls.filter((call) => call.method === 'POST')).toHaveLength(1);
  });

  it('masked: no number and no tel: link in the card', async () => {
    const ref = await delivery.post(SUBSCRIPTION, postedAlert({ message: undefined }), true);
    const sent = JSON.stringify(connector.activity(ref.messageId)?.activity);
    expect(sent).not.toContain('tel:');
    expect(sent).not.toContain('7946');
    expect(sent).toContain('+44 20•• ••0123');
  });

  it('reminds as a reply to the alert', async () => {
    const ref = await delivery.post(SUBSCRIPTION, postedAlert({ message: undefined }), false);
    await delivery.remind(SUBSCRIPTION, claimedAlert({ message: ref }));
    const reply = connector.messages().find((call) => call.replyToActivityId === ref.messageId);
    expect(reply?.method).toBe('POST');
    expect(textsOf(cardOf(reply!.activity))).toEqual([
      'Reminder: Ben Okafor took this call-back at Mon 2 Nov 10:20 and no return to Jane Caller has been seen yet. Release it if you cannot call back.',
    ]);
  });

  it('fails with a short reason: an activity the Bot Connector does not know, a conversation never seen', async () => {
    const unknown = claimedAlert({ message: { messageId: 'no-such-activity' } });
    await expect(delivery.update(SUBSCRIPTION, unknown, false)).rejects.toThrow(
      new Error(
        'Teams refused the update (HTTP 404: the message was deleted, or its conversation no longer exists)',
      ),
    );
    const elsewhere = alertSubscription({
      target: { platform: 'teams', conversationId: '19:gone@thread.tacv2' },
    });
    await expect(delivery.post(elsewhere, postedAlert(), false)).rejects.toThrow(
      new Error('the bot is no longer in this conversation'),
    );
  });
});
