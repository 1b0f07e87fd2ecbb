import type { ConnectorCall } from '../helpers/fake-bot-connector';
import {
  buildButtonSubmit,
  buildChannelMention,
  TEAMS_CHANNEL_ID,
  TEAMS_TENANT_ID,
  TEAMS_USER,
} from '../helpers/teams-activities';
import { cardOf, submitAction, textsOf } from '../helpers/teams-card';
import { startTeamsTestBed, TEAMS_TEST_NOW, type TeamsTestBed } from '../helpers/teams-test-bed';

/**
 * Live alerts end to end in Teams: the real bot and server, the fake Bot Connector, the demo PBX's
 * live log. The bot's and the PBX's clocks are moved together and the bot's own poller is ticked
 * (`alertPoller.tick()`), so the test knows exactly which poll does what: the missed call is
 * posted as a proactive card at the first poll after it settled, "I'll call back" redraws that
 * card (`updateActivity`), and an answered call back marks it returned, in the same card. The test
 * user is an admin (test-admins-policy.yaml), looked up as a member of the channel at every post.
 */

const CALLER = '+442079460188';
const SECOND = 1000;

let bed: TeamsTestBed;
let clock = new Date(TEAMS_TEST_NOW);

function setNow(at: Date): void {
  clock = at;
  bed.setNow(at);
  bed.pbx.setNow(at);
}

function later(ms: number): Date {
  return new Date(clock.getTime() + ms);
}

beforeAll(async () => {
  bed = await startTeamsTestBed();
  bed.connector.setMember({
    id: TEAMS_USER.id,
    name: TEAMS_USER.name,
    aadObjectId: TEAMS_USER.aadObjectId,
    email: 'ben.okafor@example.com',
  });
});
afterAll(async () => {
  await bed?.close();
});

/** The bot's posts into the channel that are not replies: alerts (and the subscription's answer is a reply). */
function alertPosts(): ConnectorCall[] {
  return bed.connector
    .messages()
    .filter(
      (call) =>
        call.method === 'POST' &&
        call.replyToActivityId === undefined &&
        call.conversationId.startsWith(TEAMS_CHANNEL_ID) &&
        JSON.stringify(call.activity).includes(CALLER),
    );
}

it('posts a settled missed call once, redraws the card on a claim and when the call is returned', async () => {
  const answer = await bed.ask(buildChannelMention(bed.connector.serviceUrl, 'alerts missed queue 800'));
  expect(textsOf(cardOf(answer.activity))[0]).toMatch(/^Alerts [0-9a-z]{6} on:/);

  const missed = bed.pbx.injectCall({
    kind: 'missed',
    at: later(10 * SECOND),
    from: CALLER,
    fromName: 'Jane Caller',
    to: '800',
    ringSeconds: 20,
  });
  setNow(new Date(missed.endsAt.getTime() + 14 * SECOND));
  await bed.bot.alertPoller.tick();
  expect(alertPosts()).toEqual([]);

  setNow(new Date(missed.endsAt.getTime() + 15 * SECOND));
  expect(await bed.bot.alertPoller.tick()).toMatchObject({ kind: 'polled' });
  const [posted] = alertPosts();
  expect(posted).toBeDefined();
  const card = cardOf(posted!.activity);
  expect(textsOf(card).join('\n')).toContain('Jane Caller');
  const activityId = postedIdOf(posted!);
  expect(bed.connector.activity(activityId)?.activity).toBe(posted!.activity);

  // Ben takes it from the channel: the same card now says so.
  const claim = submitAction(card, 'alert_claim');
  const clicked = await bed.post(
    buildButtonSubmit(bed.connector.serviceUrl, claim.data, {
      conversation: {
        isGroup: true,
        conversationType: 'channel',
        tenantId: TEAMS_TENANT_ID,
        id: `${TEAMS_CHANNEL_ID};messageid=${activityId}`,
      },
      channelData: { tenant: { id: TEAMS_TENANT_ID }, channel: { id: TEAMS_CHANNEL_ID } },
      replyToId: activityId,
    }),
  );
  expect(clicked.status).toBe(200);
  await bed.connector.waitForCalls(
    1,
    (call) => call.method === 'PUT' && call.updatedActivityId === activityId,
  );
  expect(JSON.stringify(bed.connector.activity(activityId)?.activity)).toMatch(/Ben Okafor/);

  // Ben calls back and talks: the next poll redraws the same card as returned.
  const back = bed.pbx.injectCall({
    kind: 'outbound',
    at: later(60 * SECOND),
    from: '101',
    to: CALLER,
    talkSeconds: 45,
  });
  setNow(new Date(back.endsAt.getTime() + 1));
  await bed.bot.alertPoller.tick();
  const redrawn = bed.connector.activity(activityId);
  expect(redrawn?.updates).toBe(2);
  expect(JSON.stringify(redrawn?.activity)).toContain('returned by Ben Okafor');

  // Later polls post nothing again.
  setNow(later(30 * SECOND));
  await bed.bot.alertPoller.tick();
  expect(alertPosts()).toHaveLength(1);
});

/** The id the fake connector gave a posted activity (it numbers its POSTs from 1). */
function postedIdOf(call: ConnectorCall): string {
  const posts = bed.connector.calls.filter((candidate) => candidate.method === 'POST');
  return `connector-activity-${posts.indexOf(call) + 1}`;
}
