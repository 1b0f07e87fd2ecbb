import { formatCount } from '../../../src/render/format-number';
import { expectedCountsWithChange, expectedKeyFigures } from '../../helpers/expected-summaries';
import type { ConnectorCall } from '../../helpers/fake-bot-connector';
import { runCliReport } from '../../helpers/run-cli-in-process';
import {
  buildBotAddedToTeam,
  buildChannelMention,
  TEAMS_CHANNEL_ACTIVITIES_PATH,
  TEAMS_CHANNEL_ID,
  TEAMS_USER,
} from '../../helpers/teams-activities';
import { cardOf, keyFiguresOf, textsOf } from '../../helpers/teams-card';
import { startTeamsTestBed, type TeamsTestBed } from '../../helpers/teams-test-bed';

/** The demo PBX's data runs to here, past the occurrence. */
const PBX_NOW = new Date('2026-12-02T12:00:00Z');
/** `every day at 8:00` in New York (the channel mention's zone), first run after 05:00 on Sun 29 Nov. */
const OCCURRENCE = new Date('2026-11-29T13:00:00Z');

let bed: TeamsTestBed;

beforeAll(async () => {
  bed = await startTeamsTestBed({ TEAMS_DEV_NO_AUTH: 'true' }, { pbxNow: PBX_NOW });
  // The creator is a member of the channel: every run looks them up there.
  bed.connector.setMember({ ...TEAMS_USER });
});

afterAll(async () => {
  await bed?.close();
});

/** @mentions the bot in the channel with `command` and returns the texts of the card it answers with. */
async function askInChannel(command: string): Promise<string[]> {
  const reply = await bed.ask(buildChannelMention(bed.connector.serviceUrl, command));
  return textsOf(cardOf(reply.activity));
}

/** New posts into the channel, not replies to an activity: the digests. */
function proactivePosts(): ConnectorCall[] {
  return bed.connector.calls.filter((call) => call.path === TEAMS_CHANNEL_ACTIVITIES_PATH);
}

describe('scheduled digests in Teams (real bot, fake Bot Connector, demo PBX)', () => {
  let id = '';

  it('creates a digest in the channel the bot was added to', async () => {
    const added = buildBotAddedToTeam(bed.connector.serviceUrl);
    expect((await bed.post(added)).status).toBe(200);
    await bed.connector.waitForCalls(1, (call) => call.replyToActivityId === added.id);

    const texts = await askInChannel('schedule every day at 8:00 yesterday');
    id = /^Digest ([0-9a-z]{6}) scheduled/.exec(texts[0] ?? '')?.[1] ?? '';
    expect(texts).toEqual([
      `Digest ${id} scheduled: every day at 08:00 (America/New_York), posting "yesterday" here.`,
      `First run: Sun 29 Nov 2026 08:00. "schedules" lists the digests here; "unschedule ${id}" removes this one.`,
    ]);
  });

  it('posts it once, as a new message with the Adaptive Card of the day before the occurrence', async () => {
    const before = proactivePosts().length;
    bed.setNow(new Date(OCCURRENCE.getTime() + 30_000));
    await bed.bot.scheduler.tick();
    const posts = proactivePosts().slice(before);
    expect(posts).toHaveLength(1);
    const post = posts[0]!;
    expect(post.replyToActivityId).toBeUndefined();
    expect(post.activity).toMatchObject({ type: 'message', conversation: { id: TEAMS_CHANNEL_ID } });

    const expected = await runCliReport(['yesterday'], 'America/New_York', { pbx: bed.pbx, now: OCCURRENCE });
    expect(expected.window.from).toBe('2026-11-28T00:00:00.000-05:00');
    expect(expected.totals.calls).toBeGreaterThan(0);
    const card = cardOf(post.activity);
    const texts = textsOf(card);
    expect(texts[0]).toBe('Sat 28 Nov 2026 (America/New_York)');
    expect(texts).toContain(`Scheduled digest ${id} · every day at 08:00`);
    // Every figure carries its change against the day before, Fri 27 Nov.
    expect(expected.previous?.window.from).toBe('2026-11-27T00:00:00.000-05:00');
    expect(keyFiguresOf(card)).toEqual(
      Object.fromEntries(expectedKeyFigures(expected).map((figure) => [figure.label, figure.value])),
    );
    expect(keyFiguresOf(card).Calls?.startsWith(`${formatCount(expected.totals.calls)} `)).toBe(true);
    const previous = expected.previous!.totals;
    expect(texts).toContain(
      `vs. the day before \\(Fri 27 Nov 2026\\): ${formatCount(previous.calls)} calls, ${formatCount(previous.answered)} answered, ${formatCount(previous.missed)} missed`,
    );
    expect(post.activity.summary).toBe(
      `Sat 28 Nov 2026 (America/New_York): ${expectedCountsWithChange(expected)}`,
    );

    bed.setNow(new Date(OCCURRENCE.getTime() + 90_000));
    await bed.bot.scheduler.tick();
    expect(proactivePosts()).toHaveLength(before + 1);
  });

  it('lists it with how the last run went, and removes it', async () => {
    expect(await askInChannel('schedules')).toEqual([
      'Digests in this conversation (1):',
      `• ${id}: every day at 08:00 (America/New_York), "yesterday"`,
      '   next Mon 30 Nov 2026 08:00 · last: sent Sun 29 Nov 2026 08:00',
      '"unschedule <id>" removes one.',
    ]);
    expect(await askInChannel(`unschedule ${id}`)).toEqual([
      `Digest ${id} removed (every day at 08:00, "yesterday"); it will not post again.`,
    ]);
    const before = proactivePosts().length;
    bed.setNow(new Date('2026-11-30T13:00:10Z'));
    await bed.bot.scheduler.tick();
    expect(proactivePosts()).toHaveLength(before);
  });

  it('answers a rule it cannot read with the forms it knows and a corrected command', async () => {
    const texts = (await askInChannel('schedule every blursday yesterday')).join('\n');
    expect(texts).toContain('I could not read "every blursday" as a schedule. Did you mean "thursday"?');
    expect(texts).toContain('Try: schedule every thursday at 8:00 yesterday');
    expect(await askInChannel('schedules')).toEqual([
      'No digests in this conversation yet. Create one, e.g. "schedule every weekday at 8:00 last workday missed".',
    ]);
  });
});
