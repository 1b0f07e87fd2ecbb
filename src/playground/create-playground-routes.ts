import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AlertButtons } from '../alerts/alert-buttons';
import { type Answer, exportFileBytes } from '../chat/answer';
import type { ChatService } from '../chat/chat-service';
import { canonicalLocale, FALLBACK_LOCALE } from '../config/canonical-locale';
import type { ChatUser } from '../core/chat-user';
import type { Logger } from '../core/logger';
import { type Route, sendJson } from '../server/http-server';
import { createChannelRoutes, type PlaygroundDigests } from './create-channel-routes';
import type { DownloadStore } from './download-store';
import { playgroundPostApi } from './playground-api';
import { loadPlaygroundAssets, type PlaygroundAsset } from './playground-assets';
import type { PlaygroundChannel } from './playground-channel';
import { createPlaygroundGate, type PlaygroundGate } from './playground-gate';
import { createPlaygroundRenderer, type PlaygroundRenderer } from './playground-renderer';
import {
  type ParsedRequest,
  type PlaygroundAsker,
  parseActionRequest,
  parseCommandRequest,
} from './playground-requests';
import { DOWNLOAD_PATH } from './to-playground-result';

export interface PlaygroundOptions {
  /** The chat service, built like Slack's (CSV export and Share on): the page shows Slack's buttons. */
  chat: ChatService;
  logger: Logger;
  /** The zone for requests that name none (the page always sends the browser's); default UTC. */
  defaultTimeZone?: string;
  /** DEFAULT_LOCALE: for requests that send no locale, or one that is not valid; default `en-US`. */
  defaultLocale?: string;
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
  /**
   * Renders every answer for the panes and keeps its files for the download link; default
   * `createPlaygroundRenderer` with `now` (Teams without CSV export and Share, as start-bot gives Teams).
   */
  renderer?: PlaygroundRenderer;
  /** The channel view (`createChannelRoutes`): its posts and the digests behind it. Without it, no channel routes. */
  channel?: { posts: PlaygroundChannel; digests: PlaygroundDigests; alertButtons?: AlertButtons };
}

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
 * `planPlayground` says, with its token. With `channel`, the channel view's routes too.
 */
export function createPlaygroundRoutes(options: PlaygroundOptions): Route[] {
  const defaultTimeZone = options.defaultTimeZone ?? 'UTC';
  const gate = createPlaygroundGate({ allowAnyHost: options.allowAnyHost ?? false, token: options.token });
  const now = options.now ?? (() => new Date());
  const renderer = options.renderer ?? createPlaygroundRenderer({ now });
  const { downloads } = renderer;
  const defaultLocale = options.defaultLocale ?? FALLBACK_LOCALE;
  const userIn = (asker: PlaygroundAsker): ChatUser => ({
    platform: 'web',
    id: 'playground',
    timeZone: asker.timeZone ?? defaultTimeZone,
    // The page's locale selector, checked as every locale is; an invalid one counts as unset.
    locale: canonicalLocale(asker.locale) ?? defaultLocale,
  });

  /** The gate, JSON body and validation (`playgroundPostApi`); then the answer rendered for every pane. */
  const api = <T extends PlaygroundAsker>(
    parse: (body: Buffer) => ParsedRequest<T>,
    answer: (request: T, user: ChatUser) => Promise<Answer>,
  ) =>
    playgroundPostApi(gate, parse, async (request) =>
      renderer.render(await answer(request, userIn(request))),
    );

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
    ...(options.channel
      ? createChannelRoutes({
          gate,
          chat: options.chat,
          channel: options.channel.posts,
          digests: options.channel.digests,
          ...(options.channel.alertButtons && { alertButtons: options.channel.alertButtons }),
          renderer,
          userIn,
          now,
          logger: options.logger,
        })
      : []),
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
  const body = exportFileBytes(file);
  const filename = file.filename.replace(/[^A-Za-z0-9._-]/g, '_');
  // Text (CSV, JSON) is UTF-8; an XLSX is bytes and has no charset.
  const isText = typeof file.content === 'string';
  response.writeHead(200, {
    'content-type': isText ? `${file.mimeType}; charset=utf-8` : file.mimeType,
    'content-length': body.length,
    'content-disposition': `attachment; filename="${filename}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(body);
}
