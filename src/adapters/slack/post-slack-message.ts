import type { Logger } from '../../core/logger';
import type { SlackBlock } from '../../render/slack-blocks';
import { SlackChannelLanes, type SlackChannelLanesOptions } from './slack-channel-lanes';

/** How `postSlackMessage` reaches Slack and how hard it tries. */
export interface SlackPostSettings {
  /** SLACK_API_URL with its trailing slash. */
  apiUrl: string;
  botToken: string;
  logger: Logger;
  sleep: (ms: number) => Promise<void>;
  maxAttempts: number;
  timeoutMs: number;
  maxRetryAfterMs: number;
}

/** How the bot posts to Slack on its own (digests, live alerts): where, as whom, how hard it tries. */
export interface SlackBotPostOptions extends SlackChannelLanesOptions {
  /** SLACK_API_URL with its trailing slash, e.g. `https://slack.com/api/`. */
  apiUrl: string;
  botToken: string;
  logger: Logger;
  /** Tries per message, the first included; default 4. */
  maxAttempts?: number;
  /** How long one request may take; default 15 s. A timed-out post is not retried (it may have posted). */
  timeoutMs?: number;
  /** The longest Retry-After a 429 may ask for before the post gives up; default 60 s. */
  maxRetryAfterMs?: number;
  /** The pacing to share with other posters (digests and alerts in one channel); default its own. */
  lanes?: SlackChannelLanes;
}

/** The lanes and retry settings `options` describe (the defaults filled in). */
export function toSlackPostSetup(options: SlackBotPostOptions): {
  lanes: SlackChannelLanes;
  settings: SlackPostSettings;
} {
  const lanes = options.lanes ?? new SlackChannelLanes(options);
  return {
    lanes,
    settings: {
      apiUrl: options.apiUrl,
      botToken: options.botToken,
      logger: options.logger,
      sleep: lanes.sleep,
      maxAttempts: options.maxAttempts ?? 4,
      timeoutMs: options.timeoutMs ?? 15_000,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
    },
  };
}

/** The `chat.postMessage` arguments a digest uses. */
export interface SlackPostArgs {
  channel: string;
  text: string;
  blocks: SlackBlock[];
}

/** The chat methods sent this way: a new message (or a thread reply, `thread_ts`), or an edit of one. */
export type SlackChatMethod = 'chat.postMessage' | 'chat.update';

/** What Slack answers a chat method with: the message's `ts` and the channel it is in. */
export interface SlackChatAnswer {
  ts: string | undefined;
  channel: string | undefined;
}

type Attempt =
  | { kind: 'posted'; answer: SlackChatAnswer }
  | { kind: 'retry'; reason: string; waitMs: number };

/** Slack answered `ok: false` with `code` (e.g. `invalid_blocks`), not worth trying again as it was. */
export class SlackRefusal extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'SlackRefusal';
  }
}

/** Slack error codes worth a word of advice; the code itself is always shown. */
const ERROR_ADVICE: Record<string, string> = {
  channel_not_found: 'the channel is gone, or it is private and the app is not in it: /invite @Calls',
  not_in_channel: 'invite the app to the channel: /invite @Calls',
  is_archived: 'the channel is archived',
  invalid_auth: 'check SLACK_BOT_TOKEN',
  not_authed: 'check SLACK_BOT_TOKEN',
  token_revoked: 'the app was uninstalled or its token revoked',
  account_inactive: 'the app was uninstalled or its token revoked',
  missing_scope: 'reinstall the app from manifests/slack/manifest.yaml',
  msg_too_long: 'the message is too long for Slack',
  message_not_found: 'the message was deleted',
  cant_update_message: "the message is not the bot's own",
  edit_window_closed: 'Slack no longer lets the message be edited',
};
/** Codes that mean "not now" rather than "no": retried like a 5xx. */
const RETRYABLE_CODES = new Set(['ratelimited', 'service_unavailable']);
/** Failures before the request reached Slack, so a retry cannot post twice. */
const UNSENT_NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
const FIRST_BACKOFF_MS = 1000;

/**
 * One `chat.postMessage` (links and media not unfurled) with bounded retries: see `callSlackChat`.
 */
