import { InFlightLimit } from '../../src/threecx/in-flight-limit';

/** A task that runs until `finish()` is called, recording when it started. */
function gate(started: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return {
    task: async () => {
      started.push(name);
      await done;
      return name;
    },
    finish: () => finish(),
  };
}

describe('InFlightLimit', () => {
  it('runs at most `limit` tasks at a time, the others in arrival order as slots free', async () => {
    const started: string[] = [];
    const limit = new InFlightLimit(2);
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((name) => gate(started, name));
    const results = [a!, b!, c!, d!].map((entry) => limit.run(entry.task));
    await Promise.resolve();
    expect(started).toEqual(['a', 'b']);
    b!.finish();
    await results[1];
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(['a', 'b', 'c']);
    a!.finish();
    c!.finish();
    d!.finish();
    await expect(Promise.all(results)).resolves.toEqual(['a', 'b', 'c', 'd']);
  });

  it('frees the slot of a task that fails', async () => {
    const limit = new InFlightLimit(1);
    await expect(limit.run(() => Promise.reject(new Error('PBX down')))).rejects.toThrow('PBX down');
    await expect(limit.run(async () => 'next')).resolves.toBe('next');
  });
});
