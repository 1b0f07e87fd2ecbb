import { parentPort, workerData } from 'node:worker_threads';
import { SqliteScheduleStore } from '../../src/schedule/sqlite-schedule-store';
import { postWorkerResult, type RaceWorkerInput, waitForAllWorkers } from '../helpers/sqlite-worker-race';
import { buildCall, buildSubscription, subscriptionId } from './alert-store-helpers';

/**
 * One "process" of alert-store-sqlite-concurrency.test.ts: opens its own connection to the file,
 * waits at the barrier until every worker is ready, then does its task at the same moment as the
 * others and posts what the store answered.
 */

export type WorkerTask =
  | { kind: 'claim-callbacks'; callKeys: string[]; person: { platform: string; id: string; name: string } }
  | { kind: 'create-subscriptions'; from: number; count: number }
  | { kind: 'claim-post'; callKey: string }
  | { kind: 'acquire-lease'; holder: string };

export type WorkerInput = RaceWorkerInput<WorkerTask>;

const NOW = new Date('2026-11-02T09:15:00.000Z');
const LEASE = new Date('2026-11-02T09:16:00.000Z');

async function run(input: WorkerInput): Promise<unknown> {
  const store = new SqliteScheduleStore({ path: input.path, busyTimeoutMs: 10_000 });
  try {
    waitForAllWorkers(input);
    const { task } = input;
    const { alerts } = store;
    switch (task.kind) {
      case 'claim-callbacks': {
        const results: unknown[] = [];
        for (const callKey of task.callKeys) {
          results.push(await alerts.claimCallback('al0001', callKey, task.person, NOW));
        }
        return results;
      }
      case 'create-subscriptions': {
        const results: string[] = [];
        for (let index = task.from; index < task.from + task.count; index++) {
          results.push(await alerts.createSubscription(buildSubscription({ id: subscriptionId(index) })));
        }
        return results;
      }
      case 'claim-post':
        return await alerts.claimAlertPost('al0001', buildCall({ callKey: task.callKey }), LEASE, NOW);
      case 'acquire-lease':
        return await alerts.acquirePollerLease(task.holder, LEASE, NOW);
    }
  } finally {
    await store.close();
  }
}

postWorkerResult(run(workerData as WorkerInput), (message) => parentPort?.postMessage(message));
