import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the bot made to the Bot Connector REST API. */
export interface ConnectorCall {
  method: string;
  /** The path as sent, e.g. `/v3/conversations/19%3Aabc/activities/1732`. */
  path: string;
  /** The decoded conversation id from the path. */
  conversationId: string;
  /** The activity being answered (`.../activities/{id}`), absent for a new post. */
  replyToActivityId: string | undefined;
  authorization: string | undefined;
  /** The activity the bot sent. */
  activity: Record<string, unknown>;
}

/** A conversation member as the Bot Connector describes one (TeamsChannelAccount). */
export interface FakeTeamsMember {
  id: string;
  name?: string;
  aadObjectId?: string;
  email?: string;
  userPrincipalName?: string;
}

/**
 * A stand-in for Teams' Bot Connector (`serviceUrl`): a real HTTP server on 127.0.0.1 (or
 * `host`) that accepts `POST /v3/conversations/{id}/activities[/{activityId}]`, records each
 * activity and answers `{ id }`, as the real one does. `GET /v3/conversations/{id}/members/{userId}`
 * answers the member set with `setMember` (in any conversation; `userId` their channel account id
 * or Entra object id), else 404 like Teams; `failMemberLookups` makes the next ones fail.
 */
export interface FakeBotConnector {
  /** Use as the activity's `serviceUrl`; ends with a slash like Teams' own. */
  readonly serviceUrl: string;
  readonly calls: ConnectorCall[];
  /** Every request, including ones it did not understand. */
  readonly requestCount: number;
  /** Resolves with the calls once `count` of them match (default: all), or rejects after `timeoutMs`. */
  waitForCalls(
    count: number,
    match?: (call: ConnectorCall) => boolean,
    timeoutMs?: number,
  ): Promise<ConnectorCall[]>;
  /** The message activities (not typing indicators) received so far. */
  messages(): ConnectorCall[];
  /** What a member lookup of the member's channel account id or Entra object id answers (replaces an earlier one). */
  setMember(member: FakeTeamsMember): void;
  /** Forgets a member (by channel account id): lookups of them answer 404, as for someone who left. */
  removeMember(id: string): void;
  /** The next `times` (default 1) member lookups answer HTTP `status` (e.g. 500, or 429 with Retry-After 0). */
  failMemberLookups(status: number, times?: number): void;
  /** The member lookups received, as `conversationId userId`. */
  readonly memberLookups: string[];
  close(): Promise<void>;
}

const ACTIVITIES_PATH = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/;
const MEMBER_PATH = /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)\/?$/;

export async function startFakeBotConnector(options: { host?: string } = {}): Promise<FakeBotConnector> {
  const calls: ConnectorCall[] = [];
  const members = new Map<string, FakeTeamsMember>();
  const memberFailures = { status: 0, times: 0 };
  const findMember = (userId: string) =>
    members.get(userId) ??
    [...members.values()].find((member) => member.aadObjectId?.toLowerCase() === userId.toLowerCase());
  const memberLookups: string[] = [];
  const waiters = new Set<() => void>();
  let requestCount = 0;
  let nextId = 1;

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    requestCount += 1;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      const memberMatch = request.method === 'GET' ? MEMBER_PATH.exec(path.split('?')[0] ?? '') : null;
      if (memberMatch?.[1] && memberMatch[2]) {
        const userId = decodeURIComponent(memberMatch[2]);
        memberLookups.push(`${decodeURIComponent(memberMatch[1])} ${userId}`);
        if (memberFailures.times > 0) {
          memberFailures.times -= 1;
          response.writeHead(memberFailures.status, {
            'content-type': 'application/json',
            'retry-after': '0',
          });
          response.end(JSON.stringify({ error: { code: 'ServiceError', message: 'fake failure' } }));
          return;
        }
        const member = findMember(userId);
        response.writeHead(member ? 200 : 404, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify(
            member ?? { error: { code: 'MemberNotFoundInConversation', message: 'not a member' } },
          ),
        );
        return;
      }
      const match = ACTIVITIES_PATH.exec(path.split('?')[0] ?? '');
      let activity: unknown;
      try {
        activity = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        activity = undefined;
      }
      if (request.method !== 'POST' || !match?.[1] || typeof activity !== 'object' || activity === null) {
        response.writeHead(404, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({ error: { code: 'NotFound', message: `unexpected ${request.method} ${path}` } }),
        );
        return;
      }
      calls.push({
        method: request.method,
        path,
        conversationId: decodeURIComponent(match[1]),
        replyToActivityId: match[2] === undefined ? undefined : decodeURIComponent(match[2]),
        authorization: request.headers.authorization,
        activity: activity as Record<string, unknown>,
      });
      const id = `connector-activity-${nextId++}`;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ id }));
      for (const wake of waiters) wake();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host === undefined || options.host === '0.0.0.0' ? '127.0.0.1' : options.host;

  return {
    serviceUrl: `http://${host}:${port}/`,
    calls,
    get requestCount() {
      return requestCount;
    },
    waitForCalls: (count, match = () => true, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = calls.filter(match);
          if (found.length < count) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          const seen = calls.map((call) => `${call.activity.type} ${call.path}`).join('; ') || 'nothing';
          reject(
            new Error(
              `fake Bot Connector: expected ${count} matching calls within ${timeoutMs} ms, got: ${seen}`,
            ),
          );
        }, timeoutMs);
        if (!check()) waiters.add(check);
      }),
    messages: () => calls.filter((call) => call.activity.type === 'message'),
    setMember: (member) => {
      members.set(member.id, member);
    },
    removeMember: (id) => {
      members.delete(id);
    },
    failMemberLookups: (status, times = 1) => {
      memberFailures.status = status;
      memberFailures.times = times;
    },
    memberLookups,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}
