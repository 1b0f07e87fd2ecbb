import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the bot made to the Bot Connector REST API. */
export interface ConnectorCall {
  method: string;
  /** The path as sent, e.g. `/v3/conversations/19%3Aabc/activities/1732`. */
  path: string;
  /** The decoded conversation id from the path. */
  conversationId: string;
  /** The activity being answered (`POST .../activities/{id}`), absent for a new post and an update. */
  replyToActivityId: string | undefined;
  /** The activity replaced (`PUT .../activities/{id}`, `updateActivity`); absent for posts. */
  updatedActivityId?: string | undefined;
  authorization: string | undefined;
  /** The activity the bot sent. */
  activity: Record<string, unknown>;
}

/** A message the bot posted, as it stands now (after any update), in its conversation. */
export interface FakeConnectorActivity {
  id: string;
  conversationId: string;
  /** The activity it answers (a reply), if any. */
  replyToId: string | undefined;
  activity: Record<string, unknown>;
  /** How many times `PUT …/activities/{id}` replaced it. */
  updates: number;
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
 * activity and answers `{ id }`, as the real one does; `PUT …/activities/{activityId}` replaces a
 * message it posted (`updateActivity`; 404 for any other id), recorded as a call with method PUT. `GET /v3/conversations/{id}/members/{userId}`
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
  /** A message the bot posted, by the id this fake gave it, as it stands now (PUT replaces it). */
  activity(id: string): FakeConnectorActivity | undefined;
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
  /** The bot's messages by the id this fake answered, so that PUT can replace them in place. */
  const posted = new Map<string, FakeConnectorActivity>();
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
      const isUpdate = request.method === 'PUT' && match?.[2] !== undefined;
      if (isUpdate && !posted.has(decodeURIComponent(match?.[2] ?? ''))) {
        response.writeHead(404, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({ error: { code: 'ActivityNotFoundInConversation', message: 'not found' } }),
        );
        return;
      }
      if (
        (request.method !== 'POST' && !isUpdate) ||
        !match?.[1] ||
        typeof activity !== 'object' ||
        activity === null
      ) {
        response.writeHead(404, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({ error: { code: 'NotFound', message: `unexpected ${request.method} ${path}` } }),
        );
        return;
      }
      const conversationId = decodeURIComponent(match[1]);
      const pathActivityId = match[2] === undefined ? undefined : decodeURIComponent(match[2]);
      calls.push({
        method: isUpdate ? 'PUT' : 'POST',
        path,
        conversationId,
        replyToActivityId: isUpdate ? undefined : pathActivityId,
        ...(isUpdate && { updatedActivityId: pathActivityId }),
        authorization: request.headers.authorization,
        activity: activity as Record<string, unknown>,
      });
      const existing = isUpdate && pathActivityId !== undefined ? posted.get(pathActivityId) : undefined;
      let id: string;
      if (existing) {
        existing.activity = activity as Record<string, unknown>;
        existing.updates += 1;
        id = existing.id;
      } else {
        id = `connector-activity-${nextId++}`;
        posted.set(id, {
          id,
          conversationId,
          replyToId: pathActivityId,
          activity: activity as Record<string, unknown>,
          updates: 0,
        });
      }
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
    activity: (id) => posted.get(id),
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
