import type { IncomingMessage } from 'node:http';

/** A refusal of a request to the open (TEAMS_DEV_NO_AUTH) endpoint, as an HTTP status and message. */
export interface DevNoAuthRefusal {
  status: 403 | 415;
  error: string;
}

/**
 * Why the unauthenticated dev endpoint refuses a request before reading it, or undefined. Any web
 * page the developer opens can post to a loopback port (a form, or `fetch` with text/plain needs
 * no CORS preflight), so, as the playground does, it takes only JSON and nothing a browser sent
 * for a page: no `Origin`, and `Sec-Fetch-Site` (when sent) only `same-origin` or `none`.
 */
export function checkDevNoAuthRequest(request: IncomingMessage): DevNoAuthRefusal | undefined {
  const fetchSite = request.headers['sec-fetch-site'];
  if (
    request.headers.origin !== undefined ||
    (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none')
  ) {
    return {
      status: 403,
      error: 'TEAMS_DEV_NO_AUTH does not accept requests from web pages (Origin or Sec-Fetch-Site was sent).',
    };
  }
  if (!/^application\/json\s*(;|$)/i.test(request.headers['content-type'] ?? '')) {
    return { status: 415, error: 'Send the activity as JSON (content-type: application/json).' };
  }
  return undefined;
}
