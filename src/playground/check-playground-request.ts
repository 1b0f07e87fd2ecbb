import type { IncomingMessage } from 'node:http';
import { isLoopbackHost } from '../adapters/teams/loopback-address';

/**
 * Why a request may not use the playground, or undefined when it may. The playground skips chat
 * authentication, so on loopback it answers only to loopback host names (a web page that rebinds
 * its own name to 127.0.0.1 cannot read reports), and it refuses requests from other origins.
 */
export function checkPlaygroundRequest(request: IncomingMessage, allowAnyHost: boolean): string | undefined {
  const host = request.headers.host ?? '';
  if (!allowAnyHost && !isLoopbackHost(hostnameOf(host) ?? '')) {
    return `The playground answers only at localhost or 127.0.0.1, not at "${host}". Set PLAYGROUND=true to serve it under other names.`;
  }
  const origin = request.headers.origin;
  if (origin !== undefined && hostOfOrigin(origin) !== host.toLowerCase()) {
    return 'The playground does not accept requests from other web pages.';
  }
  return undefined;
}

function hostnameOf(host: string): string | undefined {
  try {
    return new URL(`http://${host}/`).hostname;
  } catch {
    return undefined;
  }
}

function hostOfOrigin(origin: string): string | undefined {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return undefined;
  }
}
