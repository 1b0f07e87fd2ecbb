import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { lowerCasePercent } from './secret-spellings';

/**
 * A hostile or careless PBX on 127.0.0.1 whose `POST /connect/token` refuses the client (400,
 * as 3CX does for bad credentials) and echoes what it was sent: the request body as received
 * (form-encoded), then the client secret read from it in every spelling a server might quote
 * (raw, lower-case percent-encoding, JSON-escaped, base64, HTTP Basic `id:secret`). Everything
 * else answers 404. `echoAs` picks an OAuth JSON error or a short plain-text body.
 */
export interface EchoingTokenEndpoint {
  readonly url: string;
  /** Requests received, of any kind. */
  readonly requestCount: number;
  echoAs(format: 'json' | 'text'): void;
  close(): Promise<void>;
}

export async function startEchoingTokenEndpoint(): Promise<EchoingTokenEndpoint> {
  let requestCount = 0;
  let format: 'json' | 'text' = 'json';
  const server = createServer(async (request, response) => {
    requestCount += 1;
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    if (request.method !== 'POST' || request.url !== '/connect/token') {
      response.writeHead(404).end();
      return;
    }
    if (format === 'text') {
      response.writeHead(400, { 'content-type': 'text/plain' }).end(`bad request: ${lowerCasePercent(body)}`);
      return;
    }
    response
      .writeHead(400, { 'content-type': 'application/json' })
      .end(JSON.stringify({ error: 'invalid_client', error_description: describeEcho(body) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get requestCount() {
      return requestCount;
    },
    echoAs: (next) => {
      format = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function describeEcho(body: string): string {
  const form = new URLSearchParams(body);
  const id = form.get('client_id') ?? '';
  const secret = form.get('client_secret') ?? '';
  return [
    `received ${body}`,
    `lower ${lowerCasePercent(body)}`,
    `secret ${secret}`,
    `json {"client_secret":${JSON.stringify(secret)}}`,
    `b64 ${Buffer.from(secret).toString('base64')}`,
    `basic Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`,
  ].join('; ');
}
