import { parentPort, workerData } from 'node:worker_threads';
import { SqliteScheduleStore } from '../../src/schedule/sqlite-schedule-store';
import { postWorkerResult, type RaceWorkerInput, waitForAllWorkers } from '../helpers/sqlite-worker-race';
import { buildDay, fakeLegs, TEST_PBX } from './history-store-helpers';

/**
 * One "process" of history-store-sqlite.test.ts: opens its own connection to the file, waits at
 * the barrier, then stores its version of each day (`legCount` = 100 + its number, so what is
 * stored tells who wrote it) and posts what the store answered.
 */

export type HistoryWorkerTask = { kind: 'put-days'; writer: number; days: string[] };

async function run(input: RaceWorkerInput<HistoryWorkerTask>): Promise<unknown> {
  const store = new SqliteScheduleStore({ path: input.path, busyTimeoutMs: 10_000 });
  try {
    waitForAllWorkers(input);
    const { writer, days } = input.task;
    const results: string[] = [];
    for (const day of days) {
      results.push(
        await store.history
          .forPbx(TEST_PBX)
          .putDay(buildDay({ day, legs: fakeLegs(50_000 + writer, writer), legCount: 100 + writer })),
      );
    }
    return results;
  } finally {
    await store.close();
  }
}

postWorkerResult(run(workerData as RaceWorkerInput<HistoryWorkerTask>), (message) =>
  parentPort?.postMessage(message),
);
