import { request } from 'undici';
import { type DemoPbx, startDemoPbx } from '../../src/demo/demo-pbx';
import { callLogPathFor, DEMO_NOW, fetchToken, getJson, requestToken } from './demo-pbx-client';

const DAY = callLogPathFor('2026-11-17T00:00:00Z', '2026-11-17T23:59:59Z');

describe('demo PBX: injected faults', () => {
  let pbx: DemoPbx;
  let token: string;

  beforeEach(async () => {
    pbx = await startDemoPbx({ now: DEMO_NOW, days: 7 });
    token = await fetchToken(pbx);
  });

  afterEach(async () => {
    await pbx.close();
  });

  const statuses = async (count: number, path = DAY) => {
    const result: number[] = [];
    for (let index = 0; index < count; index += 1) result.push((await getJson(pbx, path, token)).status);
    return result;
  };

  it('answers the next call-log request with a status, headers and an OData error body', async () => {
    pbx.misbehave({ status: 503, headers: { 'retry-after': '1' } });
    const users = await getJson(pbx, '/xapi/v1/Users', token);
    expect(users.status).toBe(200);
    const failed = await getJson(pbx, DAY, token);
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toBe('1');
    expect(failed.json).toEqual({ error: { code: '', message: 'Demo PBX fault: status 503.' } });
    expect((await getJson(pbx, DAY, token)).status).toBe(200);
  });

  it('hits the nth matching request and the given number of consecutive ones', async () => {
    pbx.misbehave({ nth: 2, times: 2, status: 500, body: '' });
    expect(await statuses(5)).toEqual([200, 500, 500, 200, 200]);
  });

  it('serves faults queued for the same request one after another', async () => {
    pbx.misbehave({ status: 502 });
    pbx.misbehave({ status: 503 });
    pbx.misbehave({ nth: 4, status: 504 });
    expect(await statuses(5)).toEqual([502, 503, 200, 504, 200]);
  });

  it('sends a custom body, text or JSON', async () => {
    pbx.misbehave({ status: 500, body: '' });
    pbx.misbehave({ status: 504, body: { error: { code: '', message: 'Timeout' } } });
    const empty = await getJson(pbx, DAY, token);
    expect([empty.status, empty.text]).toEqual([500, '']);
    const json = await getJson(pbx, DAY, token);
    expect([json.status, json.json]).toEqual([504, { error: { code: '', message: 'Timeout' } }]);
  });

  it('targets the token endpoint, or any endpoint', async () => {
    pbx.misbehave({ endpoint: 'token', status: 500 });
    expect((await requestToken(pbx)).status).toBe(500);
    expect((await requestToken(pbx)).status).toBe(200);
    token = await fetchToken(pbx);
    pbx.misbehave({ endpoint: 'any', times: 2, status: 403 });
    expect((await requestToken(pbx)).status).toBe(403);
    expect(await statuses(2, '/xapi/v1/Defs')).toEqual([403, 200]);
  });

  it('cuts the body mid-way: the client sees a socket error after 200 headers', async () => {
    pbx.misbehave({ cutBody: true });
    const response = await request(`${pbx.url}${DAY}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.statusCode).toBe(200);
    await expect(response.body.text()).rejects.toThrow();
    expect((await getJson(pbx, DAY, token)).status).toBe(200);
  });

  it('delays an answer (delayMs alone) so that a short client timeout fires first', async () => {
    pbx.misbehave({ endpoint: 'defs', delayMs: 3000 });
    const headers = { authorization: `Bearer ${token}` };
    await expect(
      fetch(`${pbx.url}/xapi/v1/Defs`, { headers, signal: AbortSignal.timeout(100) }),
    ).rejects.toThrow();
    const startedMs = performance.now();
    pbx.misbehave({ endpoint: 'defs', delayMs: 150, status: 502 });
    const answer = await getJson(pbx, '/xapi/v1/Defs', token);
    expect(answer.status).toBe(502);
    expect(performance.now() - startedMs).toBeGreaterThanOrEqual(140);
  });

  it('delays every answer with setDelay', async () => {
    pbx.setDelay(150);
    const startedMs = performance.now();
    expect((await getJson(pbx, '/xapi/v1/Defs', token)).status).toBe(200);
    expect(performance.now() - startedMs).toBeGreaterThanOrEqual(140);
    pbx.setDelay(0);
  });

  it('logs every request with its endpoint, raw URL and status', async () => {
    pbx.misbehave({ status: 429 });
    await getJson(pbx, DAY, token);
    await getJson(pbx, '/xapi/v1/Queues', token);
    await getJson(pbx, '/nowhere');
    expect(pbx.requests.map(({ method, endpoint, status }) => [method, endpoint, status])).toEqual([
      ['POST', 'token', 200],
      ['GET', 'calllog', 429],
      ['GET', 'queues', 200],
      ['GET', 'other', 404],
    ]);
    expect(pbx.requests[1]!.url).toBe(DAY);
  });
});
