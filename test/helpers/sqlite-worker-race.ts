import { Worker } from 'node:worker_threads';

/**
 * Real concurrency for SQLite stores: each contender is a worker thread with its own connection
 * to the file (as another process would have), all released together from a barrier. The worker
 * file calls `waitForAllWorkers` once its connection is open, then does its task and posts
 * `{ ok, result | error }` (`postWorkerResult`).
 */

/** What every worker gets: the file, the barrier and how many wait at it, and its own task. */
export interface RaceWorkerInput<Task> {
  path: string;
  /** Int32Array over a SharedArrayBuffer: [0] counts the workers ready. */
  barrier: SharedArrayBuffer;
  parties: number;
  task: Task;
}

/** Runs every task in its own worker thread of `workerFile` (TypeScript), all released at once; their answers in order. */
export async function raceSqliteWorkers<Task>(
  workerFile: string,
  path: string,
  tasks: readonly Task[],
): Promise<unknown[]> {
  const barrier = new SharedArrayBuffer(4);
  return Promise.all(
    tasks.map(
      (task) =>
        new Promise<unknown>((resolve, reject) => {
          const input: RaceWorkerInput<Task> = { path, barrier, parties: tasks.length, task };
          const worker = new Worker(workerFile, {
            workerData: input,
            execArgv: ['--require', require.resolve('tsx/cjs')],
          });
          worker.once('message', (message: { ok: boolean; result?: unknown; error?: string }) => {
            void worker.terminate();
            if (message.ok) resolve(message.result);
            else reject(new Error(message.error));
          });
          worker.once('error', reject);
        }),
    ),
  );
}

/** In a worker: counts itself ready, then waits until every party is. */
export function waitForAllWorkers(input: Pick<RaceWorkerInput<unknown>, 'barrier' | 'parties'>): void {
  const ready = new Int32Array(input.barrier);
  Atomics.add(ready, 0, 1);
  Atomics.notify(ready, 0);
  for (let seen = Atomics.load(ready, 0); seen < input.parties; seen = Atomics.load(ready, 0)) {
    Atomics.wait(ready, 0, seen, 100);
  }
}

/** In a worker: runs `work` and posts its answer (or its error) to the test. */
export function postWorkerResult(work: Promise<unknown>, post: (message: unknown) => void): void {
  work.then(
    (result) => post({ ok: true, result }),
    (error: unknown) => post({ ok: false, error: String(error) }),
  );
}
