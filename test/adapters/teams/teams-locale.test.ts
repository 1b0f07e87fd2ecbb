import type { ConnectorCall } from '../../helpers/fake-bot-connector';
import {
  buildChannelMention,
  buildPersonalMessage,
  TEAMS_CHANNEL_ACTIVITIES_PATH,
  TEAMS_USER,
} from '../../helpers/teams-activities';
import { cardOf, textsOf } from '../../helpers/teams-card';
import { startTeamsTestBed, type TeamsTestBed } from '../../helpers/teams-test-bed';

/**
 * The activity's `locale` (the Teams client's language) decides how `3/11` reads, in answers and
 * in digests, which take it again from the conversation reference their creator last wrote in.
 */

/** The demo PBX's data runs past the digest's occurrences. */
const PBX_NOW = new Date('2026-12-02T12:00:00Z');
/** `every day at 8:00` in New York (the channel mention's zone), created at 05:00 there on Sun 29 Nov. */
const FIRST_RUN = new Date('2026-11-29T13:00:00Z');
const SECOND_RUN = new Date('2026-11-30T13:00:00Z');
const THIRD_RUN = new Date('2026-12-01T13:00:00Z');

let bed: TeamsTestBed;

beforeAll(async () => {
  bed = await startTeamsTestBed({ TEAMS_DEV_NO_AUTH: 'true' }, { pbxNow: PBX_NOW });
  bed.connector.setMember({ ...TEAMS_USER });
});
afterAll(async () => {
  await bed?.close();
});

/** The first text of the card answering `activity`: the window line. */
async function windowOfAnswer(activity: Record<string, unknown>): Promise<string> {
  const reply = await bed.ask(activity);
  return textsOf(cardOf(reply.activity))[0] ?? '';
}

/** Runs the scheduler at `at` and returns the window line of the one digest it posted. */
async function windowOfDigestAt(at: Date): Promise<string> {
  const posts = (): ConnectorCall[] =>
    bed.connector.calls.filter((call) => call.path === TEAMS_CHANNEL_ACTIVITIES_PATH);
  const before = posts().length;
  bed.setNow(new Date(at.getTime() + 30_000));
  await bed.bot.scheduler.tick();
  const digests = posts().slice(before);
  expect(digests).toHaveLength(1);
  return textsOf(cardOf(digests[0]!.activity))[0] ?? '';
}

describe('Teams reads numeric dates in the activity locale', () => {
  it.each([
    ['en-GB', 'Tue 3 Nov 2026 (Europe/Berlin)'],
    ['en-gb', 'Tue 3 Nov 2026 (Europe/Berlin)'],
    ['en-US', 'Wed 11 Mar 2026 (Europe/Berlin)'],
  ])('%s: 3/11 is %s', async (locale, window) => {
    expect(
      await windowOfAnswer(buildPersonalMessage(bed.connector.serviceUrl, { text: '3/11', locale })),
    ).toBe(window);
  });

  it('reads an activity without a locale in DEFAULT_LOCALE (en-US unless set)', async () => {
    const activity = buildPersonalMessage(bed.connector.serviceUrl, { text: '3/11' });
    delete activity.locale;
    expect(await windowOfAnswer(activity)).toBe('Wed 11 Mar 2026 (Europe/Berlin)');
  });
});

describe('Teams digests read their dates in the creator locale', () => {
  it('posts 3 Nov for an en-GB creator; follows their new locale, but not another member', async () => {
    bed.setNow(new Date('2026-11-29T10:00:00Z'));
    const created = await bed.ask(
      buildChannelMention(bed.connector.serviceUrl, 'schedule every day at 8:00 3/11', { locale: 'en-GB' }),
    );
    expect(textsOf(cardOf(created.activity))[0]).toMatch(
      /^Digest [0-9a-z]{6} scheduled: .* posting "3\/11" here\.$/,
    );
    expect(await windowOfDigestAt(FIRST_RUN)).toBe('Tue 3 Nov 2026 (America/New_York)');

    // The creator writes in the channel from a US-English client: the reference now says en-US.
    await bed.ask(buildChannelMention(bed.connector.serviceUrl, 'yesterday', { locale: 'en-US' }));
    expect(await windowOfDigestAt(SECOND_RUN)).toBe('Wed 11 Mar 2026 (America/New_York)');

    // Someone else writes last: their locale is not the creator's, so the stored one (en-GB) holds.
    const other = {
      id: '29:other-member',
      name: 'Ada Other',
      aadObjectId: '0f0e0d0c-0b0a-4909-8807-060504030201',
    };
    const response = await bed.post(
      buildChannelMention(bed.connector.serviceUrl, 'yesterday', { locale: 'en-US', from: other }),
    );
    expect(response.status).toBe(200);
    await bed.settle();
    expect(await windowOfDigestAt(THIRD_RUN)).toBe('Tue 3 Nov 2026 (America/New_York)');
  });
});
