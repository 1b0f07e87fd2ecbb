import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../server/http-server';
import { checkPlaygroundRequest } from './check-playground-request';

export interface PlaygroundGateOptions {
  /** Answer under any Host name (PLAYGROUND=true); otherwise only under loopback names. */
  allowAnyHost: boolean;
  /** The token the playground asks for (`planPlayground`); undefined lets every local request in (the demo PBX). */
  token: string | undefined;
}

/**
 * The door of every playground route. `admit` answers 403 to a foreign Host or Origin and, with a
 * token, 401 to a request without the session cookie, before any work; it returns true when the
 * request may go on. `admitPage` does the same for the page at `/`, which also takes the token:
 * `/?token=<right>` is exchanged for the cookie (HttpOnly, SameSite=Strict) and a redirect to the
 * same address without it, so the token leaves the address bar and the browser's history.
 */
export interface PlaygroundGate {
  admit(request: IncomingMessage, response: ServerResponse): boolean;
  admitPage(request: IncomingMessage, response: ServerResponse): boolean;
}

const NEEDS_TOKEN =
  'The playground needs its token: open the address with ?token= that calls-bot printed when it started (or use your PLAYGROUND_TOKEN).';
const WRONG_TOKEN = 'That playground token is not right: open the address calls-bot printed when it started.';

export function createPlaygroundGate(options: PlaygroundGateOptions): PlaygroundGate {
  const { allowAnyHost, token } = options;
  // The cookie holds a value derived from the token, not the token: replicas sharing
  // PLAYGROUND_TOKEN accept each other's cookies, and a new token ends every session.
  const session =
    token === undefined
      ? undefined
      : createHmac('sha256', token).update('calls-bot playground session v1').digest('base64url');

  const refuseForeign = (request: IncomingMessage, response: ServerResponse): boolean => {
    const refusal = checkPlaygroundRequest(request, allowAnyHost);
    if (refusal === undefined) return false;
    sendJson(response, 403, { error: refusal });
    return true;
  };
  const hasSession = (request: IncomingMessage): boolean =>
    session === undefined ||
    readCookies(request, cookieName(request)).some((value) => equalInConstantTime(value, session));

  return {
    admit: (request, response) => {
      if (refuseForeign(request, response)) return false;
      if (hasSession(request)) return true;
      response.setHeader('cache-control', 'no-store');
      sendJson(response, 401, { error: NEEDS_TOKEN });
      return false;
    },
    admitPage: (request, response) => {
      if (refuseForeign(request, response)) return false;
      const url = new URL(request.url ?? '/', 'http://playground');
      const given = url.searchParams.get('token');
      if (token === undefined || session === undefined || (given === null && hasSession(request)))
        return true;
      if (given === null || !equalInConstantTime(given, token)) {
        sendText(response, 401, given === null ? NEEDS_TOKEN : WRONG_TOKEN);
        return false;
      }
      url.searchParams.delete('token');
      response.writeHead(302, {
        location: `${url.pathname}${url.search}`,
        'set-cookie': `${cookieName(request)}=${session}; Path=/; HttpOnly; SameSite=Strict`,
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
        'content-length': 0,
      });
      response.end();
      return false;
    },
  };
}

/** One cookie per port: two bots on one machine share the browser's cookies for 127.0.0.1. */
function cookieName(request: IncomingMessage): string {
  return `calls_bot_playground_${request.socket.localPort ?? 0}`;
}

function readCookies(request: IncomingMessage, name: string): string[] {
  const header = request.headers.cookie ?? '';
  return header
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => pair.startsWith(`${name}=`))
    .map((pair) => pair.slice(name.length + 1));
}

/** Compares digests, so neither the time taken nor a length check tells how much of a guess was right. */
function equalInConstantTime(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(text);
}
