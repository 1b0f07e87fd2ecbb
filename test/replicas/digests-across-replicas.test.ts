import { PostgresScheduleStore } from '../../src/schedule/postgres-schedule-store';
import { describeWithPostgres } from '../helpers/postgres';
import { SLACK_TEST_IDS } from '../helpers/slack-request';
import { buildSchedule } from '../schedule/schedule-helpers';
import { useReplicaBed, waitFor } from './replica-bed';
import { type ReplicaProcess, replicaEnvironment } from './replica-processes';
import type { ReplicaPost } from './replica-slack';

/**
 * Three replicas (separate processes) on one PostgreSQL, two digests due every minute. The
 * replicas' clocks run 30 times as fast (a minute every 2 s), so the digests come often enough to
 * contend for. Mid-way one replica is killed (SIGKILL) while its post is in flight, unanswered: the
 * occurrence it held is posted by another replica once its lease (10 minutes) has ended. Every
 * occurrence is posted exactly once.
 */

const describePostgres = describeWithPostgres('replica digest test');

/** Sim time when the replicas' clocks start: Mon 30 Nov 2026, 07:00 in Berlin. */
const SIM_START = new Date('2026-11-30T06:00:00Z');
const SPEED = 30;
const CHANNELS = ['C0DIGEST01', 'C0DIGEST02'];
/** A digest's fallback text; the calls' change against the same time the day before follows the count. */
const LABEL =
  /^Mon 30 Nov 2026 00:00–(\d\d:\d\d) \(Europe\/Berlin\): \d+ calls? \((?:[▲▼] (?:\d+|<1)%|new|=)\), \d+ answered, \d+ missed$/;

/** The local time an "every minute, today" digest was produced for, from its fallback text. */
function occurrenceOf(post: ReplicaPost): string {
  const match = LABEL.exec(post.text);
  if (!match?.[1]) throw new Error(`not a digest of today: ${post.text}`);
  return match[1];
}

/** Local times 07:01 … up to `last`, every minute. */
function minutesUpTo(last: string): string[] {
  const [hours, minutes] = last.split(':').map(Number) as [number, number];
  const count = (hours - 7) * 60 + minutes;
  return Array.from({ length: count }, (_, index) => {
    const total = 7 * 60 + index + 1;
    return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
  });
}

/** How many digests the replica's log says it posted (and recorded as sent). */
function countPosted(replica: ReplicaProcess): number {
  return replica.logs.join('').split('"message":"digest posted"').length - 1;
}

describePostgres('digests across three replicas on one PostgreSQL', () => {
  const bed = useReplicaBed({ now: new Date('2026-11-30T12:00:00Z'), days: 3, callsPerDay: 30 }, 'kill');

  it('posts each occurrence exactly once, and covers a replica killed mid-send', async () => {
    const { database, pbx, slack } = bed;
    const store = await PostgresScheduleStore.open({ connectionString: database.url });
    for (const [index, channel] of CHANNELS.entries()) {
      await store.createSchedule(
        buildSchedule({
          id: `rep${index}00`,
          target: { platform: 'slack', conversationId: channel, teamId: SLACK_TEST_IDS.teamId },
          creator: { platform: 'slack', id: SLACK_TEST_IDS.userId },
          rule: { cron: '* * * * *', description: 'every minute (test)' },
          command: 'today',
          createdAt: SIM_START,
        }),
      );
    }
    const epochMs = Date.now() + 3000;
    const envFor = (name: string) =>
      replicaEnvironment(name, bed.shared(), {
        CALLS_BOT_TEST_CLOCK_START_MS: String(SIM_START.getTime()),
        CALLS_BOT_TEST_CLOCK_EPOCH_MS: String(epochMs),
        CALLS_BOT_TEST_CLOCK_SPEED: String(SPEED),
        CALLS_BOT_TEST_TICK_MS: '250',
      });
    const replicas = await bed.startReplicas(envFor);
    const [r1] = replicas as [ReplicaProcess];

    // A few minutes in, r1's posts are held unanswered and r1 is killed while it waits. It is
    // killed once every post Slack accepted from it is recorded as sent: a crash between the two
    // is the one documented way to post twice (docs/schedules.md), not what this test is about.
    await waitFor('4 digests per channel', () => (slack.posts.length >= 8 ? true : undefined), 60_000);
    const inFlight = await slack.holdNextPost('r1');
    await waitFor(
      "r1's accepted posts to be recorded",
      () =>
        countPosted(r1) >= slack.posts.filter((post) => post.replica === 'r1').length ? true : undefined,
      10_000,
    );
    await r1.kill();
    const lost = occurrenceOf(inFlight);
    await waitFor(
      'the dropped post to be noticed',
      () => (slack.dropped.length >= 1 ? true : undefined),
      5000,
    );

    // After the lease (10 simulated minutes, 20 s) another replica posts it, then a few more minutes.
    const recovered = await waitFor(
      `occurrence ${lost} to be posted again`,
      () =>
        slack.posts.find(
          (post) => post.channel === inFlight.channel && post.text === inFlight.text && post.replica !== 'r1',
        ),
      90_000,
    );
    const afterRecovery = slack.posts.length;
    await waitFor(
      'more digests after the recovery',
      () => (slack.posts.length >= afterRecovery + 4 ? true : undefined),
      30_000,
    );
    for (const replica of replicas.slice(1)) await replica.stop();

    // Every occurrence up to the last one both channels finished, exactly once per channel.
    try {
      const runs = await Promise.all(CHANNELS.map((_, index) => store.listRuns(`rep${index}00`)));
      const sentUpTo = runs.map((list) => {
        const firstOpen = list.findIndex((run) => run.status !== 'sent');
        const done = firstOpen === -1 ? list : list.slice(0, firstOpen);
        return done.length;
      });
      const complete = Math.min(...sentUpTo);
      expect(complete).toBeGreaterThanOrEqual(12);
      const last = minutesUpTo('23:59')[complete - 1]!;
      const expected = minutesUpTo(last);
      for (const channel of CHANNELS) {
        const times = slack.posts
          .filter((post) => post.channel === channel)
          .map(occurrenceOf)
          .filter((time) => time <= last)
          .sort();
        expect(times).toEqual(expected);
      }
      for (const list of runs) {
        expect(list.slice(0, complete).map((run) => run.status)).toEqual(Array(complete).fill('sent'));
      }
      // The occurrence r1 died on was claimed twice: by r1, then by the replica that took over.
      const lostRun = runs[CHANNELS.indexOf(inFlight.channel)]!.find(
        (run) =>
          run.occurrenceAt.getTime() === SIM_START.getTime() + expected.indexOf(lost) * 60_000 + 60_000,
      );
      expect(lostRun).toMatchObject({ status: 'sent', attempts: 2 });
      expect(recovered.replica).toMatch(/^r[23]$/);
      // The held post, and any other r1 made before it died (each posted since by another replica).
      expect(slack.dropped.map(occurrenceOf)).toContain(lost);
      expect(slack.dropped.every((post) => post.replica === 'r1')).toBe(true);
      // Which replica wins each claim is up to timing: no assertion that every replica posted.
      // One PBX token for all three (3CX keeps one active token per client).
      expect(pbx.tokenRequests()).toBe(1);
    } catch (error) {
      // Which replica did what, for a failure that only shows on a loaded machine.
      const logs = replicas.map((replica) => `--- ${replica.name}\n${replica.logs.join('').slice(-6000)}`);
      throw new Error(`${error instanceof Error ? error.message : String(error)}\n${logs.join('\n')}`);
    } finally {
      await store.close();
    }
  }, 240_000);
});
