import { createServer, type ServerResponse } from 'node:http';
import { listenOnLoopback } from './listen-on-loopback';

/**
 * A PBX on 127.0.0.1 whose every answer (the token endpoint's too, unless `tokenAnswers` is
 * false) is one fixed body the test or benchmark chose: a huge or deeply nested JSON text, or
 * `'endless'`, a 200 that never ends. For what the client does with answers it must not swallow.
 */
export interface FixedAnswerServer {
  url: string;
  clientId: string;
  clientSecret: string;
  /** `METHOD path` of every request, in arrival order. */
  readonly requests: string[];
  close(): Promise<void>;
}

export interface FixedAnswer {
  body: Buffer | 'endless';
  /** Send `content-length` (a fixed body only); default true. */
  contentLength?: boolean;
  /** `/connect/token` gets the fixed answer too; default false (it hands out a token). */
  tokenToo?: boolean;
}

export async function startFixedAnswerServer(answer: FixedAnswer): Promise<FixedAnswerServer> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    req.resume();
    const path = (req.url ?? '/').split('?')[0]!;
    requests.push(`${req.method} ${path}`);
    if (path === '/connect/token' && !answer.tokenToo) {
      const token = JSON.stringify({ token_type: 'Bearer', expires_in: 3600, access_token: 'fixed-token' });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(token);
      return;
    }
    if (answer.body === 'endless') sendEndless(res);
    else {
      const headers: Record<string, string | number> = { 'content-type': 'application/json' };
      if (answer.contentLength !== false) headers['content-length'] = answer.body.length;
      res.writeHead(200, headers);
      res.end(answer.body);
    }
  });
  const { url, close } = await listenOnLoopback(server);
  return {
    url,
    clientId: 'fixed-client',
    clientSecret: 'fixed-secret-0123456789',
    requests,
    close,
  };
}

/** `{"value":[[[[…]]]]}` (or the token's object) of about `bytes`, nested as deep as it is long. */
export function buildNestedAnswer(bytes: number, wrap: 'value' | 'token'): Buffer {
  const depth = Math.floor(bytes / 2);
  const nested = '['.repeat(depth) + ']'.repeat(depth);
  const text =
    wrap === 'value' ? `{"value":[${nested}]}` : `{"access_token":"t","expires_in":60,"x":${nested}}`;
  return Buffer.from(text);
}

function sendEndless(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  const chunk = Buffer.from('{"Id":1,"Number":"101"},'.repeat(2000));
  let closed = false;
  res.on('close', () => {
    closed = true;
  });
  res.write('{"value":[');
  const pump = (): void => {
    while (!closed) {
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
  };
  pump();
}
