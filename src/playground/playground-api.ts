import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, type RouteHandler, readBody, sendJson } from '../server/http-server';
import type { PlaygroundGate } from './playground-gate';
import type { ParsedRequest } from './playground-requests';

const MAX_BODY_BYTES = 64 * 1024;

/** A refusal the route itself decides (e.g. an unknown digest): sent as `{ error }` with its status. */
export class PlaygroundApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'PlaygroundApiError';
  }
}

/**
 * A POST of the playground's JSON API: the gate (host, origin, session), a JSON body within
 * 64 KiB, validation by `parse`; then what `answer` resolves to (given the body and the query
 * string), as JSON with 200. Never cached.
 */
export function playgroundPostApi<T>(
  gate: PlaygroundGate,
  parse: (body: Buffer) => ParsedRequest<T>,
  answer: (request: T, query: URLSearchParams) => Promise<unknown>,
): RouteHandler {
  return async (request, response) => {
    if (!admit(gate, request, response)) return;
    if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
      return sendJson(response, 415, {
        error: 'Send the request as JSON (content-type: application/json).',
      });
    }
    let body: Buffer;
    try {
      body = await readBody(request, MAX_BODY_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return sendJson(response, 413, { error: error.message });
      throw error;
    }
    const parsed = parse(body);
    if (!parsed.ok) return sendJson(response, 400, { error: parsed.message });
    await respond(response, () => answer(parsed.value, queryOf(request)));
  };
}

/** A GET of the playground's JSON API: the gate, then `answer` given the query string. Never cached. */
export function playgroundGetApi(
  gate: PlaygroundGate,
  answer: (query: URLSearchParams) => Promise<unknown>,
): RouteHandler {
  return async (request, response) => {
    if (!admit(gate, request, response)) return;
    await respond(response, () => answer(queryOf(request)));
  };
}

function queryOf(request: IncomingMessage): URLSearchParams {
  return new URL(request.url ?? '/', 'http://playground').searchParams;
}

function admit(gate: PlaygroundGate, request: IncomingMessage, response: ServerResponse): boolean {
  response.setHeader('cache-control', 'no-store');
  return gate.admit(request, response);
}

async function respond(response: ServerResponse, answer: () => Promise<unknown>): Promise<void> {
  try {
    sendJson(response, 200, await answer());
  } catch (error) {
    if (!(error instanceof PlaygroundApiError)) throw error;
    sendJson(response, error.status, { error: error.message });
  }
}
