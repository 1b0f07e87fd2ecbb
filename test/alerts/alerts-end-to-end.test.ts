import { PEOPLE } from '../access/access-test-setup';
import { buttonOf } from '../helpers/slack-bot-harness';
import { SLACK_TEST_IDS } from '../helpers/slack-request';
import {
  type AlertEndToEndBot,
  E2E_BOT_TOKEN,
  E2E_SIGNING_SECRET,
  startAlertEndToEndBot,
} from './alert-end-to-end-bot';

/**
 * Live alerts end to end, in real time: the real bot with its own poller timer
 * (ALERT_POLL_SECONDS=5, the default settle time of 15 s), Slack through the fake Web API, the demo
 * PBX's live log. A missed call that appears at the PBX is posted within 60 s of its end; a claim
 * redraws the message; an answered call back to the number marks it returned, in place.
 */

const CAROL = 'U0CAROL001';
const BEN = SLACK_TEST_IDS.userId;
const CHANNEL = SLACK_TEST_IDS.channelId;
/** A number the demo's own callers never use. */
const CALLER = '+442079460177';

let e2e: AlertEndToEndBot;

beforeAll(async () => {
  e2e = await startAlertEndToEndBot({
    [CAROL]: { tz: 'Europe/London', email: PEOPLE.managerEmail },
    [BEN]: { tz: 'Europe/London', email: PEOPLE.agentEmail },
  });
});
afterAll(async () => {
  await e2e?.close();
});

it('posts a missed call within 60 s of its end, shows the claim, and marks it returned in place', async () => {
  await e2e.command('alerts missed queue 800', CAROL);
  await e2e.waitForCall(
    'chat.postMessage',
    (call) => /^Alerts [0-9a-z]{6} on:/.test(String(call.args.text)),
    10_000,
  );

  const missed = e2e.pbx.injectCall({
    kind: 'missed',
    at: new Date(Date.now() + 1000),
    from: CALLER,
    fromName: 'Jane Caller',
    to: '800',
    ringSeconds: 8,
  });
  const { call: alert, seenAtMs } = await e2e.waitForCall(
    'chat.postMessage',
    (call) => String(call.args.text).includes('Jane Caller') && call.args.thread_ts === undefined,
    75_000,
  );
  const delayMs = seenAtMs - missed.endsAt.getTime();
  // Settled 15 s after its end, seen at the next 5-second poll: well within the 60 s promised.
  expect(delayMs).toBeGreaterThanOrEqual(15_000);
  expect(delayMs).toBeLessThan(60_000);
  expect(alert.args.channel).toBe(CHANNEL);

  // Carol (who manages queue 800) takes it: the message itself now says so.
  await e2e.click('alert_claim', buttonOf(alert.args, 'alert_claim').value, CAROL);
  const { call: claimed } = await e2e.waitForCall(
    'chat.update',
    (call) => String(call.args.text).includes('Jane Caller'),
    10_000,
  );
  expect(claimed.args.channel).toBe(CHANNEL);
  expect(String(claimed.args.text)).toMatch(/carol|claimed|calling back/i);
  const ts = claimed.args.ts;

  // Ben (101) calls the number back and talks: the poller finds the return and redraws the same message.
  const back = e2e.pbx.injectCall({
    kind: 'outbound',
    at: new Date(Date.now() + 500),
    from: '101',
    to: '020 7946 0177',
    ringSeconds: 2,
    talkSeconds: 3,
  });
  const { call: returned, seenAtMs: returnSeenMs } = await e2e.waitForCall(
    'chat.update',
    (call) => call.args.ts === ts && /returned/i.test(String(call.args.text)),
    30_000,
  );
  expect(returnSeenMs - back.endsAt.getTime()).toBeLessThan(15_000);
  // Carol's rights cover queue 800, not extension 101: the returner stays "a colleague" for her channel.
  expect(String(returned.args.text)).toMatch(/✓ returned by a colleague/);
  expect(returned.args.channel).toBe(CHANNEL);
  // In place: the one message the alert was posted as, now redrawn twice (claimed, returned).
  expect(e2e.slack.message(CHANNEL, String(ts))).toMatchObject({
    text: returned.args.text,
    updates: 2,
    threadTs: undefined,
  });

  // Posted once, never again at the polls since.
  await new Promise((resolve) => setTimeout(resolve, 6000));
  const posts = e2e.slack
    .callsOf('chat.postMessage')
    .filter((call) => String(call.args.text).includes('Jane Caller'));
  expect(posts).toHaveLength(1);
  const log = e2e.logs.join('\n');
  expect(log).not.toContain(E2E_SIGNING_SECRET);
  expect(log).not.toContain(E2E_BOT_TOKEN);
}, 150_000);
