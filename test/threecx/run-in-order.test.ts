import { runInOrder } from '../../src/threecx/run-in-order';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('runInOrder', () => {
  it('yields in task order even when later tasks finish first, with at most `concurrency` started', async () => {
    const gates = [deferred<string>(), deferred<string>(), deferred<string>(), deferred<string>()];
    const started: number[] = [];
    const tasks = gates.map((gate, index) => () => {
      started.push(index);
      return gate.promise;
    });
    const resultPromise = collect(runInOrder(tasks, 2));
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1]);
    gates[1]!.resolve('b');
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1]);
    gates[0]!.resolve('a');
    gates[3]!.resolve('d');
    gates[2]!.resolve('c');
    expect(await resultPromise).toEqual(['a', 'b', 'c', 'd']);
    expect(started).toEqual([0, 1, 2, 3]);
  });

  it('throws a failure when its turn comes and leaves no unhandled rejection behind', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const tasks = [
        async () => 'first',
        async () => {
          throw new Error('second failed');
        },
        async () => {
          throw new Error('third failed too');
        },
      ];
      const seen: string[] = [];
      await expect(
        (async () => {
          for await (const value of runInOrder(tasks, 3)) seen.push(value);
        })(),
      ).rejects.toThrow('second failed');
      expect(seen).toEqual(['first']);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('starts the next task only when the consumer asks for more, and nothing after it stops', async () => {
    let started = 0;
    const tasks = Array.from({ length: 10 }, (_, index) => async () => {
      started++;
      return index;
    });
    for await (const value of runInOrder(tasks, 3)) {
      if (value === 1) break;
    }
    // While the consumer holds result 1, tasks 2 and 3 run; 4 to 9 are never started.
    expect(started).toBe(4);
  });
});
