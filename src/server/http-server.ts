import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { describeError } from '../core/errors';
import type { Logger } from '../core/logger';

export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

/** One endpoint of the bot's HTTP server. `path` matches exactly (query strings ignored). */
export interface Route {
  method: 'GET' | 'POST';
  path: string;
  handler: RouteHandler;
}

/**
 * The single HTTP server behind `npm start`: Slack, Teams, health checks and the playground are
 * routes on it. A handler that throws answers 500 with a reference id that is in the log. Once
 * the server is closed (the bot is stopping), a request that still arrives on an open keep-alive
 * connection is answered 503 and the connection closed: nothing new starts while the work in
 * flight finishes.
 */
export function createHttpServer(routes: Route[], logger: Logger): Server {
  const server = createServer((request, response) => {
    if (!server.listening) {
      response.shouldKeepAlive = false;
      sendJson(response, 503, { error: 'the bot is restarting; try again in a minute' });
      return;
    }
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const candidates = routes.filter((route) => route.path === path);
    const route = candidates.find(
      (candidate) =>
        candidate.method === request.method || (candidate.method === 'GET' && request.method === 'HEAD'),
    );
    if (!route) {
      const status = candidates.length > 0 ? 405 : 404;
      sendJson(response, status, { error: status === 404 ? 'not found' : 'method not allowed' });
      return;
    }
    Promise.resolve()
      .then(() => route.handler(request, response))
      .catch((error: unknown) => {
        const reference = randomBytes(4).toString('hex');
        logger.error('request handler failed', {
          path,
          reference,
          error: describeError(error),
        });
        if (!response.headersSent) sendJson(response, 500, { error: 'internal error', reference });
        else response.destroy();
      });
  });
  return server;
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

/**
 * Reads a request body up to `maxBytes`; past it, rejects with `BodyTooLargeError` once the rest
 * has been read and dropped, so the caller's 413 reaches the client and the connection stays
 * usable. Stopping early would close the connection with bytes unread: the kernel then resets
 * it, which can lose the 413 and, when the client has already pooled the connection, fails its
 * next request (`ECONNRESET`). A body that goes on past `maxBytes + DISCARD_BYTES` is not worth
 * draining: the connection is dropped.
 */
export async function readBody(request: IncomingMessage, maxBytes = 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes + DISCARD_BYTES) {
      // Leaving the loop alone leaves the socket open, its parser mid-body: close it outright.
      request.socket.destroy();
      break;
    }
    if (size <= maxBytes) chunks.push(buffer);
    else chunks.length = 0;
  }
  if (size > maxBytes) throw new BodyTooLargeError(maxBytes);
  return Buffer.concat(chunks);
}

/** How much of a body past its limit is read and dropped before the connection is closed instead. */
export const DISCARD_BYTES = 8 * 1024 * 1024;

export class BodyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`request body larger than ${maxBytes} bytes`);
    this.name = 'BodyTooLargeError';
  }
}
