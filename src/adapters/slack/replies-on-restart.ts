import type { App, webApi } from '@slack/bolt';
import { describeError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import { RESTARTING_TEXT, type RepliesInFlight } from '../../server/graceful-shutdown';

type FetchFunction = NonNullable<webApi.WebClientOptions['fetch']>;

/** How long telling one asker that the bot restarts may take. */
const RESTARTING_POST_TIMEOUT_MS = 5_000;

/**
 * Global Bolt middleware: every event, command and click is tracked in `replies` from the moment
 * Bolt has it until its listeners are done (`next()` resolves after them), with its
 * `response_url` when it has one (commands and message buttons; not App Home).
 */
export function trackRepliesInFlight(app: App, replies: RepliesInFlight): void {
  app.use(async ({ body, next }) => {
    await replies.track(next(), responseUrlOf(body));
  });
}

/**
 * The `fetch` Bolt's `respond` posts with: a post to a `response_url` whose asker was already told
 * that the bot is restarting is dropped (answered 200 here), so a report that finishes, or fails
 * as the PBX client closes, after that message does not contradict it.
 */
export function fetchUnlessAbandoned(
  replies: RepliesInFlight,
  fetchFn: FetchFunction = fetch,
): FetchFunction {
  return async (url, init) => {
    if (replies.isAbandoned(String(url))) return new Response(null, { status: 200 });
    return fetchFn(url, init);
  };
}

/**
 * Waits up to `graceMs` for the work in flight, then tells each asker still waiting, through
 * their `response_url` (ephemeral, beside whatever they already see), that the bot is restarting.
 */
export async function finishRepliesInFlight(
  replies: RepliesInFlight,
  graceMs: number,
  logger: Logger,
): Promise<void> {
  const waiting = await replies.finish(graceMs);
  if (waiting.length === 0) return;
  logger.warn('replies still running at shutdown; telling the askers to ask again', {
    count: waiting.length,
    graceMs,
  });
  await Promise.all(
    waiting.map(async (url) => {
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            response_type: 'ephemeral',
            replace_original: false,
            text: RESTARTING_TEXT,
          }),
          signal: AbortSignal.timeout(RESTARTING_POST_TIMEOUT_MS),
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
      } catch (error) {
        logger.warn('Slack response_url failed for the restarting message', {
          error: describeError(error),
        });
      }
    }),
  );
}

function responseUrlOf(body: unknown): string | undefined {
  const fields = body as { response_url?: unknown; response_urls?: { response_url?: unknown }[] };
  const url = fields.response_url ?? fields.response_urls?.[0]?.response_url;
  return typeof url === 'string' && url.length > 0 ? url : undefined;
}
