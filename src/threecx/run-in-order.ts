type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Runs `tasks` with at most `concurrency` of them running or held for the consumer, and yields
 * their results in task order, as soon as each one and all before it are done. A failure is thrown when its turn comes. Tasks
 * still running when the consumer stops keep running to their end, but their failures are caught
 * here (no unhandled rejections); callers abort them through their own signal.
 */
export async function* runInOrder<T>(
  tasks: ReadonlyArray<() => Promise<T>>,
  concurrency: number,
): AsyncGenerator<T> {
  const limit = Math.max(1, Math.floor(concurrency));
  const running: Array<Promise<Settled<T>>> = [];
  let nextTask = 0;
  const startNext = () => {
    const task = tasks[nextTask++];
    if (!task) return;
    running.push(
      Promise.resolve()
        .then(task)
        .then(
          (value): Settled<T> => ({ ok: true, value }),
          (error: unknown): Settled<T> => ({ ok: false, error }),
        ),
    );
  };
  while (nextTask < tasks.length && running.length < limit) startNext();
  while (running.length > 0) {
    const settled = await running.shift()!;
    if (!settled.ok) throw settled.error;
    yield settled.value;
    // Only once the consumer asks for more: a consumer that stopped (e.g. `top` reached) starts nothing new.
    startNext();
  }
}
