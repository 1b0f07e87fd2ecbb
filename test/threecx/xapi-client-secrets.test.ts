import { Agent, type Dispatcher } from 'undici';
import { startDemoPbx } from '../../src/demo/demo-pbx';
import { type PbxHttpError, PbxUnreachableError } from '../../src/threecx/errors';
import { XapiClient } from '../../src/threecx/xapi-client';
import { findClosedPort } from '../helpers/closed-port';
import {
  collect,
  createRecordingLogger,
  createTestClient,
  DEMO_NOW,
  type DemoPbx,
  errorOf,
  queryFor,
} from './demo-helpers';

const SECRET = 'Sup3rS3cret-k7Qx9-DoNotLeak';
const MORNING = ['2026-11-26T08:00:00Z', '2026-11-26T14:00:00Z'] as const;

let pbx: DemoPbx;
let agent: Agent;
/** Every bearer token the client sent, read off the wire by a dispatcher interceptor. */
const tokensSeen = new Set<string>();
let dispatcher: Dispatcher;

beforeAll(async () => {
  pbx = await startDemoPbx({ seed: 42, now: DEMO_NOW, callsPerDay: 150, clientSecret: SECRET });
  agent = new Agent();
  dispatcher = agent.compose((dispatch) => (options, handler) => {
    const headers = (options.headers ?? {}) as Record<string, string>;
    const match = /^Bearer (.+)$/.exec(headers.authorization ?? '');
    if (match) tokensSeen.add(match[1]!);
    return dispatch(options, handler);
  });
});
afterAll(async () => {
  await agent.close();
  await pbx.close();
});

/** Fails when the secret or any token appears in the error (message, hint, JSON, stack) or in a log line. */
function expectNoSecrets(error: unknown, lines: string[]): void {
  expect(error).toBeInstanceOf(Error);
  const appError = error as PbxHttpError | PbxUnreachableError;
  const texts = [
    appError.message,
    appError.hint ?? '',
    JSON.stringify(appError),
    String(appError.stack),
    ...lines,
  ];
  const secrets = [SECRET, ...tokensSeen];
  for (const text of texts) {
    for (const secret of secrets) expect(text).not.toContain(secret);
  }
}

async function withClient(run: (client: XapiClient, lines: string[]) => Promise<unknown>): Promise<void> {
  const { logger, lines } = createRecordingLogger();
  // Long enough for a loaded CI machine; the timeout case below delays its answer well past it.
  const client = createTestClient(pbx, { dispatcher, logger, requestTimeoutMs: 1_500 });
  await client.checkConnection(); // a token exists from here on
  const error = await errorOf(run(client, lines));
  // A failed expectation inside `run` rejects too: it must fail the test, not pass as "the error".
  if (typeof error === 'object' && error !== null && 'matcherResult' in error) throw error;
  expect(tokensSeen.size).toBeGreaterThan(0);
  expect(lines.length).toBeGreaterThan(0);
  expectNoSecrets(error, lines);
  await client.close();
}

describe('no error and no log line carries the client secret or a token', () => {
  it('403 whose body echoes both', async () => {
    await withClient(async (client) => {
      const token = [...tokensSeen].at(-1)!;
      pbx.misbehave({
        status: 403,
        body: { error: { code: '', message: `denied: ${SECRET} Bearer ${token}` } },
      });
      const error = await errorOf(collect(client.streamRows(queryFor(...MORNING))));
      expect((error as PbxHttpError).pbxMessage).toBe('denied: [redacted] Bearer [redacted]');
      throw error;
    });
  });

  it('a long message with the secret across the 500 characters an error quotes', async () => {
    await withClient(async (client) => {
      const padding = 'x'.repeat(490);
      pbx.misbehave({ endpoint: 'defs', status: 500, body: { error: { message: `${padding}${SECRET}` } } });
      const error = await errorOf(client.checkConnection());
      expect((error as PbxHttpError).pbxMessage).toBe(`${padding}[redacted]`);
      throw error;
    });
  });

  it('401 twice (one new token, then the error)', async () => {
    await withClient(async (client) => {
      const token = [...tokensSeen].at(-1)!;
      pbx.misbehave({
        endpoint: 'defs',
        status: 401,
        times: 2,
        body: { error: { message: `expired ${token}` } },
      });
      const error = await errorOf(client.checkConnection());
      // The second answer echoes the first token, which the client no longer holds.
      expect((error as PbxHttpError).pbxMessage).toBe('expired [redacted]');
      throw error;
    });
  });

  it('400 from /connect/token whose description echoes the secret', async () => {
    await withClient(async (client) => {
      pbx.misbehave({ endpoint: 'defs', status: 401 });
      pbx.misbehave({
        endpoint: 'token',
        status: 400,
        body: { error: 'invalid_client', error_description: `client_secret=${SECRET} rejected` },
      });
      const error = await errorOf(client.checkConnection());
      expect(error).toMatchObject({ status: 400, endpoint: 'POST /connect/token' });
      throw error;
    });
  });

  it('500 with a text body, 429 after retries, and an answer that is not JSON', async () => {
    await withClient(async (client) => {
      pbx.misbehave({ endpoint: 'defs', status: 500, body: `trace ${SECRET}` });
      await errorOf(client.checkConnection());
      pbx.misbehave({ endpoint: 'defs', status: 429, times: 4, body: SECRET });
      await errorOf(client.checkConnection());
      pbx.misbehave({ endpoint: 'defs', status: 200, body: `<html>${SECRET}</html>` });
      await client.checkConnection();
    });
  });

  it('a timeout, a cut connection and a refused connection', async () => {
    await withClient(async (client) => {
      pbx.misbehave({ endpoint: 'defs', delayMs: 4_000 });
      expect(await errorOf(client.checkConnection())).toBeInstanceOf(PbxUnreachableError);
      pbx.misbehave({ endpoint: 'defs', cutBody: true, times: 4 });
      await client.checkConnection();
    });
    const port = await findClosedPort();
    const { logger, lines } = createRecordingLogger();
    const client = new XapiClient({
      baseUrl: `http://127.0.0.1:${port}`,
      clientId: pbx.clientId,
      clientSecret: SECRET,
      logger,
      retry: { maxRetries: 1, baseDelayMs: 5 },
    });
    const error = await errorOf(client.checkConnection());
    expect(error).toBeInstanceOf(PbxUnreachableError);
    expectNoSecrets(error, lines);
    await client.close();
  });

  it('a wrong secret', async () => {
    const { logger, lines } = createRecordingLogger();
    const client = createTestClient(pbx, { clientSecret: `${SECRET}-wrong`, logger });
    const error = await errorOf(client.checkConnection());
    expect(error).toMatchObject({ status: 401, endpoint: 'POST /connect/token' });
    expectNoSecrets(error, lines);
    expect(JSON.stringify(error)).not.toContain(`${SECRET}-wrong`);
    await client.close();
  });
});
