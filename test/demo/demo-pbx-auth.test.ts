import { type DemoPbx, startDemoPbx } from '../../src/demo/demo-pbx';
import { DEMO_NOW, fetchToken, getJson, requestToken } from './demo-pbx-client';

describe('demo PBX: OAuth2 client credentials', () => {
  let pbx: DemoPbx;

  beforeEach(async () => {
    pbx = await startDemoPbx({ now: DEMO_NOW, days: 3 });
  });

  afterEach(async () => {
    await pbx.close();
  });

  it('uses the default credentials and a loopback URL', () => {
    expect(pbx.clientId).toBe('calls-bot-demo');
    expect(pbx.clientSecret).toBe('demo-secret');
    expect(pbx.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers wrong credentials with 401 and 3CX body, and counts no token', async () => {
    const answer = await requestToken(pbx, 'wrong-secret');
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({
      error: 'unauthorized',
      error_description: 'The request requires valid user authentication.',
    });
    expect(pbx.tokenRequests()).toBe(0);
  });

  it('issues a bearer token with expires_in in seconds', async () => {
    const answer = await requestToken(pbx);
    expect(answer.status).toBe(200);
    const body = answer.json as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'refresh_token', 'token_type']);
    expect(body.token_type).toBe('Bearer');
    expect(body.expires_in).toBe(3600);
    expect(body.refresh_token).toBeNull();
    expect(String(body.access_token)).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(pbx.tokenRequests()).toBe(1);
  });

  it('refuses other grant types with 400', async () => {
    const response = await fetch(`${pbx.url}/connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `client_id=${pbx.clientId}&client_secret=${pbx.clientSecret}&grant_type=password`,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'unsupported_grant_type',
      error_description: 'The specified grant type is not supported.',
    });
  });

  it('keeps one active token per client: a new token invalidates the previous one', async () => {
    const first = await fetchToken(pbx);
    expect((await getJson(pbx, '/xapi/v1/Defs', first)).status).toBe(200);
    const second = await fetchToken(pbx);
    expect(second).not.toBe(first);
    const old = await getJson(pbx, '/xapi/v1/Defs', first);
    expect(old.status).toBe(401);
    expect(old.text).toBe('');
    expect((await getJson(pbx, '/xapi/v1/Defs', second)).status).toBe(200);
    expect(pbx.tokenRequests()).toBe(2);
  });

  it('answers 401 without a bearer token or with a made-up one', async () => {
    expect((await getJson(pbx, '/xapi/v1/Users')).status).toBe(401);
    expect((await getJson(pbx, '/xapi/v1/Users', 'not-a-token')).status).toBe(401);
  });

  it('expires tokens after their lifetime (0 s: at once)', async () => {
    pbx.setTokenLifetime(0);
    const answer = await requestToken(pbx);
    expect((answer.json as { expires_in: number }).expires_in).toBe(0);
    const token = (answer.json as { access_token: string }).access_token;
    const expired = await getJson(pbx, '/xapi/v1/Defs', token);
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toContain('expired');
    pbx.setTokenLifetime(60);
    const fresh = await requestToken(pbx);
    expect((fresh.json as { expires_in: number }).expires_in).toBe(60);
    expect(
      (await getJson(pbx, '/xapi/v1/Defs', (fresh.json as { access_token: string }).access_token)).status,
    ).toBe(200);
  });

  it('takes credentials and lifetime from the options', async () => {
    const custom = await startDemoPbx({
      now: DEMO_NOW,
      days: 1,
      clientId: 'bot-a',
      clientSecret: 's3cret',
      tokenLifetimeSeconds: 120,
    });
    try {
      const answer = await requestToken(custom);
      expect(answer.status).toBe(200);
      expect((answer.json as { expires_in: number }).expires_in).toBe(120);
      expect((await requestToken(custom, 'demo-secret')).status).toBe(401);
    } finally {
      await custom.close();
    }
  });
});
