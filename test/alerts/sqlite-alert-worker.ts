import { parentPort, workerData } from 'node:worker_threads';
import { SqliteScheduleStore } from '../../src/schedule/sqlite-schedule-store';
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

export interface WorkerInput {
  path: string;
  /** Int32Array over a SharedArrayBuffer: [0] counts the workers ready. */
  barrier: SharedArrayBuffer;
  parties: number;
  task: WorkerTask;
}

const NOW = new Date('2026-11-02T09:15:00.000Z');
const LEASE = new Date('2026-11-02T09:16:00.000Z');

async function run(input: WorkerInput): Promise<unknown> {
  const store = new SqliteScheduleStore({ path: input.path, busyTimeoutMs: 10_000 });
  try {
    const ready = new Int32Array(input.barrier);
    Atomics.add(ready, 0, 1);
    Atomics.notify(ready, 0);
    for (let seen = Atomics.load(ready, 0); seen < input.parties; seen = Atomics.load(ready, 0)) {
      Atomics.wait(ready, 0, seen, 100);
    }
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

run(workerData as WorkerInput).then(
  (result) => parentPort?.postMessage({ ok: true, result }),
  (error: unknown) => parentPort?.postMessage({ ok: false, error: String(error) }),
);
