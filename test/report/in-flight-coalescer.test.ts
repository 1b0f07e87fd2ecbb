import { InFlightCoalescer } from '../../src/report/in-flight-coalescer';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('InFlightCoalescer', () => {
  it('runs one task per key while it is in flight; later callers get copies', async () => {
    const coalescer = new InFlightCoalescer<{ n: number }>((value) => ({ ...value }));
    const gate = deferred<{ n: number }>();
    let runs = 0;
    const task = () => {
      runs++;
      return gate.promise;
    };
    const callers = [coalescer.run('a', task), coalescer.run('a', task), coalescer.run('a', task)];
    const other = coalescer.run('b', async () => ({ n: 9 }));
    expect(coalescer.waitingCount).toBe(4);
    const original = { n: 1 };
    gate.resolve(original);
    const [first, second, third] = await Promise.all(callers);
    expect(runs).toBe(1);
    expect(first).toBe(original);
    expect([second, third]).toEqual([{ n: 1 }, { n: 1 }]);
    expect(second).not.toBe(original);
    expect(second).not.toBe(third);
    expect(await other).toEqual({ n: 9 });
    expect(coalescer.waitingCount).toBe(0);
  });

  it('copies before the first caller can change the value', async () => {
    const coalescer = new InFlightCoalescer<{ n: number }>((value) => ({ ...value }));
    const first = coalescer
      .run('a', async () => ({ n: 1 }))
      .then((value) => {
        value.n = 99;
        return value;
      });
    const second = coalescer.run('a', async () => ({ n: 2 }));
    expect(await first).toEqual({ n: 99 });
    expect(await second).toEqual({ n: 1 });
  });

  it('gives every caller the failure, then runs the task again', async () => {
    const coalescer = new InFlightCoalescer<number>((value) => value);
    let runs = 0;
    const failing = () => {
      runs++;
      return Promise.reject(new Error('PBX down'));
    };
    const results = await Promise.allSettled([coalescer.run('a', failing), coalescer.run('a', failing)]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(runs).toBe(1);
    expect(await coalescer.run('a', async () => 5)).toBe(5);
    expect(runs).toBe(1);
  });

  it('turns a task that throws synchronously into a rejection', async () => {
    const coalescer = new InFlightCoalescer<number>((value) => value);
    await expect(
      coalescer.run('a', () => {
        throw new Error('bad request');
      }),
    ).rejects.toThrow('bad request');
  });
});
