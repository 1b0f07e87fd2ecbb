import { describeWithPostgres } from '../helpers/postgres';
import { buildSlashCommand, postToSlackEvents } from '../helpers/slack-request';
import { useReplicaBed } from './replica-bed';
import { REPLICA_SIGNING_SECRET, replicaEnvironment } from './replica-processes';

/**
 * Three replicas (separate processes) on one PostgreSQL share one PBX token. The demo PBX keeps
 * one active token per client, as 3CX does (a new token invalidates the previous one), and its
 * tokens live 5 s here (refreshed after 4 s) while a slow PBX keeps 30 concurrent commands busy for
 * several lifetimes. Replicas that fetched tokens on their own would invalidate each other's;
 * sharing makes about one token request per lifetime, and no command fails.
 */

const describePostgres = describeWithPostgres('replica token test');

const TOKEN_LIFETIME_SECONDS = 5;
/** Tokens are refreshed at 80 % of a short lifetime (see token-provider.ts). */
const REFRESH_AFTER_MS = TOKEN_LIFETIME_SECONDS * 800;
/** A summary's fallback text; the calls' change against the week before follows the count. */
const SUMMARY =
  /^.+ \(Europe\/Berlin\): \d+ calls? \((?:[▲▼] (?:\d+|<1)%|new|=)\), \d+ answered, \d+ missed$/;
const DAY_MS = 86_400_000;

/** `YYYY-MM-DD..YYYY-MM-DD`, a week ending `daysAgo` days before `now`. */
function weekEnding(now: number, daysAgo: number): string {
  const day = (offset: number) => new Date(now - offset * DAY_MS).toISOString().slice(0, 10);
  return `${day(daysAgo + 6)}..${day(daysAgo)}`;
}

describePostgres('one PBX token for three replicas', () => {
  const bed = useReplicaBed(
    { tokenLifetimeSeconds: TOKEN_LIFETIME_SECONDS, days: 60, callsPerDay: 20 },
    'stop',
  );

  it('answers 30 concurrent commands with about one token request per token lifetime, none failing', async () => {
    const { pbx, slack } = bed;
    const replicas = await bed.startReplicas((name) => replicaEnvironment(name, bed.shared()));
    pbx.setDelay(1500);
    const startedMs = Date.now();
    const commands = Array.from({ length: 30 }, (_, index) => ({
      id: `cmd-${index}`,
      text: weekEnding(startedMs, index + 1),
      replica: replicas[index % 3]!,
    }));
    const acks = await Promise.all(
      commands.map(({ id, text, replica }) =>
        postToSlackEvents(
          `${replica.url}/slack/events`,
          { form: buildSlashCommand({ text, response_url: slack.responseUrl(id) }) },
          { signingSecret: REPLICA_SIGNING_SECRET, timestampSeconds: Math.floor(Date.now() / 1000) },
        ),
      ),
    );
    expect(acks.map((ack) => ack.status)).toEqual(Array(30).fill(200));
    const answers = await Promise.all(
      commands.map(async ({ id }) => {
        for (let count = 1; ; count += 1) {
          const received = await slack.waitForResponses(id, count, 150_000);
          const last = received[received.length - 1]!;
          if (!String(last.text ?? '').startsWith('Working on it')) return String(last.text ?? '');
        }
      }),
    );
    const elapsedMs = Date.now() - startedMs;
    pbx.setDelay(0);

    // Every command got its report: none failed (a 401 would have been answered with an error).
    expect(answers.filter((text) => !SUMMARY.test(text))).toEqual([]);
    const lifetimes = elapsedMs / REFRESH_AFTER_MS;
    const tokenRequests = pbx.tokenRequests();
    process.stdout.write(
      `shared token: ${tokenRequests} token requests in ${(elapsedMs / 1000).toFixed(1)} s (${lifetimes.toFixed(1)} refresh periods), ` +
        `${pbx.requests.filter((entry) => entry.status === 401).length} requests answered 401 and retried\n`,
    );
    // The burst spans several lifetimes, and each refresh period costs one token, not one per replica.
    expect(lifetimes).toBeGreaterThan(2);
    expect(tokenRequests).toBeGreaterThanOrEqual(2);
    expect(tokenRequests).toBeLessThanOrEqual(Math.floor(lifetimes) + 2);
  }, 240_000);
});
