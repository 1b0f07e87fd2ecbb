import { FaultQueue } from '../../src/demo/fault-queue';

describe('FaultQueue', () => {
  it('defaults to the next call-log request, once', () => {
    const queue = new FaultQueue();
    queue.add({ status: 500 });
    expect(queue.take('users')).toBeUndefined();
    expect(queue.take('calllog')).toEqual({
      status: 500,
      body: undefined,
      headers: undefined,
      cutBody: false,
      delayMs: 0,
      endlessBody: false,
      advanceClockMs: 0,
    });
    expect(queue.take('calllog')).toBeUndefined();
  });

  it('adds delays of every fault hitting a request and lets one fault decide the answer', () => {
    const queue = new FaultQueue();
    queue.add({ endpoint: 'any', delayMs: 100 });
    queue.add({ endpoint: 'token', delayMs: 50, status: 503 });
    queue.add({ endpoint: 'token', cutBody: true });
    expect(queue.take('token')).toMatchObject({ delayMs: 150, status: 503, cutBody: false });
    expect(queue.take('token')).toMatchObject({ delayMs: 0, status: undefined, cutBody: true });
    expect(queue.take('token')).toBeUndefined();
  });

  it('counts only matching requests towards nth', () => {
    const queue = new FaultQueue();
    queue.add({ endpoint: 'defs', nth: 2, times: 2, status: 502 });
    const seen = ['defs', 'users', 'defs', 'defs', 'defs'].map(
      (endpoint) => queue.take(endpoint as 'defs' | 'users')?.status,
    );
    expect(seen).toEqual([undefined, undefined, 502, 502, undefined]);
  });

  it('counts only call-log requests with the given $skip when `skip` is set', () => {
    const queue = new FaultQueue();
    queue.add({ skip: 2, status: 504 });
    const path = '/xapi/v1/ReportCallLogData/Pbx.GetCallLogData(x)';
    expect(queue.take('calllog', `${path}?$top=2&$skip=0`)).toBeUndefined();
    expect(queue.take('calllog', `${path}?$top=2`)).toBeUndefined();
    expect(queue.take('calllog', `${path}?$top=2&%24skip=2`)?.status).toBe(504);
    expect(queue.take('calllog', `${path}?$top=2&$skip=2`)).toBeUndefined();
  });

  it('lets an oversized or endless answer decide the answer, and adds clock moves', () => {
    const queue = new FaultQueue();
    queue.add({ advanceClockMs: 60_000 });
    queue.add({ oversizedBytes: 1000 });
    queue.add({ endlessBody: true, advanceClockMs: 1000 });
    expect(queue.take('calllog')).toMatchObject({
      advanceClockMs: 60_000,
      oversized: { bytes: 1000, shape: 'padded' },
      endlessBody: false,
    });
    expect(queue.take('calllog')).toMatchObject({ advanceClockMs: 1000, endlessBody: true });
  });
});
