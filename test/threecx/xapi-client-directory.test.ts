import { createTestClient, type DemoPbx, errorOf, useTestPbx } from './demo-helpers';

let pbx: DemoPbx;
useTestPbx((started) => {
  pbx = started;
});

function directoryUrls(): string[] {
  return pbx.requests
    .filter((entry) => entry.endpoint === 'users' || entry.endpoint === 'queues')
    .map((entry) => entry.url)
    .sort();
}

describe('getDirectory', () => {
  it("reads the PBX's users and queues with $select", async () => {
    const client = createTestClient(pbx);
    const directory = await client.getDirectory();
    expect(directory).toEqual(pbx.directory);
    expect(directory.users.length).toBeGreaterThan(5);
    expect(directoryUrls()).toEqual([
      '/xapi/v1/Queues?$select=Id,Number,Name&$count=true',
      '/xapi/v1/Users?$select=Id,Number,FirstName,LastName,DisplayName,EmailAddress&$count=true',
    ]);
    await client.close();
  });

  it('is cached for directoryTtlMs, and concurrent callers share one load', async () => {
    let clockMs = 0;
    const client = createTestClient(pbx, { now: () => clockMs, directoryTtlMs: 60_000 });
    const [first, second] = await Promise.all([client.getDirectory(), client.getDirectory()]);
    expect(second).toBe(first);
    clockMs = 59_999;
    expect(await client.getDirectory()).toBe(first);
    expect(directoryUrls()).toHaveLength(2);
    clockMs = 60_000;
    const third = await client.getDirectory();
    expect(third).toEqual(first);
    expect(third).not.toBe(first);
    expect(directoryUrls()).toHaveLength(4);
    await client.close();
  });

  it('follows @odata.count when the PBX answers with only part of the users', async () => {
    const users = pbx.directory.users.slice(0, 3).map((user, index) => ({
      Id: index + 1,
      Number: user.number,
      FirstName: user.firstName,
      LastName: user.lastName,
    }));
    pbx.misbehave({
      endpoint: 'users',
      status: 200,
      body: { '@odata.count': pbx.directory.users.length, value: users },
    });
    const client = createTestClient(pbx);
    const directory = await client.getDirectory();
    expect(directory.users.map((user) => user.number)).toEqual(
      pbx.directory.users.map((user) => user.number),
    );
    expect(pbx.requests.filter((entry) => entry.endpoint === 'users').map((entry) => entry.url)).toEqual([
      '/xapi/v1/Users?$select=Id,Number,FirstName,LastName,DisplayName,EmailAddress&$count=true',
      '/xapi/v1/Users?$select=Id,Number,FirstName,LastName,DisplayName,EmailAddress&$count=true&$skip=3',
    ]);
    await client.close();
  });

  it('does not cache a failed load', async () => {
    pbx.misbehave({ endpoint: 'queues', status: 500 });
    const client = createTestClient(pbx);
    expect(await errorOf(client.getDirectory())).toMatchObject({
      status: 500,
      endpoint: 'GET /xapi/v1/Queues',
    });
    expect(await client.getDirectory()).toEqual(pbx.directory);
    await client.close();
  });
});

describe('checkConnection', () => {
  it('asks /xapi/v1/Defs with a token', async () => {
    const client = createTestClient(pbx);
    await expect(client.checkConnection()).resolves.toBeUndefined();
    expect(pbx.requests.map((entry) => `${entry.method} ${entry.url} ${entry.status}`)).toEqual([
      'POST /connect/token 200',
      'GET /xapi/v1/Defs?$select=Id 200',
    ]);
    await client.close();
  });
});
