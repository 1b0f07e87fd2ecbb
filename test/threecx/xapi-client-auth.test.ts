import { PbxHttpError } from '../../src/threecx/errors';
import {
  callLogUrls,
  collect,
  createTestClient,
  type DemoPbx,
  errorOf,
  queryFor,
  useTestPbx,
} from './demo-helpers';

let pbx: DemoPbx;
useTestPbx((started) => {
  pbx = started;
});

const SIX_HOURS = ['2026-11-26T08:00:00Z', '2026-11-26T14:00:00Z'] as const;

function tokenPosts(): number {
  return pbx.requests.filter((entry) => entry.endpoint === 'token').length;
}

describe('the access token', () => {
  it('is fetched once for 50 concurrent requests (form-encoded client credentials)', async () => {
    const issuedBefore = pbx.tokenRequests();
    const client = createTestClient(pbx);
    await Promise.all(Array.from({ length: 50 }, () => client.checkConnection()));
    expect(pbx.tokenRequests() - issuedBefore).toBe(1);
    const defs = pbx.requests.filter((entry) => entry.endpoint === 'defs');
    expect(defs).toHaveLength(50);
    expect(defs.every((entry) => entry.status === 200 && entry.url === '/xapi/v1/Defs?$select=Id')).toBe(
      true,
    );
    expect(pbx.requests.filter((entry) => entry.endpoint === 'token')).toEqual([
      { method: 'POST', endpoint: 'token', url: '/connect/token', status: 200 },
    ]);
    await client.close();
  });

  it('is reused until shortly before it expires, then fetched again (expires_in in seconds)', async () => {
    let clockMs = Date.UTC(2026, 10, 29, 10);
    const client = createTestClient(pbx, { now: () => clockMs });
    await client.checkConnection();
    clockMs += 3569_000; // 31 s left: still before the refresh margin (30 s)
    await client.checkConnection();
    expect(tokenPosts()).toBe(1);
    clockMs += 2_000; // 29 s left: refresh
    await client.checkConnection();
    await client.checkConnection();
    expect(tokenPosts()).toBe(2);
    expect(pbx.requests.map((entry) => entry.status)).toEqual([200, 200, 200, 200, 200, 200]);
    await client.close();
  });

  it('refreshes short-lived tokens at 80 % of their life', async () => {
    pbx.setTokenLifetime(60);
    let clockMs = 0;
    const client = createTestClient(pbx, { now: () => clockMs });
    await client.checkConnection();
    clockMs = 47_999;
    await client.checkConnection();
    expect(tokenPosts()).toBe(1);
    clockMs = 48_000;
    await client.checkConnection();
    expect(tokenPosts()).toBe(2);
    await client.close();
  });

  it('is replaced once after a 401, and the refused request is repeated', async () => {
    const client = createTestClient(pbx);
    await client.checkConnection();
    pbx.misbehave({
      endpoint: 'calllog',
      status: 401,
      body: { error: { code: '', message: 'Unauthorized' } },
    });
    const rows = await collect(client.streamRows(queryFor(...SIX_HOURS)));
    expect(rows.length).toBeGreaterThan(0);
    expect(tokenPosts()).toBe(2);
    expect(pbx.requests.map((entry) => `${entry.endpoint} ${entry.status}`)).toEqual([
      'token 200',
      'defs 200',
      'calllog 401',
      'token 200',
      'calllog 200',
    ]);
    const urls = callLogUrls(pbx);
    expect(urls[1]).toBe(urls[0]);
    await client.close();
  });

  it('recovers when another program with the same client id took the token (one active token per client)', async () => {
    const first = createTestClient(pbx);
    const second = createTestClient(pbx);
    await first.checkConnection();
    await second.checkConnection(); // the PBX now refuses first's token
    await first.checkConnection();
    expect(pbx.requests.map((entry) => `${entry.endpoint} ${entry.status}`)).toEqual([
      'token 200',
      'defs 200',
      'token 200',
      'defs 200',
      'defs 401',
      'token 200',
      'defs 200',
    ]);
    await Promise.all([first.close(), second.close()]);
  });

  it('concurrent requests refused with the same token share one new token', async () => {
    const first = createTestClient(pbx);
    const second = createTestClient(pbx);
    await first.checkConnection();
    await second.checkConnection();
    pbx.requests.length = 0;
    await Promise.all(Array.from({ length: 10 }, () => first.checkConnection()));
    expect(tokenPosts()).toBe(1);
    expect(pbx.requests.filter((entry) => entry.status === 401)).toHaveLength(10);
    expect(pbx.requests.filter((entry) => entry.endpoint === 'defs' && entry.status === 200)).toHaveLength(
      10,
    );
    await Promise.all([first.close(), second.close()]);
  });

  it('gives up after one retry when the new token is refused too', async () => {
    const client = createTestClient(pbx);
    pbx.misbehave({ endpoint: 'defs', status: 401, times: 2 });
    const error = await errorOf(client.checkConnection());
    expect(error).toBeInstanceOf(PbxHttpError);
    expect((error as PbxHttpError).status).toBe(401);
    expect((error as PbxHttpError).hint).toMatch(/^Check THREECX_CLIENT_ID and THREECX_CLIENT_SECRET/);
    expect(pbx.requests.map((entry) => `${entry.endpoint} ${entry.status}`)).toEqual([
      'token 200',
      'defs 401',
      'token 200',
      'defs 401',
    ]);
    await client.close();
  });

  it('a wrong client secret is a 401 from /connect/token with the credentials hint, not retried', async () => {
    const client = createTestClient(pbx, { clientSecret: 'not-the-secret' });
    const error = await errorOf(client.checkConnection());
    expect(error).toBeInstanceOf(PbxHttpError);
    const httpError = error as PbxHttpError;
    expect([httpError.status, httpError.endpoint, httpError.kind]).toEqual([
      401,
      'POST /connect/token',
      'pbx',
    ]);
    expect(httpError.message).toMatch(/^The PBX answered 401 to POST \/connect\/token/);
    expect(httpError.hint).toContain('Admin > Integrations > API');
    expect(pbx.requests.map((entry) => `${entry.endpoint} ${entry.status}`)).toEqual(['token 401']);
    await client.close();
  });
});
