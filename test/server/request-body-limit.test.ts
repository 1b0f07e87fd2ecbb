import type { AddressInfo } from 'node:net';
import { Agent, request } from 'undici';
import { silentLogger } from '../../src/core/logger';
import {
  BodyTooLargeError,
  createHttpServer,
  DISCARD_BYTES,
  readBody,
  sendJson,
} from '../../src/server/http-server';

const LIMIT = 1024;

/**
 * The body limit every endpoint uses (Slack, Teams, playground), over real HTTP: a client that
 * keeps its connections (as undici and Slack's and Microsoft's clients do) must get the 413 and
 * then be able to use the same connection again.
 */
describe('readBody: a body over the limit', () => {
  const server = createHttpServer(
    [
      {
        method: 'POST',
        path: '/echo',
        handler: async (req, res) => {
          try {
            sendJson(res, 200, { bytes: (await readBody(req, LIMIT)).length });
          } catch (error) {
            if (!(error instanceof BodyTooLargeError)) throw error;
            sendJson(res, 413, { error: error.message });
          }
        },
      },
    ],
    silentLogger,
  );
  let connections = 0;
  server.on('connection', () => {
    connections += 1;
  });
  let url = '';
  // One connection: every request after the 413 has to travel on the connection that carried it.
  const agent = new Agent({ connections: 1 });

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/echo`;
  });
  afterAll(async () => {
    await agent.close();
    await new Promise((resolve) => server.close(resolve));
  });

  async function post(bytes: number, dispatcher = agent): Promise<{ status: number; body: unknown }> {
    const response = await request(url, { method: 'POST', body: 'x'.repeat(bytes), dispatcher });
    return { status: response.statusCode, body: await response.body.json() };
  }

  it('answers 413, and the same connection then carries the next requests', async () => {
    connections = 0;
    expect(await post(10)).toEqual({ status: 200, body: { bytes: 10 } });
    expect(await post(600 * 1024)).toEqual({
      status: 413,
      body: { error: `request body larger than ${LIMIT} bytes` },
    });
    for (const bytes of [10, LIMIT, 100]) expect(await post(bytes)).toEqual({ status: 200, body: { bytes } });
    expect(connections).toBe(1);
  });

  it('drops the connection of a body that goes on past the limit plus DISCARD_BYTES, and serves the next one', async () => {
    const once = new Agent({ connections: 1 });
    connections = 0;
    try {
      // Whether the 413 got out before the connection closed is a race; a 200 never is.
      const outcome = await post(LIMIT + DISCARD_BYTES + 256 * 1024, once).then(
        (answer) => answer.status,
        () => 'connection closed',
      );
      expect([413, 'connection closed']).toContain(outcome);
      expect(await post(LIMIT, once)).toEqual({ status: 200, body: { bytes: LIMIT } });
      expect(connections).toBe(2);
    } finally {
      await once.close();
    }
  });
});
