import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkImageBlocks, type RecordedImageFetch } from './fake-slack-images';

export type { RecordedImageFetch } from './fake-slack-images';

/** One Web API call as the fake received it. Form fields holding JSON (blocks, files) are parsed. */
export interface RecordedApiCall {
  method: string;
  args: Record<string, unknown>;
  authorization: string | undefined;
  contentType: string | undefined;
}

/** One POST to a response_url. */
export interface RecordedResponse {
  id: string;
  body: Record<string, unknown>;
}

/** A file as it went through files.getUploadURLExternal, the upload URL and files.completeUploadExternal. */
export interface UploadedFile {
  id: string;
  filename: string;
  declaredLength: number;
  content: Buffer | undefined;
  contentType: string | undefined;
  title: string | undefined;
  channelId: string | undefined;
}

/** A message the bot posted with chat.postMessage, as it stands now (after any chat.update). */
export interface FakeSlackMessage {
  channel: string;
  ts: string;
  text: unknown;
  blocks: unknown;
  /** The parent's ts for a thread reply. */
  threadTs: string | undefined;
  /** How many times chat.update changed it. */
  updates: number;
}

export interface FakeSlackUser {
  tz?: string;
  /** The user's locale (`en-GB`); users.info tells it only when asked with `include_locale`, as Slack does. */
  locale?: string;
  email?: string;
  /** A deactivated account: users.info still answers, with `deleted: true`. */
  deleted?: boolean;
}

/** A fake Slack Web API plus response_url receiver, on 127.0.0.1 (see `startFakeSlackApi`). */
export interface FakeSlackApi {
  /** Server root, e.g. `http://127.0.0.1:40123`; the Web API is under `${url}/api/`. */
  readonly url: string;
  readonly apiUrl: string;
  readonly calls: RecordedApiCall[];
  readonly responses: RecordedResponse[];
  /** Bodies posted to a response_url that Slack refused (`invalid_blocks`, HTTP 400), not shown to anyone. */
  readonly refusedResponses: RecordedResponse[];
  /** Every image_url the fake downloaded while checking a message's image blocks, as Slack does. */
  readonly imageFetches: RecordedImageFetch[];
  readonly files: Map<string, UploadedFile>;
  /** Sets what users.info answers for a user (replacing an earlier answer); unknown users get `user_not_found`. */
  setUser(userId: string, user: FakeSlackUser): void;
  /** The next `times` calls of `method` answer `{ ok: false, error }`. */
  failMethod(method: string, error: string, times?: number): void;
  /** The next `times` (default 1) calls of `method` answer HTTP `status`, e.g. 429 with a Retry-After, or 503. */
  failHttp(method: string, status: number, options?: { times?: number; retryAfterSeconds?: number }): void;
  /** Holds every call of `method` unanswered until the returned function is called. */
  hold(method: string): () => void;
  /** Answers every held call now. */
  releaseHolds(): void;
  /** A response_url on this server. */
  responseUrl(id: string): string;
  callsOf(method: string): RecordedApiCall[];
  responsesTo(id: string): RecordedResponse[];
  /** Resolves with the first `count` calls of `method` once they arrived. */
  waitForCalls(method: string, count?: number, timeoutMs?: number): Promise<RecordedApiCall[]>;
  /** Resolves with the first `count` bodies posted to response_url `id`. */
  waitForResponses(id: string, count?: number, timeoutMs?: number): Promise<RecordedResponse[]>;
  /** The bot's message `ts` in `channel` as it stands now; chat.update changes it (in place, same ts). */
  message(channel: string, ts: string): FakeSlackMessage | undefined;
  /** The replies in the thread of message `ts`, oldest first. */
  threadReplies(channel: string, ts: string): FakeSlackMessage[];
  close(): Promise<void>;
}

