import { expectedCountsWithChange } from '../../helpers/expected-summaries';
import { runCliReport } from '../../helpers/run-cli-in-process';
import {
  blockTexts,
  type SlackBotHarness,
  type SlackBotHarnessOptions,
  startSlackBotHarness,
} from '../../helpers/slack-bot-harness';
import { SLACK_TEST_IDS } from '../../helpers/slack-request';

/**
 * The Slack user's locale (`users.info` with `include_locale`) decides how `3/11` reads, in
 * answers and in digests, where it is asked again at every run.
 */

const USER = SLACK_TEST_IDS.userId;
const THIRD_OF_NOVEMBER = 'Tue 3 Nov 2026 (Europe/Berlin)';
const ELEVENTH_OF_MARCH = 'Wed 11 Mar 2026 (Europe/Berlin)';

let harness: SlackBotHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start(
  locale: string | undefined,
  options: SlackBotHarnessOptions = {},
): Promise<SlackBotHarness> {
  harness = await startSlackBotHarness({
    users: { [USER]: { tz: 'Europe/Berlin', email: 'ben@example.com', ...(locale && { locale }) } },
    ...options,
  });
  return harness;
}

/** The window line of the answer to `/calls <text>`: the reply text up to its first colon. */
async function windowOfAnswer(bot: SlackBotHarness, text: string): Promise<string> {
  const sent = await bot.sendCommand(text);
  const { answer } = await bot.waitForAnswer(sent.responseId);
  return String(answer.text).split(':')[0] ?? '';
}

describe('/calls reads numeric dates in the Slack user locale', () => {
  it.each([
    ['en-GB', THIRD_OF_NOVEMBER],
    ['en-US', ELEVENTH_OF_MARCH],
  ])('%s: /calls 3/11 is %s', async (locale, window) => {
    const bot = await start(locale);
    expect(await windowOfAnswer(bot, '3/11')).toBe(window);
    expect(bot.slack.callsOf('users.info').map((call) => call.args.include_locale)).toEqual(['true']);
  });

  it('falls back to DEFAULT_LOCALE for a user Slack gives no locale', async () => {
    const bot = await start(undefined, { env: { DEFAULT_LOCALE: 'en-GB' } });
    expect(await windowOfAnswer(bot, '3/11')).toBe(THIRD_OF_NOVEMBER);
  });
});

describe('Slack digests read their dates in the creator locale', () => {
  /** The demo PBX's data runs past the occurrences. */
  const PBX_NOW = new Date('2026-12-02T12:00:00Z');
  const FIRST_RUN = new Date('2026-11-30T07:00:00Z');
  const SECOND_RUN = new Date('2026-12-01T07:00:00Z');

  const digestPosts = (bot: SlackBotHarness) =>
    bot.slack
      .callsOf('chat.postMessage')
      .filter((call) => blockTexts(call.args).includes('Scheduled digest'))
      .map((call) => call.args);

  it('posts 3 Nov for an en-GB creator, and re-reads the locale from users.info at every run', async () => {
    const bot = await start('en-GB', { pbx: { now: PBX_NOW } });
    const sent = await bot.sendCommand('schedule every day at 8:00 3/11');
    expect(sent.status).toBe(200);
    const [confirmation] = await bot.slack.waitForCalls('chat.postMessage');
    expect(String(confirmation?.args.text)).toContain('posting "3/11" here');

    bot.setNow(new Date(FIRST_RUN.getTime() + 30_000));
    await bot.bot.scheduler.tick();
    const first = digestPosts(bot);
    expect(first).toHaveLength(1);
    const expected = await runCliReport(['3/11', '--locale', 'en-GB'], 'Europe/Berlin', {
      pbx: bot.pbx,
      now: FIRST_RUN,
    });
    expect(expected.window.from).toBe('2026-11-03T00:00:00.000+01:00');
    // Compared with the day before, Mon 2 Nov.
    expect(expected.previous?.window.from).toBe('2026-11-02T00:00:00.000+01:00');
    expect(first[0]?.text).toBe(`${THIRD_OF_NOVEMBER}: ${expectedCountsWithChange(expected)}`);

    // The creator switched Slack to US English: the next run reads 3/11 month-first.
    bot.slack.setUser(USER, { tz: 'Europe/Berlin', email: 'ben@example.com', locale: 'en-US' });
    bot.setNow(new Date(SECOND_RUN.getTime() + 30_000));
    await bot.bot.scheduler.tick();
    const second = digestPosts(bot);
    expect(second).toHaveLength(2);
    expect(String(second[1]?.text).split(':')[0]).toBe(ELEVENTH_OF_MARCH);
  });
});
