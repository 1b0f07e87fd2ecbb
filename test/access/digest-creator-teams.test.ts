import { writePolicyFile } from '../helpers/access-policy-files';
import type { ConnectorCall } from '../helpers/fake-bot-connector';
import { runCliReport } from '../helpers/run-cli-in-process';
import {
  buildChannelMention,
  TEAMS_CHANNEL_ACTIVITIES_PATH,
  TEAMS_CHANNEL_ID,
} from '../helpers/teams-activities';
import { cardOf, textsOf } from '../helpers/teams-card';
import { startTeamsTestBed, type TeamsTestBed } from '../helpers/teams-test-bed';
import { focusSummaryLine, INTEGRATION_POLICY, PEOPLE } from './access-test-setup';

/** The demo PBX's data runs to here, past every occurrence these tests post. */
const PBX_NOW = new Date('2026-12-02T12:00:00Z');
/** `every day at 8:00` in New York (the channel mention's zone): the first two runs after Sun 29 Nov 05:00. */
const FIRST_RUN = new Date('2026-11-29T13:00:00Z');
const SECOND_RUN = new Date('2026-11-30T13:00:00Z');
const NEW_YORK = 'America/New_York';
/** Ben, an agent of extension 101 by the e-mail Teams gives for him, creates the digests. */
const BEN = {
  id: '29:1agentBenOkafor',
  name: 'Ben Okafor',
  aadObjectId: 'aa11aa11-0000-4000-8000-000000000101',
};
const ADMIN = { id: '29:1adminAlice', name: 'Alice Admin', aadObjectId: PEOPLE.adminAadId };

describe('digests look their Teams creator up at every run (real bot, fake Bot Connector, demo PBX)', () => {
  let bed: TeamsTestBed;
  let digestId = '';

  beforeEach(async () => {
    bed = await startTeamsTestBed(
      { TEAMS_DEV_NO_AUTH: 'true', ACCESS_POLICY: await writePolicyFile(INTEGRATION_POLICY) },
      { pbxNow: PBX_NOW },
    );
    bed.connector.setMember({ ...BEN, email: PEOPLE.agentEmail });
    const confirmation = await askInChannel('schedule every day at 8:00 last week', BEN);
    digestId = /^Digest ([0-9a-z]{6}) scheduled/.exec(confirmation[0] ?? '')?.[1] ?? '';
    expect(digestId).not.toBe('');
  });
  afterEach(async () => {
    await bed?.close();
  });

  async function askInChannel(command: string, from: typeof BEN): Promise<string[]> {
    const reply = await bed.ask(buildChannelMention(bed.connector.serviceUrl, command, { from }));
    return textsOf(cardOf(reply.activity));
  }

  /** Runs the scheduler just after `occurrence` and returns what it posted to the channel. */
  async function runAt(occurrence: Date): Promise<ConnectorCall[]> {
    const before = proactivePosts().length;
    bed.setNow(new Date(occurrence.getTime() + 30_000));
    await bed.bot.scheduler.tick();
    return proactivePosts().slice(before);
  }

  const proactivePosts = () =>
    bed.connector.calls.filter((call) => call.path === TEAMS_CHANNEL_ACTIVITIES_PATH);
  const textsOfPost = (post: ConnectorCall | undefined) => (post ? textsOf(cardOf(post.activity)) : []);
  const lastWeekOf = (occurrence: Date, extension: string) =>
    runCliReport(['last', 'week', 'ext', extension], NEW_YORK, { pbx: bed.pbx, now: occurrence });
  const emailOf = (extension: string) =>
    bed.pbx.directory.users.find((user) => user.number === extension)?.email ?? '';

  it('runs with the e-mail Teams gives for the creator today', async () => {
    bed.connector.setMember({ ...BEN, email: emailOf('102') });
    const [digest, ...more] = await runAt(FIRST_RUN);
    expect(more).toEqual([]);
    const expected = await lastWeekOf(FIRST_RUN, '102');
    expect(expected.totals.calls).toBeGreaterThan(0);
    // Narrowed to the creator's own extension, their own view leads; nobody else's figures.
    expect(digest?.activity.summary).toBe(
      focusSummaryLine('Mon 16 – Sun 22 Nov 2026 (America/New_York)', expected),
    );
    expect(textsOfPost(digest).join('\n')).not.toMatch(/ext 101\b|Also involved/);
    // The creator was looked up in the digest's channel, by their Entra object id.
    expect(bed.connector.memberLookups).toContain(`${TEAMS_CHANNEL_ID} ${BEN.aadObjectId}`);
  });

  it('fails the run with one notice when the lookup fails, keeps the digest, and the next run works', async () => {
    bed.connector.failMemberLookups(500, 10);
    const posts = await runAt(FIRST_RUN);
    expect(posts.map(textsOfPost)).toEqual([
      [
        'The 08:00 digest could not be produced: Could not check who created it (Teams answered HTTP 500). The next run tries again.',
        `Scheduled digest ${digestId} · every day at 08:00`,
      ],
    ]);
    bed.connector.failMemberLookups(500, 0);
    const [digest, ...more] = await runAt(SECOND_RUN);
    expect(more).toEqual([]);
    const expected = await lastWeekOf(SECOND_RUN, '101');
    expect(digest?.activity.summary).toBe(
      focusSummaryLine('Mon 23 – Sun 29 Nov 2026 (America/New_York)', expected),
    );
  });

  it('stops with one notice once the creator is no longer a member of the conversation', async () => {
    bed.connector.removeMember(BEN.id);
    const posts = await runAt(FIRST_RUN);
    expect(posts).toHaveLength(1);
    expect(textsOfPost(posts[0])[0]).toBe(
      `Digest ${digestId} (every day at 08:00, "last week") has stopped: the person who created it no longer has access to these calls.`,
    );
    expect(await askInChannel('schedules', ADMIN)).toContain(
      '   paused · last: failed Sun 29 Nov 2026 08:00: stopped: the creator no longer has access to these calls (a notice was posted instead)',
    );
    expect(await runAt(SECOND_RUN)).toEqual([]);
  });
});