/** Starts the fake on a free port of 127.0.0.1. */
export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const calls: RecordedApiCall[] = [];
  const responses: RecordedResponse[] = [];
  const refusedResponses: RecordedResponse[] = [];
  const imageFetches: RecordedImageFetch[] = [];
  const files = new Map<string, UploadedFile>();
  /** Slack's check of the image blocks of a message: downloads each image_url, as Slack does. */
  const checkImages = (blocks: unknown) =>
    checkImageBlocks(blocks, (id) => files.get(id)?.channelId !== undefined, imageFetches);
  const users = new Map<string, FakeSlackUser>();
  /** chat.postMessage's messages by `channel ts`, kept so chat.update can change them as Slack does. */
  const messages = new Map<string, FakeSlackMessage>();
  const failures = new Map<string, { error: string; times: number }>();
  const httpFailures = new Map<string, { status: number; times: number; retryAfterSeconds?: number }>();
  const holds = new Map<string, { promise: Promise<void>; release: () => void }>();
  const changes = new EventEmitter();
  changes.setMaxListeners(100);
  let nextId = 1;
  let baseUrl = '';

  const answerMethod = async (
    method: string,
    args: Record<string, unknown>,
  ): Promise<Record<string, unknown>> => {
    await holds.get(method)?.promise;
    const failure = failures.get(method);
    if (failure && failure.times > 0) {
      failure.times -= 1;
      return { ok: false, error: failure.error };
    }
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T0001' };
      case 'users.info': {
        const userId = String(args.user ?? '');
        const user = users.get(userId);
        if (!user) return { ok: false, error: 'user_not_found' };
        const withLocale = args.include_locale === true || args.include_locale === 'true';
        return {
          ok: true,
          user: {
            id: userId,
            tz: user.tz,
            ...(withLocale && user.locale !== undefined && { locale: user.locale }),
            deleted: user.deleted ?? false,
            profile: { email: user.email },
          },
        };
      }
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(args.users ?? '')}` } };
      case 'chat.postMessage':
      case 'chat.postEphemeral': {
        const problems = await checkImages(args.blocks);
        if (problems.length > 0) return { ok: false, error: 'invalid_blocks', errors: problems };
        const ts = `1700000000.${String(nextId++).padStart(6, '0')}`;
        if (method === 'chat.postMessage' && typeof args.channel === 'string') {
          const threadTs = typeof args.thread_ts === 'string' ? args.thread_ts : undefined;
          const message = {
            channel: args.channel,
            ts,
            text: args.text,
            blocks: args.blocks,
            threadTs,
            updates: 0,
          };
          messages.set(`${args.channel} ${ts}`, message);
        }
        return { ok: true, channel: args.channel, ts };
      }
      case 'chat.update': {
        // As Slack: only a message the bot posted, found by channel and ts; it keeps its ts.
        const message = messages.get(`${String(args.channel)} ${String(args.ts)}`);
        if (!message) return { ok: false, error: 'message_not_found' };
        const problems = await checkImages(args.blocks);
        if (problems.length > 0) return { ok: false, error: 'invalid_blocks', errors: problems };
        message.text = args.text;
        message.blocks = args.blocks;
        message.updates += 1;
        return { ok: true, channel: message.channel, ts: message.ts, text: args.text };
      }
      case 'views.publish':
        return { ok: true, view: { id: `V${nextId++}` } };
      case 'files.getUploadURLExternal': {
        if (typeof args.filename !== 'string' || !Number(args.length))
          return { ok: false, error: 'invalid_arguments' };
        const id = `F${nextId++}`;
        files.set(id, {
          id,
          filename: args.filename,
          declaredLength: Number(args.length),
          content: undefined,
          contentType: undefined,
          title: undefined,
          channelId: undefined,
        });
        return { ok: true, upload_url: `${baseUrl}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal': {
        const list = Array.isArray(args.files) ? (args.files as { id?: string; title?: string }[]) : [];
        for (const item of list) {
          const file = item.id ? files.get(item.id) : undefined;
          if (!file?.content) return { ok: false, error: 'file_not_found' };
          file.title = item.title;
          file.channelId = typeof args.channel_id === 'string' ? args.channel_id : undefined;
        }
        return { ok: true, files: list.map((item) => ({ id: item.id, title: item.title })) };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  };

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500).end();
    });
  });

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const raw = await readAll(request);
    const contentType = request.headers['content-type'];
    if (request.method !== 'POST') return sendJson(response, 405, { ok: false, error: 'method_not_allowed' });
    if (path.startsWith('/api/')) {
      const method = path.slice('/api/'.length);
      const args = decodeArgs(raw.toString('utf8'), contentType);
      calls.push({ method, args, authorization: request.headers.authorization, contentType });
      changes.emit('change');
      const httpFailure = httpFailures.get(method);
      if (httpFailure && httpFailure.times > 0) {
        httpFailure.times -= 1;
        const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
        if (httpFailure.retryAfterSeconds !== undefined)
          headers['retry-after'] = String(httpFailure.retryAfterSeconds);
        response.writeHead(httpFailure.status, headers);
        response.end(
          JSON.stringify({ ok: false, error: httpFailure.status === 429 ? 'ratelimited' : 'fatal' }),
        );
        return;
      }
      return sendJson(response, 200, await answerMethod(method, args));
    }
    if (path.startsWith('/upload/')) {
      const file = files.get(path.slice('/upload/'.length));
      if (!file) return sendJson(response, 404, { ok: false });
      file.content = raw;
      file.contentType = contentType;
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end(`OK - ${raw.length}`);
      return;
    }
    if (path.startsWith('/response/')) {
      const body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
      // Like an incoming webhook: blocks Slack will not take are refused with HTTP 400.
      if ((await checkImages(body.blocks)).length > 0) {
        refusedResponses.push({ id: path.slice('/response/'.length), body });
        changes.emit('change');
        response.writeHead(400, { 'content-type': 'text/plain' });
        response.end('invalid_blocks');
        return;
      }
      responses.push({ id: path.slice('/response/'.length), body });
      changes.emit('change');
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('ok');
      return;
    }
    sendJson(response, 404, { ok: false, error: 'not_found' });
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${address.port}`;

  const waitUntil = <T>(pick: () => T | undefined, what: string, timeoutMs: number): Promise<T> =>
    new Promise((resolve, reject) => {
      const check = () => {
        const picked = pick();
        if (picked === undefined) return;
        cleanup();
        resolve(picked);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`fake Slack: timed out waiting for ${what}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        changes.off('change', check);
      };
      changes.on('change', check);
      check();
    });

  const callsOf = (method: string) => calls.filter((call) => call.method === method);
  const responsesTo = (id: string) => responses.filter((entry) => entry.id === id);

  return {
    url: baseUrl,
    apiUrl: `${baseUrl}/api/`,
    calls,
    responses,
    refusedResponses,
    imageFetches,
    files,
    setUser: (userId, user) => users.set(userId, user),
    failMethod: (method, error, times = 1) => failures.set(method, { error, times }),
    failHttp: (method, status, { times = 1, retryAfterSeconds } = {}) =>
      httpFailures.set(method, {
        status,
        times,
        ...(retryAfterSeconds !== undefined && { retryAfterSeconds }),
      }),
    hold: (method) => {
      let resolveHold = () => {};
      const promise = new Promise<void>((resolve) => {
        resolveHold = resolve;
      });
      const release = () => {
        if (holds.get(method)?.promise === promise) holds.delete(method);
        resolveHold();
      };
      holds.set(method, { promise, release });
      return release;
    },
    releaseHolds: () => {
      for (const held of [...holds.values()]) held.release();
    },
    responseUrl: (id) => `${baseUrl}/response/${id}`,
    callsOf,
    responsesTo,
    waitForCalls: (method, count = 1, timeoutMs = 15_000) =>
      waitUntil(
        () => (callsOf(method).length >= count ? callsOf(method).slice(0, count) : undefined),
        `${count} × ${method}`,
        timeoutMs,
      ),
    waitForResponses: (id, count = 1, timeoutMs = 15_000) =>
      waitUntil(
        () => (responsesTo(id).length >= count ? responsesTo(id).slice(0, count) : undefined),
        `${count} response(s) to ${id}`,
        timeoutMs,
      ),
    message: (channel, ts) => messages.get(`${channel} ${ts}`),
    threadReplies: (channel, ts) =>
      [...messages.values()].filter((message) => message.channel === channel && message.threadTs === ts),
    close: () =>
      new Promise<void>((resolve) => {
        for (const held of [...holds.values()]) held.release();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Web API arguments: form fields (JSON-valued ones parsed, as the SDK sends blocks) or a JSON body. */
function decodeArgs(text: string, contentType: string | undefined): Record<string, unknown> {
  if ((contentType ?? '').includes('application/json')) {
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  }
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    args[key] = /^[[{]/.test(value) ? tryJson(value) : value;
  }
  return args;
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

async function readAll(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(text);
}
