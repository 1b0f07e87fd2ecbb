import {
  BOT_TOKEN,
  SIGNING_SECRET,
  SLACK_NOW_SECONDS,
  type SlackBotHarness,
  startSlackBotHarness,
} from '../../helpers/slack-bot-harness';
import { buildSlashCommand, signSlackBody } from '../../helpers/slack-request';

describe('POST /slack/events refuses what Slack did not send', () => {
  let harness: SlackBotHarness;
  let pbxRequestsBefore: number;

  beforeEach(async () => {
    harness = await startSlackBotHarness();
    pbxRequestsBefore = harness.pbx.requests.length;
  });
  afterEach(async () => {
    expect(harness.logs.join('\n')).not.toContain(SIGNING_SECRET);
    expect(harness.logs.join('\n')).not.toContain(BOT_TOKEN);
    await harness.close();
  });

  const command = () => ({
    form: buildSlashCommand({ text: 'last week ext 101', response_url: harness.slack.responseUrl('forged') }),
  });

  /** Nothing may happen after a refusal: no PBX request, no Slack call, no reply. */
  async function expectNothingHappened() {
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(harness.pbx.requests).toHaveLength(pbxRequestsBefore);
    expect(harness.slack.calls).toEqual([]);
    expect(harness.slack.responses).toEqual([]);
  }

  it('answers 401 to a bad signature and never calls the PBX', async () => {
    const result = await harness.post(command(), {
      signature: signSlackBody('text=something+else', SIGNING_SECRET, SLACK_NOW_SECONDS),
    });
    expect(result).toEqual({ status: 401, body: '' });
    await expectNothingHappened();
    expect(
      harness.logs.some(
        (line) => line.includes('Slack request refused') && line.includes('signature mismatch'),
      ),
    ).toBe(true);
  });

  it('answers 401 to a request signed with another secret', async () => {
    expect((await harness.post(command(), { signingSecret: 'not-the-secret' })).status).toBe(401);
    await expectNothingHappened();
  });

  it('answers 401 to a correctly signed request whose timestamp is older than 5 minutes', async () => {
    const result = await harness.post(command(), { timestampSeconds: SLACK_NOW_SECONDS - 5 * 60 - 1 });
    expect(result).toEqual({ status: 401, body: '' });
    await expectNothingHappened();
  });

  it('answers 401 to a request without signature headers', async () => {
    expect((await harness.post(command(), { unsigned: true })).status).toBe(401);
    await expectNothingHappened();
  });

  it("answers Slack's URL verification challenge", async () => {
    const result = await harness.post({
      json: { token: 't', challenge: 'c-7f3a9e', type: 'url_verification' },
    });
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body)).toEqual({ challenge: 'c-7f3a9e' });
  });

  it('answers 400 to a signed body it cannot read', async () => {
    expect(
      (await harness.post({ raw: 'payload=%7Bbroken', contentType: 'application/x-www-form-urlencoded' }))
        .status,
    ).toBe(400);
    expect((await harness.post({ raw: '{"type":', contentType: 'application/json' })).status).toBe(400);
    await expectNothingHappened();
  });

  it('answers 413 to a body over 1 MiB without reading further', async () => {
    const huge = {
      form: buildSlashCommand({
        text: 'x'.repeat(1024 * 1024),
        response_url: harness.slack.responseUrl('huge'),
      }),
    };
    expect((await harness.post(huge)).status).toBe(413);
    await expectNothingHappened();
  });

  it('answers 200 to an event nothing listens for, and 405 to GET', async () => {
    const result = await harness.post({
      json: { type: 'event_callback', team_id: 'T1', event: { type: 'reaction_added', user: 'U1' } },
    });
    expect(result.status).toBe(200);
    expect((await fetch(harness.eventsUrl)).status).toBe(405);
  });
});
