import type { IncomingMessage, ServerResponse } from 'node:http';
import type { App, Receiver } from '@slack/bolt';
import { describeError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import { nextTurn } from '../../core/time-slicer';
import { BodyTooLargeError, readBody, sendJson } from '../../server/http-server';
import { checkSlackSignature } from './check-slack-signature';
import { parseSlackBody } from './parse-slack-body';
import { SlackReplayCache } from './slack-replay-cache';

export interface SlackHttpReceiverOptions {
  signingSecret: string;
  logger: Logger;
  /** The clock the request timestamps are checked against. */
  now: () => Date;
  /** Larger bodies answer 413; default 1 MiB. */
  maxBodyBytes?: number;
}

/**
 * Bolt's entrance on our own HTTP server: `requestHandler` serves POST /slack/events. It checks
 * the signature (401 without it, before anything else runs), answers a replay of a request it
 * already accepted (the same signature within Slack's 5-minute window) with an empty 200 and
 * nothing else, answers Slack's URL verification and SSL checks, acknowledges everything else at
 * once with an empty 200, then hands it to `app.processEvent`; the listener's work goes on after
 * the response. `stop()` waits for that work.
 */
export class SlackHttpReceiver implements Receiver {
  private app: App | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  /** Signatures of the requests this process accepted (replicas do not share them). */
  private readonly replays = new SlackReplayCache();

  constructor(private readonly options: SlackHttpReceiverOptions) {}

  init(app: App): void {
    this.app = app;
  }

  /** Our HTTP server listens; there is nothing to start. */
  async start(): Promise<void> {}

  /** Waits for the work of requests already acknowledged. */
  async stop(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  readonly requestHandler = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const { logger } = this.options;
    let rawBody: string;
    try {
      rawBody = (await readBody(request, this.options.maxBodyBytes)).toString('utf8');
    } catch (error) {
      endEmpty(response, error instanceof BodyTooLargeError ? 413 : 400);
      return;
    }
    const signature = headerOf(request, 'x-slack-signature');
    const timestamp = headerOf(request, 'x-slack-request-timestamp');
    const now = this.options.now();
    const check = checkSlackSignature({
      signingSecret: this.options.signingSecret,
      rawBody,
      signature,
      timestamp,
      now,
    });
    if (!check.ok) {
      logger.warn('Slack request refused', { reason: check.reason });
      endEmpty(response, 401);
      return;
    }
    // Checked and remembered in one turn of the event loop: of two copies sent at once, one runs.
    if (!this.replays.remember(signature!, Number(timestamp), now.getTime())) {
      logger.warn('Slack request replayed; ignored', { timestamp });
      endEmpty(response, 200);
      return;
    }
    const body = parseSlackBody(rawBody, headerOf(request, 'content-type'));
    if (!body) {
      logger.warn('Slack request body could not be read', { contentType: headerOf(request, 'content-type') });
      endEmpty(response, 400);
      return;
    }
    if (body.ssl_check === '1') {
      endEmpty(response, 200);
      return;
    }
    if (body.type === 'url_verification') {
      sendJson(response, 200, { challenge: typeof body.challenge === 'string' ? body.challenge : '' });
      return;
    }
    const work = this.dispatch(body, request, response);
    this.inFlight.add(work);
    try {
      await work;
    } finally {
      this.inFlight.delete(work);
    }
  };

  /**
   * Every listener of ours acknowledges with an empty 200, so the receiver sends it before Bolt
   * runs: the acknowledgement never waits for middleware, nor for reports that keep the event
   * loop busy; the work then waits one turn of the event loop, behind the requests already read.
   * Listeners still call `ack()` as Bolt requires; it does nothing more. (A listener
   * that needs to answer with a body, such as a modal's validation errors, would need this back.)
   */
  private async dispatch(
    body: Record<string, unknown>,
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    const { logger } = this.options;
    endEmpty(response, 200);
    // Let the event loop read and acknowledge the requests already waiting before this one's work.
    await nextTurn();
    try {
      if (!this.app) throw new Error('the Slack receiver was not initialised by a Bolt app');
      const retryNum = Number(headerOf(request, 'x-slack-retry-num'));
      await this.app.processEvent({
        body,
        ack: async () => {},
        ...(Number.isInteger(retryNum) && { retryNum }),
        ...(headerOf(request, 'x-slack-retry-reason') !== undefined && {
          retryReason: headerOf(request, 'x-slack-retry-reason'),
        }),
      });
    } catch (error) {
      logger.error('Slack event processing failed', {
        type: describeType(body),
        error: describeError(error),
      });
    }
  }
}

function endEmpty(response: ServerResponse, status: number): void {
  if (response.headersSent) return;
  response.writeHead(status, { 'content-length': 0 });
  response.end();
}

function headerOf(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** For the log: what kind of request it was, never its content. */
function describeType(body: Record<string, unknown>): string {
  if (typeof body.command === 'string') return 'slash_command';
  const event = body.event as { type?: unknown } | undefined;
  if (body.type === 'event_callback' && typeof event?.type === 'string') return `event:${event.type}`;
  return typeof body.type === 'string' ? body.type : 'unknown';
}