export async function postSlackMessage(
  settings: SlackPostSettings,
  args: SlackPostArgs,
  beforeAttempt: () => Promise<void>,
): Promise<void> {
  await callSlackChat(
    settings,
    'chat.postMessage',
    { ...args, unfurl_links: false, unfurl_media: false },
    beforeAttempt,
  );
}

/**
 * One chat method call with bounded retries: a 429 waits for its Retry-After, a 5xx (or Slack's
 * `ratelimited`/`service_unavailable`) backs off 1 s, 2 s, 4 s…, a refused connection is tried
 * again; `beforeAttempt` runs before every request (pacing). A timeout is not retried, since Slack
 * may have posted. Resolves with the message's `ts` and channel; throws an `Error` whose message
 * is short and holds no token or URL.
 */
export async function callSlackChat(
  settings: SlackPostSettings,
  method: SlackChatMethod,
  args: { channel: string } & Record<string, unknown>,
  beforeAttempt: () => Promise<void>,
): Promise<SlackChatAnswer> {
  const body = JSON.stringify(args);
  for (let attempt = 1; ; attempt++) {
    await beforeAttempt();
    const outcome = await attemptCall(settings, method, body, attempt);
    if (outcome.kind === 'posted') return outcome.answer;
    if (attempt >= settings.maxAttempts) {
      throw new Error(`Slack kept failing (${outcome.reason}; ${attempt} tries)`);
    }
    settings.logger.warn('Slack post will be retried', {
      method,
      channel: args.channel,
      reason: outcome.reason,
      waitMs: outcome.waitMs,
      attempt,
    });
    await settings.sleep(outcome.waitMs);
  }
}

async function attemptCall(
  settings: SlackPostSettings,
  method: SlackChatMethod,
  body: string,
  attempt: number,
): Promise<Attempt> {
  const backoffMs = FIRST_BACKOFF_MS * 2 ** (attempt - 1);
  let response: Response;
  try {
    response = await fetch(new URL(method, settings.apiUrl), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${settings.botToken}`,
        'content-type': 'application/json; charset=utf-8',
      },
      body,
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
  } catch (error) {
    if ((error as { name?: unknown } | undefined)?.name === 'TimeoutError') {
      throw new Error(`Slack did not answer within ${describeMs(settings.timeoutMs)}`);
    }
    const code = networkCodeOf(error);
    if (code && UNSENT_NETWORK_CODES.has(code)) {
      return { kind: 'retry', reason: `could not connect to Slack (${code})`, waitMs: backoffMs };
    }
    throw new Error(`the connection to Slack failed (${code ?? 'network error'})`);
  }
  if (response.status === 429) {
    await response.body?.cancel();
    const waitMs = readRetryAfterMs(response.headers.get('retry-after'));
    if (waitMs > settings.maxRetryAfterMs) {
      throw new Error(`Slack rate limit: asked to wait ${describeMs(waitMs)}`);
    }
    return { kind: 'retry', reason: 'rate limited (429)', waitMs };
  }
  if (response.status >= 500) {
    await response.body?.cancel();
    return { kind: 'retry', reason: `HTTP ${response.status}`, waitMs: backoffMs };
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(`Slack answered HTTP ${response.status}`);
  }
  const answer = (await response.json().catch(() => ({}))) as {
    ok?: unknown;
    error?: unknown;
    ts?: unknown;
    channel?: unknown;
  };
  if (answer.ok === true) {
    return {
      kind: 'posted',
      answer: {
        ts: typeof answer.ts === 'string' ? answer.ts : undefined,
        channel: typeof answer.channel === 'string' ? answer.channel : undefined,
      },
    };
  }
  const code = typeof answer.error === 'string' ? answer.error.slice(0, 80) : 'unknown_error';
  if (RETRYABLE_CODES.has(code)) return { kind: 'retry', reason: code, waitMs: backoffMs };
  const advice = ERROR_ADVICE[code];
  throw new SlackRefusal(advice ? `Slack said ${code}: ${advice}` : `Slack said ${code}`, code);
}

/** Retry-After in seconds (Slack sends whole seconds); 1 s when absent or unreadable. */
function readRetryAfterMs(header: string | null): number {
  const seconds = Number(header);
  return header !== null && Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds * 1000) : 1000;
}

function describeMs(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

function networkCodeOf(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}
