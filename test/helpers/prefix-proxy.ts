import { createServer, request as forward } from 'node:http';
import { listenOnLoopback } from './listen-on-loopback';

/** A reverse proxy as deployments put in front of the bot: `<url>/<path>` goes to `<target>/<path>`. */
export interface PrefixProxy {
  /** The public base URL, e.g. `http://127.0.0.1:41234/calls-bot` (what PUBLIC_URL names). */
  readonly url: string;
  /** Every path asked of the proxy, with its query. */
  readonly requests: string[];
  /** Where requests go (the bot's own URL), known once the bot listens. */
  setTarget(target: string): void;
  /** While down, every request is answered 502, as a proxy whose backend is unreachable. */
  setDown(down: boolean): void;
  close(): Promise<void>;
}

/** Starts a proxy on 127.0.0.1 that serves under `prefix` only and strips it before forwarding. */
export async function startPrefixProxy(prefix = '/calls-bot'): Promise<PrefixProxy> {
  const requests: string[] = [];
  let target: URL | undefined;
  let down = false;
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push(path);
    if (down || !target || !path.startsWith(`${prefix}/`)) {
      response.writeHead(down || !target ? 502 : 404).end();
      return;
    }
    const upstream = forward(
      new URL(path.slice(prefix.length), target),
      { method: request.method, headers: { ...request.headers, host: target.host } },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => {
      if (!response.headersSent) response.writeHead(502);
      response.end();
    });
    request.pipe(upstream);
  });
  const listening = await listenOnLoopback(server);
  return {
    url: `${listening.url}${prefix}`,
    requests,
    setTarget: (url) => {
      target = new URL(url);
    },
    setDown: (value) => {
      down = value;
    },
    close: listening.close,
  };
}
