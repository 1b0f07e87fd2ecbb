import { webApi } from '@slack/bolt';
import { SlackUserResolver } from '../../../src/adapters/slack/slack-user-resolver';
import { createLogger } from '../../../src/core/logger';
import { type FakeSlackApi, startFakeSlackApi } from '../../helpers/fake-slack-api';

describe('SlackUserResolver (users.info over HTTP to a fake Slack)', () => {
  let slack: FakeSlackApi;
  let client: webApi.WebClient;
  let clock: Date;
  let logs: string[];
  let resolver: SlackUserResolver;

  beforeEach(async () => {
    slack = await startFakeSlackApi();
    client = new webApi.WebClient('xoxb-resolver-test', {
      slackApiUrl: slack.apiUrl,
      retryConfig: { retries: 0 },
    });
    clock = new Date('2026-11-29T10:00:00Z');
    logs = [];
    const logger = createLogger({ write: (line) => logs.push(line) });
    resolver = new SlackUserResolver({
      defaultTimeZone: 'America/Chicago',
      defaultLocale: 'de-DE',
      logger,
      now: () => clock,
      ttlMs: 60_000,
    });
  });
  afterEach(() => slack.close());

  it("uses the user's Slack zone, locale and e-mail, and asks Slack once per user within the cache time", async () => {
    slack.setUser('U1', { tz: 'Europe/Berlin', locale: 'en-GB', email: 'ben@example.com' });
    const first = await resolver.resolveUser(client, 'U1');
    expect(first).toEqual({
      platform: 'slack',
      id: 'U1',
      timeZone: 'Europe/Berlin',
      locale: 'en-GB',
      email: 'ben@example.com',
    });
    expect(await resolver.resolveUser(client, 'U1')).toEqual(first);
    expect(slack.callsOf('users.info').map((call) => call.args)).toEqual([
      { user: 'U1', include_locale: 'true' },
    ]);
    expect(slack.callsOf('users.info')[0]?.authorization).toBe('Bearer xoxb-resolver-test');
  });

  it('asks again once the cache time has passed', async () => {
    slack.setUser('U1', { tz: 'Europe/Berlin' });
    await resolver.resolveUser(client, 'U1');
    slack.setUser('U1', { tz: 'Asia/Tokyo' });
    clock = new Date(clock.getTime() + 60_001);
    expect((await resolver.resolveUser(client, 'U1')).timeZone).toBe('Asia/Tokyo');
    expect(slack.callsOf('users.info')).toHaveLength(2);
  });

  it('falls back to the default zone when Slack fails or sends no usable zone, and does not cache a failure', async () => {
    // A failed lookup says so: the access rules refuse such a user rather than take them for unlinked.
    expect(await resolver.resolveUser(client, 'U404')).toEqual({
      platform: 'slack',
      id: 'U404',
      timeZone: 'America/Chicago',
      locale: 'de-DE',
      identityUnknown: true,
    });
    expect(logs.join('\n')).toContain('user_not_found');
    expect(logs.join('\n')).not.toContain('xoxb-resolver-test');
    slack.setUser('U404', { tz: 'Europe/Paris' });
    expect((await resolver.resolveUser(client, 'U404')).timeZone).toBe('Europe/Paris');
    slack.setUser('U2', { tz: 'Mars/Olympus_Mons', locale: 'not a locale' });
    expect(await resolver.resolveUser(client, 'U2')).toEqual({
      platform: 'slack',
      id: 'U2',
      timeZone: 'America/Chicago',
      locale: 'de-DE',
    });
  });

  it('caches the locale with the zone, and takes a changed one after the cache time', async () => {
    slack.setUser('U1', { tz: 'Europe/Berlin', locale: 'en-US' });
    expect((await resolver.resolveUser(client, 'U1')).locale).toBe('en-US');
    slack.setUser('U1', { tz: 'Europe/Berlin', locale: 'en-GB' });
    expect((await resolver.resolveUser(client, 'U1')).locale).toBe('en-US');
    clock = new Date(clock.getTime() + 60_001);
    expect((await resolver.resolveUser(client, 'U1')).locale).toBe('en-GB');
    expect(slack.callsOf('users.info')).toHaveLength(2);
  });

  it('marks a user as not looked up when Slack answers 500, or says they are deactivated', async () => {
    slack.setUser('U500', { tz: 'Europe/Berlin', email: 'ben@example.com' });
    slack.failHttp('users.info', 500);
    expect(await resolver.resolveUser(client, 'U500')).toMatchObject({ identityUnknown: true });
    expect(logs.join('\n')).toContain('Slack answered HTTP 500');
    slack.setUser('UGONE', { tz: 'Europe/Berlin', email: 'gone@example.com', deleted: true });
    const gone = await resolver.resolveUser(client, 'UGONE');
    expect(gone).toMatchObject({ identityUnknown: true });
    expect(gone.email).toBeUndefined();
  });
});
