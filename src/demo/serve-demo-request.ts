import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DemoClock } from './demo-clock';
import type { DemoRequestLogEntry } from './demo-pbx';
import { type DemoResponse, jsonResponse, odataErrorResponse } from './demo-response';
import { sendCut, sendEndless, sendOversized } from './fault-bodies';
import type { FaultAction } from './fault-queue';
import { type DemoServerState, routeRequest } from './route-request';

/** One request's context: its log entry, the fault that hits it, the server's state. */
export interface DemoRequestContext {
  entry: DemoRequestLogEntry;
  fault: FaultAction | undefined;
  delayMs: number;
  state: DemoServerState;
  /** Moved on by a fault's `advanceClockMs` once this request is answered. */
  clock: DemoClock;
  /** Pending delays, cleared when the server closes. */
  timers: Set<NodeJS.Timeout>;
}

const MAX_BODY_BYTES = 1_000_000;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sleep(ms: number, timers: Set<NodeJS.Timeout>): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      resolve();
    }, ms);
    timers.add(timer);
  });
}

/** The fault's own answer: its status with its body (default: an OData error) and headers. */
function toFaultResponse(fault: FaultAction & { status: number }): DemoResponse {
  const base =
    fault.body === undefined
      ? odataErrorResponse(fault.status, `Demo PBX fault: status ${fault.status}.`)
      : typeof fault.body === 'string'
        ? { status: fault.status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: fault.body }
        : jsonResponse(fault.status, fault.body);
  return { ...base, headers: { ...base.headers, ...fault.headers } };
}

/** Reads the request, applies delays and faults, routes it, and writes the answer. */
export async function serveDemoRequest(
  request: IncomingMessage,
  response: ServerResponse,
  context: DemoRequestContext,
): Promise<void> {
  const body = await readBody(request);
  const delayMs = context.delayMs + (context.fault?.delayMs ?? 0);
  if (delayMs > 0) await sleep(delayMs, context.timers);
  if (response.destroyed) return;
  const fault = context.fault;
  const answer =
    fault?.status !== undefined
      ? toFaultResponse({ ...fault, status: fault.status })
      : routeRequest(
          {
            method: request.method ?? 'GET',
            rawUrl: request.url ?? '/',
            authorization: request.headers.authorization,
            body,
            nowMs: Date.now(),
          },
          context.state,
        );
  // The answer is built: calls that end from here on appear to the next request.
  if (fault !== undefined && fault.advanceClockMs !== 0) context.clock.advance(fault.advanceClockMs);
  const changed = fault?.oversized !== undefined || fault?.endlessBody === true;
  context.entry.status = changed ? 200 : answer.status;
  if (fault?.cutBody) {
    sendCut(response, answer);
    return;
  }
  if (fault?.oversized) return sendOversized(response, answer, fault.oversized.bytes, fault.oversized.shape);
  if (fault?.endlessBody) return sendEndless(response, answer);
  response.writeHead(answer.status, {
    ...answer.headers,
    'content-length': String(Buffer.byteLength(answer.body)),
  });
  response.end(answer.body);
}
