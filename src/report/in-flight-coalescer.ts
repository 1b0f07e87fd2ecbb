interface Waiter<T> {
  resolve(value: T): void;
  reject(error: unknown): void;
}

/**
 * Runs at most one task per key at a time: a caller asking for a key whose task is still running
 * waits for that task instead of starting another. The first caller gets the task's value, every
 * later one `copy(value)`, all made the moment the task ends, before any caller can touch the
 * value. Failures reach every caller; nothing is kept once a task has ended.
 */
export class InFlightCoalescer<T> {
  private readonly inFlight = new Map<string, Array<Waiter<T>>>();

  constructor(private readonly copy: (value: T) => T) {}

  /** Callers waiting for tasks in flight (for tests). */
  get waitingCount(): number {
    let count = 0;
    for (const waiters of this.inFlight.values()) count += waiters.length;
    return count;
  }

  run(key: string, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const waiters = this.inFlight.get(key);
      if (waiters) {
        waiters.push({ resolve, reject });
        return;
      }
      const started: Array<Waiter<T>> = [{ resolve, reject }];
      this.inFlight.set(key, started);
      const settle = (outcome: { value: T } | { error: unknown }) => {
        this.inFlight.delete(key);
        started.forEach((waiter, index) => {
          if ('error' in outcome) waiter.reject(outcome.error);
          else waiter.resolve(index === 0 ? outcome.value : this.copy(outcome.value));
        });
      };
      Promise.resolve()
        .then(task)
        .then(
          (value) => settle({ value }),
          (error: unknown) => settle({ error }),
        );
    });
  }
}
