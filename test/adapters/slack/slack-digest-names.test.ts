import { expectedFocusSummary } from '../../helpers/expected-summaries';
import type { RecordedApiCall } from '../../helpers/fake-slack-api';
import { runCliReport } from '../../helpers/run-cli-in-process';
import { blockTexts, type SlackBotHarness, startSlackBotHarness } from '../../helpers/slack-bot-harness';
import { SLACK_TEST_IDS } from '../../helpers/slack-request';
import { serveTwoBens } from '../../helpers/two-bens-directory';

/**
 * Digests whose words name people: the name is resolved when the digest is created and the digest
 * keeps `ext N` (the demo company: Ben Okafor is ext 101); an ambiguous or unknown name refuses it.
 * A digest of a number the PBX does not have says so, as a report does.
 */

/** The demo PBX's data runs to here, past the occurrence these tests post. */
const PBX_NOW = new Date('2026-12-02T12:00:00Z');
/** The first run of `every weekday at 8:00` created at SLACK_NOW (Sun 29 Nov, 11:00 in Berlin). */
const OCCURRENCE = new Date('2026-11-30T07:00:00Z');
const CHANNEL = SLACK_TEST_IDS.channelId;

describe('digests that name people, in Slack (real bot, fake Slack Web API, demo PBX)', () => {
  let harness: SlackBotHarness;

  beforeEach(async () => {
    harness = await startSlackBotHarness({ pbx: { now: PBX_NOW } });
  });
  afterEach(async () => {
    await harness.close();
  });

  const postsToChannel = (): RecordedApiCall[] =>
    harness.slack.callsOf('chat.postMessage').filter((call) => call.args.channel === CHANNEL);

  /** Sends `/calls <text>` and returns the ephemeral answer's text. */
  const ask = async (text: string): Promise<string> => {
    const sent = await harness.sendCommand(text);
    const { answer } = await harness.waitForAnswer(sent.responseId);
    return blockTexts(answer);
  };

  /** Sends `/calls <text>` and returns the text of the confirmation posted to the channel. */
  const schedule = async (text: string): Promise<string> => {
    const before = postsToChannel().length;
    await harness.sendCommand(text);
    const posts = await harness.slack.waitForCalls('chat.postMessage', before + 1);
    return blockTexts(posts[before]!.args);
  };

  /** Runs the scheduler just after the first occurrence; the digest it posted. */
  const runFirstOccurrence = async (): Promise<Record<string, unknown>> => {
    const before = postsToChannel().length;
    harness.setNow(new Date(OCCURRENCE.getTime() + 30_000));
    await harness.bot.scheduler.tick();
    const posts = postsToChannel().slice(before);
    expect(posts).toHaveLength(1);
    return posts[0]!.args;
  };

  it('stores "calls for ben" as ext 101, lists it so, and posts the report of ext 101', async () => {
    const confirmation = await schedule('schedule every weekday at 8:00 yesterday calls for ben');
    const id = /Digest ([0-9a-z]{6}) scheduled/.exec(confirmation)?.[1] ?? '';
    expect(confirmation.split('\n')[0]).toBe(
      `Digest ${id} scheduled: every weekday at 08:00 (Europe/Berlin), posting "yesterday calls ext 101" here.`,
    );
    expect((await ask('schedules')).split('\n')[1]).toBe(
      `• ${id}: every weekday at 08:00 (Europe/Berlin), "yesterday calls ext 101"`,
    );

    const digest = await runFirstOccurrence();
    const expected = await runCliReport(['yesterday', 'ext', '101'], 'Europe/Berlin', {
      pbx: harness.pbx,
      now: OCCURRENCE,
    });
    // Sunday: one call for Ben, as the terminal counts ext 101.
    expect(expected.totals).toMatchObject({ calls: 1, answered: 1, missed: 0 });
    // Ben's own calls lead the digest; the call-level totals say what they count.
    expect(expected.focus?.map((entry) => [entry.extension, entry.name])).toEqual([['101', 'Ben Okafor']]);
    expect(digest.text).toBe(`Sun 29 Nov 2026 (Europe/Berlin): ${expectedFocusSummary(expected)}`);
    expect(blockTexts(digest)).toContain('Filters: ext 101');
    expect(blockTexts(digest)).toContain(
      '1 call reached ext 101 or was made by it; it was answered, by anyone.',
    );
  });

  it("refuses a digest for a name that is two people, with the parser's message, storing nothing", async () => {
    serveTwoBens(harness.pbx);
    const text = await ask('schedule every weekday at 8:00 yesterday calls for ben');
    expect(text).toContain(
      '"ben" is more than one person: ext 101 (Ben Okafor), ext 102 (Ben Durand). Say which, e.g. "ext 101" or "ext 102".',
    );
    expect(text).toContain('Try: schedule every weekday at 8:00 yesterday ext 101');
    expect(postsToChannel()).toEqual([]);
    expect(await ask('schedules')).toContain('No digests in this conversation yet.');
  });

  it('refuses a digest for a name the directory does not have', async () => {
    const text = await ask('schedule every weekday at 8:00 yesterday calls for zed');
    expect(text).toContain('"zed" is not a name in the PBX directory.');
    expect(text).toContain('Try: schedule every weekday at 8:00 yesterday');
    expect(postsToChannel()).toEqual([]);
  });

  it('names an extension the PBX does not have in the digest, never a silent "No calls"', async () => {
    await schedule('schedule every weekday at 8:00 yesterday ext 555');
    const digest = await runFirstOccurrence();
    expect(blockTexts(digest)).toContain('ext 555 is not an extension on this PBX.');
  });
});
