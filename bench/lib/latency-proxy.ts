import {
  Agent,
  createServer,
  request as forward,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** A PBX further away: every request is passed on after `delayMs` (a round trip plus the PBX's query time). */
export interface LatencyProxy {
  url: string;
  close(): Promise<void>;
}

/**
 * An HTTP proxy on loopback in front of `targetUrl` that holds each request `delayMs` before passing
 * it on; `onRequest` sees each request's path (to count them).
 */
export async function startLatencyProxy(
  targetUrl: string,
  delayMs: number,
  onRequest?: (path: string) => void,
): Promise<LatencyProxy> {
  const target = new URL(targetUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    onRequest?.(incoming.url ?? '/');
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      setTimeout(() => {
        const upstream = forward(
          {
            host: target.hostname,
            port: target.port,
            method: incoming.method,
            path: incoming.url,
            headers: incoming.headers,
            agent,
          },
          (answer) => {
            outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(outgoing);
          },
        );
        upstream.on('error', () => outgoing.destroy());
        upstream.end(Buffer.concat(chunks));
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}
