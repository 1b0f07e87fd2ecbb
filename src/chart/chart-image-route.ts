import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Route, sendJson } from '../server/http-server';
import type { ChartImageStore } from './chart-image-store';

/** Where chart images are served: `GET /chart.png?id=<id>`, nothing else under it. */
export const CHART_IMAGE_PATH = '/chart.png';

/** A cache (Slack's image proxy, a browser) may keep an image this long, never past its expiry. */
const MAX_CACHE_SECONDS = 300;

/**
 * The one route that serves chart images: the PNG under the `id` of the query while it has not
 * expired, else the server's ordinary 404 (an unknown, malformed or expired id and a missing one
 * all look the same). No listing, no other file, no cookie or token needed: the id is the secret.
 */
export function createChartImageRoute(store: ChartImageStore, now: () => Date): Route {
  return {
    method: 'GET',
    path: CHART_IMAGE_PATH,
    handler: (request, response) => serveChartImage(request, response, store, now),
  };
}

/** The URL of image `id` under `baseUrl` (PUBLIC_URL, or '' for a link relative to the bot's own page). */
export function chartImageUrl(baseUrl: string, id: string): string {
  return `${baseUrl}${CHART_IMAGE_PATH}?id=${id}`;
}

function serveChartImage(
  request: IncomingMessage,
  response: ServerResponse,
  store: ChartImageStore,
  now: () => Date,
): void {
  const query = new URL(request.url ?? '/', 'http://chart.invalid').searchParams;
  const image = store.get(query.get('id') ?? '');
  if (!image) {
    sendJson(response, 404, { error: 'not found' });
    return;
  }
  const secondsLeft = Math.floor((image.expiresAt.getTime() - now().getTime()) / 1000);
  response.writeHead(200, {
    'content-type': 'image/png',
    'content-length': image.png.length,
    'cache-control': `public, max-age=${Math.max(0, Math.min(MAX_CACHE_SECONDS, secondsLeft))}`,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'",
    'referrer-policy': 'no-referrer',
  });
  response.end(image.png);
}
