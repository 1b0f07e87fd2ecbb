import { join } from 'node:path';
import type { AlertClaimResult } from '../../src/alerts/alert-store';
import { SqliteScheduleStore } from '../../src/schedule/sqlite-schedule-store';
import { raceSqliteWorkers } from '../helpers/sqlite-worker-race';
import { createTempDir } from '../schedule/schedule-helpers';
import { buildCall, buildSubscription } from './alert-store-helpers';
import type { WorkerTask } from './sqlite-alert-worker';

/**
 * SQLite's connections are synchronous, so the contract tests' "at once" runs them one after the
 * other within a process. Here each contender is a worker thread with its own connection to the
 * file, released together from a barrier: real concurrency, as between processes.
 */

const WORKER = join(__dirname, 'sqlite-alert-worker.ts');
const NOW = new Date('2026-11-02T09:15:00.000Z');

jest.setTimeout(60_000);

let temp: ReturnType<typeof createTempDir>;
let path: string;
let store: SqliteScheduleStore;

beforeEach(() => {
  temp = createTempDir();
  path = join(temp.dir, 'calls-bot.sqlite');
  store = new SqliteScheduleStore({ path });
});
afterEach(async () => {
  await store.close();
  temp.remove();
});

/** Runs every task in its own worker thread, all released at once; their answers in order. */
const race = (tasks: WorkerTask[]): Promise<unknown[]> => raceSqliteWorkers(WORKER, path, tasks);

describe('the SQLite alert store under real concurrency (worker threads, one connection each)', () => {
  it('gives "I\'ll call back" to one of six people clicking at once, for each of 40 alerts; the others are told who holds it', async () => {
    await store.alerts.createSubscription(buildSubscription());
    const callKeys = Array.from({ length: 40 }, (_, index) => `call-${index}`);
    for (const callKey of callKeys) {
      await store.alerts.claimAlertPost(
        'al0001',
        buildCall({ callKey }),
        new Date(NOW.getTime() + 60_000),
        NOW,
      );
      await store.alerts.markAlertPosted('al0001', callKey, { messageId: callKey }, NOW);
    }
    const people = Array.from({ length: 6 }, (_, index) => ({
      platform: 'slack',
      id: `U${index}`,
      name: `Agent ${index}`,
    }));
    const perPerson = (await race(
      people.map((person) => ({ kind: 'claim-callbacks', callKeys, person })),
    )) as AlertClaimResult[][];
    for (const [index, callKey] of callKeys.entries()) {
      const results = perPerson.map((results) => results[index]!);
      const winners = results.filter((result) => result.result === 'claimed');
      expect(winners).toHaveLength(1);
      expect(results.filter((result) => result.result === 'taken')).toHaveLength(5);
      const holder = winners[0]!.result === 'claimed' ? winners[0]!.alert.claimedBy : undefined;
      for (const result of results)
        expect(result.result !== 'missing' && result.alert.claimedBy).toEqual(holder);
      expect((await store.alerts.getAlert('al0001', callKey))?.claimedBy).toEqual(holder);
    }
  });

  it('keeps a conversation to 20 subscriptions when four processes add 8 each at once', async () => {
    const results = (await race(
      [0, 1, 2, 3].map((worker) => ({ kind: 'create-subscriptions', from: 1 + worker * 8, count: 8 })),
    )) as string[][];
    expect(results.flat().filter((result) => result === 'created')).toHaveLength(20);
    expect(results.flat().filter((result) => result === 'full')).toHaveLength(12);
    expect(await store.alerts.listSubscriptions({ platform: 'slack', conversationId: 'C1' })).toHaveLength(
      20,
    );
  });

  it('posts a call once and leases the poller to one, however many ask at once', async () => {
    await store.alerts.createSubscription(buildSubscription());
    const posts = await race(
      Array.from({ length: 5 }, () => ({ kind: 'claim-post', callKey: 'call-1' }) as const),
    );
    expect(posts.filter((result) => result === 'claimed')).toHaveLength(1);
    const leases = await race(
      Array.from(
        { length: 5 },
        (_, index) => ({ kind: 'acquire-lease', holder: `replica-${index}` }) as const,
      ),
    );
    expect(leases.filter((won) => won === true)).toHaveLength(1);
  });
});
