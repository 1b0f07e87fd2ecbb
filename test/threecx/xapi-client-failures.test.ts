import { PbxHttpError, PbxUnreachableError } from '../../src/threecx/errors';
import { XapiClient } from '../../src/threecx/xapi-client';
import { findClosedPort } from '../helpers/closed-port';
import {
  collect,
  createTestClient,
  type DemoPbx,
  errorOf,
  expectedRows,
  queryFor,
  useTestPbx,
} from './demo-helpers';

let pbx: DemoPbx;
useTestPbx((started) => {
  pbx = started;
});

const MORNING = ['2026-11-26T08:00:00Z', '2026-11-26T14:00:00Z'] as const;

function trail(): string[] {
  return pbx.requests.map((entry) => `${entry.endpoint} ${entry.status}`);
}

async function httpErrorOf(promise: Promise<unknown>): Promise<PbxHttpError> {
  const error = await errorOf(promise);
  expect(error).toBeInstanceOf(PbxHttpError);
  return error as PbxHttpError;
}

async function unreachableErrorOf(promise: Promise<unknown>): Promise<PbxUnreachableError> {
  const error = await errorOf(promise);
  expect(error).toBeInstanceOf(PbxUnreachableError);
  return error as PbxUnreachableError;
}

describe('the PBX answers with an error', () => {
  it("403 names the System Owner role and quotes 3CX's message; not retried", async () => {
    pbx.misbehave({
      status: 403,
      body: { error: { code: '', message: 'Forbidden', details: [{ message: 'Role' }] } },
    });
    const client = createTestClient(pbx);
    const error = await httpErrorOf(collect(client.streamRows(queryFor(...MORNING))));
    expect(error.status).toBe(403);
    expect(error.kind).toBe('pbx');
    expect(error.endpoint).toBe('GET /xapi/v1/ReportCallLogData/Pbx.GetCallLogData');
    expect(error.message).toBe(
      'The PBX answered 403 to GET /xapi/v1/ReportCallLogData/Pbx.GetCallLogData: Forbidden; Role',
    );
    expect(error.hint).toBe(
      "The API client needs the System Owner role (Admin > Integrations > API), or the PBX's console IP restriction blocks this host.",
    );
    expect(trail()).toEqual(['token 200', 'calllog 403']);
    await client.close();
  });

  it('404 points at THREECX_URL and the 3CX version', async () => {
    pbx.misbehave({ status: 404, body: { error: { code: '', message: 'No HTTP resource was found' } } });
    const client = createTestClient(pbx);
    const error = await httpErrorOf(client.countRows(queryFor(...MORNING)));
    expect(error.status).toBe(404);
    expect(error.pbxMessage).toBe('No HTTP resource was found');
    expect(error.hint).toBe(
      'Check THREECX_URL (the server root, e.g. https://pbx.example.com:5001) and that the PBX runs 3CX V20 Update 6 ' +
        'or later (the call-log report functions and their arguments).',
    );
    await client.close();
  });

  it('a real 404 for a server root that is not the PBX', async () => {
    const client = createTestClient(pbx, { baseUrl: `${pbx.url}/not-here/` });
    const error = await httpErrorOf(client.checkConnection());
    // Endpoints are named relative to THREECX_URL.
    expect([error.status, error.endpoint]).toEqual([404, 'POST /connect/token']);
    expect(error.hint).toMatch(/^Check THREECX_URL \(the server root/);
    expect(pbx.requests.map((entry) => entry.url)).toEqual(['/not-here/connect/token']);
    await client.close();
  });

  it('500 with an empty body says the PBX failed; not retried', async () => {
    pbx.misbehave({ status: 500, body: '' });
    const client = createTestClient(pbx);
    const error = await httpErrorOf(collect(client.streamRows(queryFor(...MORNING))));
    expect(error.status).toBe(500);
    expect(error.message).toBe('The PBX answered 500 to GET /xapi/v1/ReportCallLogData/Pbx.GetCallLogData');
    expect(error.hint).toBe('The PBX failed on this request: try a shorter period, or check the PBX.');
    expect(trail()).toEqual(['token 200', 'calllog 500']);
    await client.close();
  });

  it('504 outside the call log is an error, not split', async () => {
    pbx.misbehave({ endpoint: 'defs', status: 504 });
    const client = createTestClient(pbx);
    const error = await httpErrorOf(client.checkConnection());
    expect([error.status, error.endpoint]).toEqual([504, 'GET /xapi/v1/Defs']);
    await client.close();
  });
});

describe('retries', () => {
  it('503 with Retry-After waits as told, then succeeds', async () => {
    pbx.misbehave({ status: 503, headers: { 'retry-after': '1' }, times: 2 });
    const delaysMs: number[] = [];
    const client = createTestClient(pbx, { sleep: async (ms) => void delaysMs.push(ms) });
    const rows = await collect(client.streamRows(queryFor(...MORNING)));
    expect(rows).toEqual(expectedRows(pbx, ...MORNING));
    expect(delaysMs).toEqual([1000, 1000]);
    expect(trail()).toEqual(['token 200', 'calllog 503', 'calllog 503', 'calllog 200']);
    await client.close();
  });

  it('429 without Retry-After backs off exponentially with jitter, then gives up with a hint', async () => {
    pbx.misbehave({ endpoint: 'defs', status: 429, times: 4 });
    const delaysMs: number[] = [];
    const client = createTestClient(pbx, {
      retry: { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 1000 },
      random: () => 0.5,
      sleep: async (ms) => void delaysMs.push(ms),
    });
    const error = await httpErrorOf(client.checkConnection());
    expect(error.status).toBe(429);
    expect(error.hint).toBe('The PBX is busy or restarting: try again in a minute.');
    expect(delaysMs).toEqual([50, 100, 200]);
    expect(trail()).toEqual(['token 200', 'defs 429', 'defs 429', 'defs 429', 'defs 429']);
    await client.close();
  });

  it('a 502 on the token request is retried too', async () => {
    pbx.misbehave({ endpoint: 'token', status: 502 });
    const client = createTestClient(pbx);
    await client.checkConnection();
    expect(trail()).toEqual(['token 502', 'token 200', 'defs 200']);
    await client.close();
  });

  it('a connection cut in the middle of a page is retried and no row is lost', async () => {
    pbx.misbehave({ cutBody: true });
    const client = createTestClient(pbx);
    const rows = await collect(client.streamRows(queryFor(...MORNING)));
    expect(rows).toEqual(expectedRows(pbx, ...MORNING));
    expect(trail()).toEqual(['token 200', 'calllog 200', 'calllog 200']);
    await client.close();
  });

  it('a connection cut on every attempt ends as unreachable (reset)', async () => {
    pbx.misbehave({ endpoint: 'defs', cutBody: true, times: 2 });
    const client = createTestClient(pbx, { retry: { maxRetries: 1, baseDelayMs: 5 } });
    const error = await unreachableErrorOf(client.checkConnection());
    expect(error.reason).toBe('reset');
    expect(error.kind).toBe('unreachable');
    expect(error.message).toMatch(
      /^Could not reach the PBX \(GET \/xapi\/v1\/Defs\): the connection was reset or cut before the answer was complete/,
    );
    await client.close();
  });
});

describe('the PBX does not answer', () => {
  it('a request slower than requestTimeoutMs is unreachable (timeout), not retried', async () => {
    pbx.misbehave({ endpoint: 'defs', delayMs: 4_000 });
    // Long enough for the token request on a loaded CI machine, well short of the delay.
    const client = createTestClient(pbx, { requestTimeoutMs: 1_500 });
    const error = await unreachableErrorOf(client.checkConnection());
    expect(error.reason).toBe('timeout');
    expect(error.message).toBe('Could not reach the PBX (GET /xapi/v1/Defs): no answer within 1.5 s');
    expect(error.hint).toMatch(/^Check THREECX_URL \(scheme, host and port/);
    expect(pbx.requests.filter((entry) => entry.endpoint === 'defs')).toHaveLength(1);
    await client.close();
  });

  it('a refused connection is retried, then unreachable (refused)', async () => {
    const port = await findClosedPort();
    const delaysMs: number[] = [];
    const client = new XapiClient({
      baseUrl: `http://127.0.0.1:${port}`,
      clientId: 'id',
      clientSecret: 'secret',
      retry: { maxRetries: 2, baseDelayMs: 5 },
      sleep: async (ms) => void delaysMs.push(ms),
    });
    const error = await unreachableErrorOf(client.checkConnection());
    expect(error.reason).toBe('refused');
    expect(error.endpoint).toBe('POST /connect/token');
    expect(error.message).toBe(
      'Could not reach the PBX (POST /connect/token): connection refused (ECONNREFUSED)',
    );
    expect(delaysMs).toHaveLength(2);
    await client.close();
  });
});
