import { createLogger } from '../../src/core/logger';
import { type DemoPbx, startDemoPbx } from '../../src/demo/demo-pbx';
import {
  createSharedTokenProvider,
  type SharedTokenSetup,
} from '../../src/threecx/create-shared-token-provider';
import type { SharedTokenStore } from '../../src/threecx/shared-token-store';
import { XapiClient } from '../../src/threecx/xapi-client';
import { type ContractDatabase, listStoreKinds, stopTestPostgres } from '../schedule/store-kinds';

/**
 * Replicas (here: three clients, each with its own store connection) share one PBX token through
 * the store, against the demo PBX, which keeps one active token per client like 3CX.
 */

const START_MS = Date.UTC(2026, 10, 29, 10);

afterAll(() => stopTestPostgres());

describe.each(listStoreKinds('shared token tests'))('shared PBX token on $name', (kind) => {
  let pbx: DemoPbx;
  let database: ContractDatabase;
  let clockMs: number;
  let logs: string[];
  let replicas: { client: XapiClient; tokens: SharedTokenSetup }[];

  const startReplica = async () => {
    const store: SharedTokenStore = await database.open();
    const logger = createLogger({ level: 'debug', write: (line) => logs.push(line) });
    const tokens = createSharedTokenProvider({
      baseUrl: `${pbx.url}/`,
      clientId: pbx.clientId,
      clientSecret: pbx.clientSecret,
      store,
      logger,
      now: () => clockMs,
    });
    const client = new XapiClient({
      baseUrl: pbx.url,
      clientId: pbx.clientId,
      clientSecret: pbx.clientSecret,
      tokenProvider: tokens.provider,
      now: () => clockMs,
      logger,
    });
    const replica = { client, tokens };
    replicas.push(replica);
    return replica;
  };

  const defsStatuses = () =>
    pbx.requests.filter((entry) => entry.endpoint === 'defs').map((entry) => entry.status);

  beforeEach(async () => {
    pbx = await startDemoPbx({ tokenLifetimeSeconds: 3600, callsPerDay: 10, days: 2 });
    database = await kind.createDatabase();
    clockMs = START_MS;
    logs = [];
    replicas = [];
  });
  afterEach(async () => {
    for (const { client, tokens } of replicas) {
      await client.close();
      await tokens.close();
    }
    await database.tearDown();
    await pbx.close();
  });

  it('fetches one token for three replicas answering concurrently, and never logs it', async () => {
    const all = [await startReplica(), await startReplica(), await startReplica()];
    await Promise.all(
      all.flatMap(({ client }) => Array.from({ length: 10 }, () => client.checkConnection())),
    );
    expect(pbx.tokenRequests()).toBe(1);
    expect(defsStatuses()).toEqual(Array(30).fill(200));
    const stored = await (await database.open()).readSharedToken(`${pbx.url} ${pbx.clientId}`);
    expect(stored).toEqual({
      token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      expiresAtMs: START_MS + 3600_000,
      refreshAtMs: START_MS + 3570_000,
    });
    expect(logs.join('\n')).not.toContain(stored!.token);
    expect(logs.join('\n')).not.toContain(pbx.clientSecret);
    expect(logs.filter((line) => line.includes('Fetched the shared PBX access token'))).toHaveLength(1);
  });

  it('refreshes once for all replicas when the refresh time comes', async () => {
    const all = [await startReplica(), await startReplica(), await startReplica()];
    await Promise.all(all.map(({ client }) => client.checkConnection()));
    clockMs += 3569_000; // 31 s left: still good everywhere
    await Promise.all(all.map(({ client }) => client.checkConnection()));
    expect(pbx.tokenRequests()).toBe(1);
    clockMs += 2_000; // 29 s left: time to refresh
    await Promise.all(all.flatMap(({ client }) => [client.checkConnection(), client.checkConnection()]));
    expect(pbx.tokenRequests()).toBe(2);
    expect(defsStatuses()).toEqual(Array(12).fill(200));
  });

  it('re-reads the store after a 401 and takes the token another replica fetched, without fetching', async () => {
    const [a, b] = [await startReplica(), await startReplica()];
    await a.client.checkConnection();
    await b.client.checkConnection();
    // Replica A is told its token is refused (as after a PBX restart): it refreshes for everyone.
    const first = await a.tokens.provider.getToken();
    a.tokens.provider.invalidate(first);
    await a.client.checkConnection();
    expect(pbx.tokenRequests()).toBe(2);
    // B still holds the first token: the PBX refuses it, B re-reads the store and retries.
    await b.client.checkConnection();
    expect(pbx.tokenRequests()).toBe(2);
    expect(defsStatuses()).toEqual([200, 200, 200, 401, 200]);
    expect(await b.tokens.provider.getToken()).toBe(await a.tokens.provider.getToken());
  });

  it('refreshes under the lock when the stored token itself is refused', async () => {
    const [a, b] = [await startReplica(), await startReplica()];
    await Promise.all([a.client.checkConnection(), b.client.checkConnection()]);
    const token = await a.tokens.provider.getToken();
    a.tokens.provider.invalidate(token);
    b.tokens.provider.invalidate(token);
    const [fromA, fromB] = await Promise.all([a.tokens.provider.getToken(), b.tokens.provider.getToken()]);
    expect(fromA).toBe(fromB);
    expect(fromA).not.toBe(token);
    expect(pbx.tokenRequests()).toBe(2);
  });

  it('passes on bad credentials as the PBX error, and fetches again next time', async () => {
    const { client } = await startReplica();
    pbx.misbehave({ endpoint: 'token', status: 401 });
    await expect(client.checkConnection()).rejects.toMatchObject({ kind: 'pbx', status: 401 });
    await client.checkConnection();
    expect(defsStatuses()).toEqual([200]);
  });
});
