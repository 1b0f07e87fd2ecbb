import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One chat.postMessage as the fake received it, and from which replica. */
export interface ReplicaPost {
  replica: string;
  channel: string;
  text: string;
  args: Record<string, unknown>;
}

/**
 * A fake Slack Web API for several replicas: replica `r1` is given `apiUrlFor('r1')`
 * (`…/r1/api/`), so every call says who made it. A post is delivered when it is answered; a held
 * post whose connection closes unanswered (its replica was killed) is recorded as dropped.
 */
export interface ReplicaSlack {
  readonly url: string;
  apiUrlFor(replica: string): string;
  readonly posts: ReplicaPost[];
  readonly dropped: ReplicaPost[];
  /** Methods called, per replica, e.g. `r1 users.info`. */
  readonly calls: string[];
  /**
   * From now on no chat.postMessage from `replica` is answered (so none is delivered); resolves
   * with the first one when it arrives.
   */
  holdNextPost(replica: string): Promise<ReplicaPost>;
  /** A response_url; `responsesTo(id)` lists what was posted to it. */
  responseUrl(id: string): string;
  responsesTo(id: string): Record<string, unknown>[];
  /** Resolves once `count` bodies were posted to response_url `id`. */
  waitForResponses(id: string, count: number, timeoutMs: number): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export async function startReplicaSlack(): Promise<ReplicaSlack> {
  const posts: ReplicaPost[] = [];
  const dropped: ReplicaPost[] = [];
  const calls: string[] = [];
  const responses = new Map<string, Record<string, unknown>[]>();
  const holds = new Map<string, (post: ReplicaPost) => void>();
  const changes = new EventEmitter();
  changes.setMaxListeners(200);
  let nextTs = 1;

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const body = await readText(request);
    const response_ = /^\/response\/([^/]+)$/.exec(path);
    if (response_?.[1]) {
      const list = responses.get(response_[1]) ?? [];
      list.push(JSON.parse(body) as Record<string, unknown>);
      responses.set(response_[1], list);
      changes.emit('change');
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    const api = /^\/([^/]+)\/api\/([\w.]+)$/.exec(path);
    if (!api?.[1] || !api[2]) return sendJson(response, 404, { ok: false, error: 'not_found' });
    const [, replica, method] = api;
    const args = decodeArgs(body, request.headers['content-type']);
    calls.push(`${replica} ${method}`);
    if (method === 'chat.postMessage') {
      const post = { replica, channel: String(args.channel ?? ''), text: String(args.text ?? ''), args };
      const hold = holds.get(replica);
      if (hold) {
        holds.set(replica, () => {});
        response.once('close', () => {
          if (!response.writableEnded) dropped.push(post);
        });
        hold(post);
        return;
      }
      posts.push(post);
      changes.emit('change');
      return sendJson(response, 200, { ok: true, channel: post.channel, ts: `1700000000.${nextTs++}` });
    }
    if (method === 'users.info') {
      const user = String(args.user ?? '');
      return sendJson(response, 200, {
        ok: true,
        user: { id: user, tz: 'Europe/Berlin', profile: { email: `${user.toLowerCase()}@example.com` } },
      });
    }
    if (method === 'auth.test') {
      return sendJson(response, 200, { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T0CALLS01' });
    }
    return sendJson(response, 200, { ok: true });
  };

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const responsesTo = (id: string) => responses.get(id) ?? [];

  return {
    url,
    apiUrlFor: (replica) => `${url}/${replica}/api/`,
    posts,
    dropped,
    calls,
    holdNextPost: (replica) => new Promise((resolve) => holds.set(replica, resolve)),
    responseUrl: (id) => `${url}/response/${id}`,
    responsesTo,
    waitForResponses: (id, count, timeoutMs) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (responsesTo(id).length < count) return;
          cleanup();
          resolve(responsesTo(id));
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no ${count} response(s) to ${id} in ${timeoutMs} ms`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          changes.off('change', check);
        };
        changes.on('change', check);
        check();
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function decodeArgs(text: string, contentType: string | undefined): Record<string, unknown> {
  if ((contentType ?? '').includes('application/json'))
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    try {
      args[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
    } catch {
      args[key] = value;
    }
  }
  return args;
}

async function readText(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}
