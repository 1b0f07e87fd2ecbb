import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Answer } from '../chat/answer';
import type { ChatService } from '../chat/chat-service';
import type { ActionOptions } from '../chat/report-actions';
import type { ChatUser } from '../core/chat-user';
import type { Logger } from '../core/logger';
import { BodyTooLargeError, type Route, readBody, sendJson } from '../server/http-server';
import { DownloadStore } from './download-store';
import { loadPlaygroundAssets, type PlaygroundAsset } from './playground-assets';
import { createPlaygroundGate, type PlaygroundGate } from './playground-gate';
import { type ParsedRequest, parseActionRequest, parseCommandRequest } from './playground-requests';
import { DOWNLOAD_PATH, toPlaygroundResult } from './to-playground-result';

export interface PlaygroundOptions {
  /** The chat service, built like Slack's (CSV export and Share on): the page shows Slack's buttons. */
  chat: ChatService;
  logger: Logger;
  /** The zone for requests that name none (the page always sends the browser's); default UTC. */
  defaultTimeZone?: string;
  /** The buttons Teams offers, for the Teams pane; default none of CSV export and Share, as start-bot gives Teams. */
  teamsActions?: ActionOptions;
  /** Shown on the page, e.g. `demo PBX at http://127.0.0.1:41234`. */
  pbxDescription?: string;
  /** Answer under any Host name (PLAYGROUND=true); otherwise only under loopback names. Default false. */
  allowAnyHost?: boolean;
  /**
   * The token from `planPlayground`: every route then needs the session cookie that `/?token=`
   * gives, and answers 401 without it. Default none (the demo PBX).
   */
  token?: string;
  /** The server's clock, for the messages' timestamps; default the wall clock. */
  now?: () => Date;
  /** Where exports wait for their download link; default a 20-file in-memory LRU. */
  downloads?: DownloadStore;
}

const MAX_BODY_BYTES = 64 * 1024;

const PAGE_SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

/**
 * The local playground: the page at `/`, its assets under `/playground/`, and a JSON API that
 * runs commands and button clicks through the same chat service, parser, report service and
 * renderers as Slack and Teams. It bypasses chat authentication and runs as an admin: mount it as
 * `planPlayground` says, with its token.
 */
export function createPlaygroundRoutes(options: PlaygroundOptions): Route[] {
  const downloads = options.downloads ?? new DownloadStore();
  const teamsActions = options.teamsActions ?? { exportCsv: false, share: false };
  const defaultTimeZone = options.defaultTimeZone ?? 'UTC';
  const gate = createPlaygroundGate({ allowAnyHost: options.allowAnyHost ?? false, token: options.token });
  const now = options.now ?? (() => new Date());
  const userIn = (timeZone: string | undefined): ChatUser => ({
    platform: 'web',
    id: 'playground',
    timeZone: timeZone ?? defaultTimeZone,
  });

  /** The gate (host, origin, session), JSON body, validation; then the answer rendered for every pane. */
  const api =
    <T extends { timeZone: string | undefined }>(
      parse: (body: Buffer) => ParsedRequest<T>,
      answer: (request: T, user: ChatUser) => Promise<Answer>,
    ) =>
    async (request: IncomingMessage, response: ServerResponse) => {
      response.setHeader('cache-control', 'no-store');
      if (!gate.admit(request, response)) return;
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
      const result = await answer(parsed.value, userIn(parsed.value.timeZone));
      sendJson(response, 200, toPlaygroundResult(result, downloads, teamsActions, now()));
    };

  const assetRoutes = loadPlaygroundAssets(options.pbxDescription ?? 'the configured PBX').map(
    (asset): Route => ({
      method: 'GET',
      path: asset.path,
      handler: (request, response) => serveAsset(request, response, asset, gate),
    }),
  );
  return [
    ...assetRoutes,
    {
      method: 'POST',
      path: '/playground/api/command',
      handler: api(parseCommandRequest, (request, user) => {
        options.logger.debug('playground command', { text: request.text, timeZone: user.timeZone });
        return options.chat.answerText(request.text, user);
      }),
    },
    {
      method: 'POST',
      path: '/playground/api/action',
      handler: api(parseActionRequest, (request, user) => {
        options.logger.debug('playground action', { actionId: request.actionId, timeZone: user.timeZone });
        return options.chat.answerAction(request.actionId, request.value, user);
      }),
    },
    {
      method: 'GET',
      path: DOWNLOAD_PATH,
      handler: (request, response) => serveDownload(request, response, downloads, gate),
    },
  ];
}

function serveAsset(
  request: IncomingMessage,
  response: ServerResponse,
  asset: PlaygroundAsset,
  gate: PlaygroundGate,
): void {
  const admitted = asset.path === '/' ? gate.admitPage(request, response) : gate.admit(request, response);
  if (!admitted) return;
  response.writeHead(200, {
    'content-type': asset.contentType,
    'content-length': asset.body.length,
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
    ...(asset.contentType.startsWith('text/html') ? PAGE_SECURITY_HEADERS : {}),
  });
  response.end(asset.body);
}

function serveDownload(
  request: IncomingMessage,
  response: ServerResponse,
  downloads: DownloadStore,
  gate: PlaygroundGate,
): void {
  if (!gate.admit(request, response)) return;
  const id = new URL(request.url ?? '/', 'http://playground').searchParams.get('id') ?? '';
  const file = downloads.get(id);
  if (!file) {
    sendJson(response, 404, { error: 'That download has expired; run the command again.' });
    return;
  }
  const body = Buffer.from(file.content, 'utf8');
  const filename = file.filename.replace(/[^A-Za-z0-9._-]/g, '_');
  response.writeHead(200, {
    'content-type': `${file.mimeType}; charset=utf-8`,
    'content-length': body.length,
    'content-disposition': `attachment; filename="${filename}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(body);
}
