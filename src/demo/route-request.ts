import type { DemoCompany } from './demo-company';
import { type DemoResponse, emptyResponse, odataErrorResponse } from './demo-response';
import type { DemoEndpoint } from './fault-queue';
import { type CallLogServing, handleCallLogRequest } from './handle-call-log';
import { handleDefsRequest, handleDirectoryRequest } from './handle-directory';
import { handleTokenRequest } from './handle-token';
import type { TokenIssuer } from './token-issuer';

/** A request as the router needs it: raw URL, method, the Authorization header and the body. */
export interface DemoRequest {
  method: string;
  rawUrl: string;
  authorization: string | undefined;
  body: string;
  nowMs: number;
}

/** The server's state the router reads (and, for tokens, changes). */
export interface DemoServerState {
  company: DemoCompany;
  issuer: TokenIssuer;
  callLog: CallLogServing;
}

const ENTITY_PATH = /^\/xapi\/v1\/(Users|Queues)(?:\(([^)]*)\))?$/;

/** Which endpoint a raw URL addresses (for faults and the request log). */
export function classifyRequest(rawUrl: string): DemoEndpoint | 'other' {
  const path = rawUrl.split('?')[0] ?? '';
  if (path === '/connect/token') return 'token';
  if (path.startsWith('/xapi/v1/ReportCallLogData/')) return 'calllog';
  if (/^\/xapi\/v1\/Users(\(|\/|$)/.test(path)) return 'users';
  if (/^\/xapi\/v1\/Queues(\(|\/|$)/.test(path)) return 'queues';
  if (path === '/xapi/v1/Defs') return 'defs';
  return 'other';
}

/** Answers one request: token endpoint, then bearer check for /xapi/v1, then the endpoints. */
export function routeRequest(request: DemoRequest, state: DemoServerState): DemoResponse {
  const queryStart = request.rawUrl.indexOf('?');
  const path = queryStart < 0 ? request.rawUrl : request.rawUrl.slice(0, queryStart);
  const query = queryStart < 0 ? '' : request.rawUrl.slice(queryStart + 1);
  if (path === '/connect/token')
    return handleTokenRequest(request.method, request.body, state.issuer, request.nowMs);
  if (!path.startsWith('/xapi/v1/')) return odataErrorResponse(404, `No resource at '${path}'.`);
  const check = state.issuer.check(request.authorization, request.nowMs);
  if (check !== 'valid') {
    const detail =
      check === 'missing'
        ? ''
        : ` error="invalid_token", error_description="The token ${check === 'expired' ? 'expired' : 'is not valid'}"`;
    return emptyResponse(401, { 'www-authenticate': `Bearer${detail}` });
  }
  if (request.method !== 'GET')
    return odataErrorResponse(405, `The method '${request.method}' is not allowed here.`);
  const endpoint = classifyRequest(path);
  if (endpoint === 'calllog') return handleCallLogRequest(path, query, state.callLog);
  if (endpoint === 'defs') return handleDefsRequest(state.callLog.baseUrl);
  const entity = ENTITY_PATH.exec(path);
  if (entity) {
    return handleDirectoryRequest(
      entity[1] as 'Users' | 'Queues',
      entity[2],
      query,
      state.company,
      state.callLog.baseUrl,
    );
  }
  return odataErrorResponse(404, `No HTTP resource was found that matches the request URI '${path}'.`);
}
