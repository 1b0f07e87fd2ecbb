import { PbxAnswerTooLargeError, PbxHttpError } from '../../src/threecx/errors';
import { XapiClient } from '../../src/threecx/xapi-client';
import { buildNestedAnswer, type FixedAnswer, startFixedAnswerServer } from '../helpers/fixed-answer-server';
import { errorOf } from './demo-helpers';

/**
 * Answers the client must not swallow whole: past PBX_MAX_RESPONSE_MB (an endless answer, or one
 * announced as too large) from the token endpoint, the directory and Defs; and 10 MB nested as
 * deep as it is long. Each fails with a clear error, after one request (not retried).
 */
const LIMIT = 1024 * 1024;

async function failureOf(answer: FixedAnswer, call: (client: XapiClient) => Promise<unknown>) {
  const server = await startFixedAnswerServer(answer);
  const client = new XapiClient({
    baseUrl: server.url,
    clientId: server.clientId,
    clientSecret: server.clientSecret,
    maxResponseBytes: LIMIT,
    retry: { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 10 },
  });
  try {
    return { error: await errorOf(call(client)), requests: [...server.requests] };
  } finally {
    await client.close();
    await server.close();
  }
}

describe('an answer past PBX_MAX_RESPONSE_MB', () => {
  it.each([
    [
      'the token endpoint, endless',
      { body: 'endless', tokenToo: true } as FixedAnswer,
      'POST /connect/token',
    ],
    ['Defs, announced too large', { body: Buffer.alloc(LIMIT + 1, 32) } as FixedAnswer, 'GET /xapi/v1/Defs'],
    [
      'Defs, too large without a length',
      { body: Buffer.alloc(LIMIT + 1, 32), contentLength: false } as FixedAnswer,
      'GET /xapi/v1/Defs',
    ],
  ])('%s: an error naming the setting, not retried', async (_what, answer, endpoint) => {
    const { error, requests } = await failureOf(answer, (client) => client.checkConnection());
    expect(error).toBeInstanceOf(PbxAnswerTooLargeError);
    expect((error as PbxAnswerTooLargeError).message).toBe(
      `The PBX's answer to ${endpoint} was larger than 1 MB (PBX_MAX_RESPONSE_MB); it was not read`,
    );
    expect((error as PbxAnswerTooLargeError).hint).toContain('Raise PBX_MAX_RESPONSE_MB');
    expect(requests.filter((request) => request === endpoint)).toHaveLength(1);
  });

  it('the directory, endless: an error naming the setting', async () => {
    const { error } = await failureOf({ body: 'endless' }, (client) => client.getDirectory());
    expect(error).toBeInstanceOf(PbxAnswerTooLargeError);
    expect((error as PbxAnswerTooLargeError).endpoint).toMatch(/^GET \/xapi\/v1\/(Users|Queues)$/);
  });
});

describe('a 10 MB answer nested as deep as it is long', () => {
  it.each([
    ['Users and Queues', buildNestedAnswer(10 * 1024 * 1024, 'value'), false],
    ['the token endpoint', buildNestedAnswer(10 * 1024 * 1024, 'token'), true],
  ])('from %s: refused as not an answer of the PBX', async (_what, body, tokenToo) => {
    const server = await startFixedAnswerServer({ body, tokenToo });
    const client = new XapiClient({
      baseUrl: server.url,
      clientId: server.clientId,
      clientSecret: server.clientSecret,
    });
    const error = await errorOf(client.getDirectory());
    expect(error).toBeInstanceOf(PbxHttpError);
    expect((error as PbxHttpError).message).toMatch(
      /^The PBX answered 200 to (POST \/connect\/token|GET \/xapi\/v1\/(Users|Queues)): the answer is nested deeper than 64 levels \(is THREECX_URL the PBX\?\)$/,
    );
    await client.close();
    await server.close();
  });
});
