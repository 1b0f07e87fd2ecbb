import { createTestClient, type DemoPbx, useTestPbx } from './demo-helpers';

let pbx: DemoPbx;
useTestPbx((started) => {
  pbx = started;
});

describe('cachedDirectory (what `explain` may use)', () => {
  it('is undefined until a load, the fresh copy within directoryTtlMs, and never asks the PBX', async () => {
    let clockMs = 0;
    const client = createTestClient(pbx, { now: () => clockMs, directoryTtlMs: 60_000 });
    const asked = () => pbx.requests.filter((entry) => entry.endpoint !== 'token').length;
    expect(client.cachedDirectory()).toBeUndefined();
    expect(asked()).toBe(0);
    const loaded = await client.getDirectory();
    const loads = asked();
    clockMs = 59_999;
    expect(client.cachedDirectory()).toBe(loaded);
    clockMs = 60_000;
    expect(client.cachedDirectory()).toBeUndefined();
    expect(asked()).toBe(loads);
    await client.close();
  });
});
