import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TeamsChatAdapter } from '../../src/adapters/teams/create-teams-adapter';
import { TeamsAlertDelivery } from '../../src/adapters/teams/teams-alert-delivery';
import { createHttpServer } from '../../src/server/http-server';
import { listen } from '../../src/server/listen';
import {
  type ConnectorCall,
  type FakeBotConnector,
  startFakeBotConnector,
} from '../helpers/fake-bot-connector';
import { buildButtonSubmit, TEAMS_CHANNEL_ID, TEAMS_TENANT_ID } from '../helpers/teams-activities';
import { cardOf, submitAction, textsOf } from '../helpers/teams-card';
import { type AlertButtonsBed, CLICKERS, startAlertButtonsBed, waitFor } from './alert-buttons-setup';
import { alertSubscription, JANE } from './alert-message-fixtures';
import { createAlertTeamsAdapter } from './alert-teams-adapter';

/**
 * "I'll call back" and "Release" in Teams, through the real adapter (dev-no-auth, an Action.Submit
 * posted to /api/messages, the member lookup on the fake Bot Connector), the real SQLite alert
 * store and the access rules: the card is replaced in place (updateActivity); what the clicker
 * is told is a reply in the conversation.
 */

const SUBSCRIPTION = alertSubscription({
  target: { platform: 'teams', conversationId: TEAMS_CHANNEL_ID, teamId: TEAMS_TENANT_ID },
});
const PEOPLE = {
  carol: { id: '29:carol', name: 'Carol Lead', aadObjectId: CLICKERS.carol.aad, email: CLICKERS.carol.email },
  dave: { id: '29:dave', name: 'Dave Lead', aadObjectId: CLICKERS.dave.aad, email: CLICKERS.dave.email },
} as const;

describe('alert buttons in Teams', () => {
  let connector: FakeBotConnector;
  let bed: AlertButtonsBed;
  let teams: TeamsChatAdapter;
  let server: Server;
  let messagesUrl: string;
  let activityId: string;

  beforeEach(async () => {
    connector = await startFakeBotConnector();
    for (const person of Object.values(PEOPLE)) connector.setMember(person);
    bed = await startAlertButtonsBed();
    teams = await createAlertTeamsAdapter(connector, { logger: bed.logger, alertButtons: bed.buttons });
    bed.deliveries.teams = new TeamsAlertDelivery(teams.alertMessages);
    server = createHttpServer(teams.routes, bed.logger);
    await listen(server, 0, '127.0.0.1');
    messagesUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
    activityId = await bed.postAlert(SUBSCRIPTION);
  });
  afterEach(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await teams.stop?.();
    await bed.close();
    await connector.close();
  });

  /** The alert's card as it stands now. */
  const card = () => cardOf(connector.activity(activityId)!.activity);

  /** `person` clicks `data` on the alert card in the channel; resolves with the replies the bot sent back. */
  const click = async (
    person: (typeof PEOPLE)[keyof typeof PEOPLE],
    data: unknown,
  ): Promise<ConnectorCall[]> => {
    const submit = buildButtonSubmit(connector.serviceUrl, data, {
      from: { id: person.id, name: person.name, aadObjectId: person.aadObjectId },
      conversation: {
        isGroup: true,
        conversationType: 'channel',
        tenantId: TEAMS_TENANT_ID,
        id: `${TEAMS_CHANNEL_ID};messageid=${activityId}`,
      },
      replyToId: activityId,
    });
    const audited = bed.audits().filter((line) => line.user === person.aadObjectId).length;
    const response = await fetch(messagesUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(submit),
    });
    expect(response.status).toBe(200);
    await waitFor(
      'the audit line of the click',
      () => bed.audits().filter((line) => line.user === person.aadObjectId).length > audited,
    );
    await teams.stop?.();
    return connector.messages().filter((call) => call.replyToActivityId === submit.id);
  };

  it("I'll call back: the same card now names the claimer and offers Release", async () => {
    const replies = await click(PEOPLE.carol, submitAction(card(), 'alert_claim').data);
    expect(replies).toEqual([]);
    expect(connector.activity(activityId)?.updates).toBe(1);
    expect(textsOf(card())).toContain('Carol Lead is calling back.');
    expect(submitAction(card(), 'alert_release').title).toBe('Release');
    expect(await bed.alerts.getAlert(SUBSCRIPTION.id, JANE.callKey)).toMatchObject({
      state: 'claimed',
      claimedBy: { platform: 'teams', id: CLICKERS.carol.aad, name: 'Carol Lead' },
    });
  });

  it('a second claimer is told who holds it; a non-claimer may not release', async () => {
    const claim = submitAction(card(), 'alert_claim').data;
    await click(PEOPLE.carol, claim);
    const [taken] = await click(PEOPLE.dave, claim);
    expect(textsOf(cardOf(taken!.activity))).toEqual(['Carol Lead is already calling back this caller.']);

    const [refused] = await click(PEOPLE.dave, submitAction(card(), 'alert_release').data);
    expect(textsOf(cardOf(refused!.activity))).toEqual([
      'Only Carol Lead, who is calling back, or an admin can release this call-back.',
    ]);
    expect(connector.activity(activityId)?.updates).toBe(1);
    expect((await bed.alerts.getAlert(SUBSCRIPTION.id, JANE.callKey))?.claimedBy?.id).toBe(
      CLICKERS.carol.aad,
    );
  });

  it('a malformed submit gets a clear reply and changes nothing', async () => {
    const [reply] = await click(PEOPLE.carol, {
      action: 'alert_claim',
      value: { subscription: SUBSCRIPTION.id },
    });
    expect(textsOf(cardOf(reply!.activity))).toEqual([
      "That button's data could not be read, so nothing was changed.",
    ]);
    expect(connector.activity(activityId)?.updates).toBe(0);
    expect((await bed.alerts.getAlert(SUBSCRIPTION.id, JANE.callKey))?.state).toBe('open');
  });
});
