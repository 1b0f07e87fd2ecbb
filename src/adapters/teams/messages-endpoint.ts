import type { IncomingMessage } from 'node:http';
import { describeError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import { BodyTooLargeError, type Route, readBody, sendJson } from '../../server/http-server';
import type { BotFrameworkConnection, TurnRunner } from './bot-framework-connection';
import { checkActivityTenant } from './check-activity-tenant';
import { checkDevNoAuthRequest } from './check-dev-no-auth-request';
import type { TeamsTurn } from './handle-teams-turn';
import { isLoopbackServiceUrl } from './loopback-address';
import { readTeamsActivity } from './teams-activity';

/**
 * `authenticated`: Bot Framework tokens are required and validated. `dev-no-auth`: no tokens, and
 * only loopback service URLs are answered. `closed`: Teams is not configured, everything is 401.
 */
export type TeamsEndpointMode = 'authenticated' | 'dev-no-auth' | 'closed';

export interface MessagesEndpointOptions {
  mode: TeamsEndpointMode;
  /** Absent only when `closed`. */
  connection: BotFrameworkConnection | undefined;
  handleTurn(turn: TeamsTurn): Promise<void>;
  logger: Logger;
  /** MICROSOFT_APP_TENANT_ID: activities naming another tenant (or none) get 403. Default: any tenant. */
  tenantId?: string | undefined;
  /** Larger bodies get 413; default 512 KiB (Teams messages are at most about 28 KB). */
  maxBodyBytes?: number;
}

export interface MessagesEndpoint {
  route: Route;
  /** Resolves once every accepted activity has been handled (for a clean stop, and tests). */
  settle(): Promise<void>;
}

export const MESSAGES_PATH = '/api/messages';
const DEFAULT_MAX_BODY_BYTES = 512 * 1024;
const REMEMBERED_ACTIVITY_IDS = 1000;

/**
 * `POST /api/messages`. Checks (in order) the mode, dev-no-auth's refusal of browser requests, the
 * Authorization header, the body, the activity's shape, the tenant, dev-no-auth's loopback rule
 * and the token, then answers 200 at once and handles the activity afterwards: Teams resends an
 * activity it has no answer for within 15 seconds, and a report can take longer. Resent
 * activities (same id) are answered only once.
 */
export function createMessagesEndpoint(options: MessagesEndpointOptions): MessagesEndpoint {
  const { mode, connection, logger } = options;
  const pending = new Set<Promise<void>>();
  const seen = new Set<string>();

  const track = (work: Promise<void>) => {
    const settled = work.finally(() => pending.delete(settled));
    pending.add(settled);
  };

  const remember = (key: string): boolean => {
    if (seen.has(key)) return false;
    seen.add(key);
    if (seen.size > REMEMBERED_ACTIVITY_IDS) seen.delete(seen.values().next().value as string);
    return true;
  };

  const route: Route = {
    method: 'POST',
    path: MESSAGES_PATH,
    handler: async (request, response) => {
      if (mode === 'closed' || !connection) {
        sendJson(response, 401, {
          error: 'Teams is not set up on this bot: set MICROSOFT_APP_ID (see docs/teams.md).',
        });
        return;
      }
      if (mode === 'dev-no-auth') {
        const refusal = checkDevNoAuthRequest(request);
        if (refusal) {
          logger.warn('TEAMS_DEV_NO_AUTH: refused a request that a web browser could have sent', {
            status: refusal.status,
          });
          sendJson(response, refusal.status, { error: refusal.error });
          return;
        }
      }
      const authorization = readAuthorization(request);
      if (mode === 'authenticated' && authorization === '') {
        logger.warn('Teams: refused a request without an Authorization header');
        sendJson(response, 401, { error: 'Unauthorized: a Bot Framework token is required.' });
        return;
      }
      const body = await readJsonBody(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
      if (!body.ok) {
        sendJson(response, body.status, { error: body.error });
        return;
      }
      const read = readTeamsActivity(body.json);
      if (!read.ok) {
        sendJson(response, 400, { error: `Not a Bot Framework activity: ${read.problem}` });
        return;
      }
      const { activity } = read;
      const foreign =
        options.tenantId === undefined ? undefined : checkActivityTenant(activity, options.tenantId);
      if (foreign) {
        logger.warn(`Teams: refused an activity: ${foreign}`, {
          type: activity.type,
          tenantIds: activity.tenantIds,
        });
        sendJson(response, 403, {
          error: 'This bot answers only its own Microsoft Entra tenant (MICROSOFT_APP_TENANT_ID).',
        });
        return;
      }
      // Replies always go through the Bot Connector at serviceUrl, never back in this response.
      delete activity.raw.deliveryMode;
      if (mode === 'dev-no-auth') {
        if (!isLoopbackServiceUrl(activity.serviceUrl)) {
          logger.warn('TEAMS_DEV_NO_AUTH: ignored an activity whose serviceUrl is not on this machine', {
            serviceUrl: activity.serviceUrl.slice(0, 200),
          });
          sendJson(response, 403, {
            error: 'TEAMS_DEV_NO_AUTH answers only activities whose serviceUrl is on this machine.',
          });
          return;
        }
        activity.serviceUrl = new URL(activity.serviceUrl).href;
        activity.raw.serviceUrl = activity.serviceUrl;
      }
      let run: TurnRunner;
      try {
        run = await connection.authenticate(activity.raw, authorization);
      } catch (error) {
        logger.warn('Teams: refused a request whose token did not validate', {
          reason: describeError(error).slice(0, 300),
        });
        sendJson(response, 401, { error: 'Unauthorized: the Bot Framework token was not accepted.' });
        return;
      }
      const fresh = activity.id === undefined || remember(`${activity.conversation.id}|${activity.id}`);
      sendJson(response, 200, {});
      if (!fresh) {
        logger.info('Teams: ignored a resent activity', { type: activity.type });
        return;
      }
      track(
        run((send, lookUpMember) => options.handleTurn({ activity, send, lookUpMember })).catch(
          (error: unknown) => {
            logger.error('Teams: handling an activity failed', {
              type: activity.type,
              error: describeTurnError(error),
            });
          },
        ),
      );
    },
  };

  return {
    route,
    settle: async () => {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}

function readAuthorization(request: IncomingMessage): string {
  const header = request.headers.authorization;
  return typeof header === 'string' ? header.trim() : '';
}

type JsonBody = { ok: true; json: unknown } | { ok: false; status: 400 | 413; error: string };

async function readJsonBody(request: IncomingMessage, maxBytes: number): Promise<JsonBody> {
  let bytes: Buffer;
  try {
    bytes = await readBody(request, maxBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError)
      return { ok: false, status: 413, error: `Body larger than ${maxBytes} bytes.` };
    throw error;
  }
  try {
    return { ok: true, json: JSON.parse(bytes.toString('utf8')) as unknown };
  } catch {
    return { ok: false, status: 400, error: 'The body is not JSON.' };
  }
}

/** The first useful line: botbuilder wraps turn errors as "CloudAdapter.processActivityDirect(): ERROR\n <stack>". */
function describeTurnError(error: unknown): string {
  const text = describeError(error);
  const lines = text.split('\n').map((line) => line.trim());
  const useful = lines.find(
    (line) => line.length > 0 && !line.startsWith('CloudAdapter.processActivityDirect'),
  );
  return (useful ?? text).slice(0, 500);
}
