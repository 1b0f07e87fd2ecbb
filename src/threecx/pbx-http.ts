import { type Dispatcher, request } from 'undici';
import { type Logger, redact } from '../core/logger';
import { BodyBufferPool, BodyTooLargeError, type PooledBody } from './body-buffer-pool';
import { describeEndpoint, PbxAnswerTooLargeError, PbxHttpError, PbxUnreachableError } from './errors';
import { linkAbort } from './linked-abort';
import { toUnreachableError } from './network-errors';
import { decodeBody, NestedTooDeepError, readJsonBody } from './parse-json-body';
import { computeRetryDelayMs, isRetryableStatus, parseRetryAfterMs, type RetryPolicy } from './retry';

/** `PBX_MAX_RESPONSE_MB`'s default, in bytes. */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** Everything the transport needs; all of it injected so tests run against a real local server. */
export interface PbxHttpOptions {
  /** Server root without a trailing slash, e.g. `https://pbx.example.com:5001`. */
  baseUrl: string;
  dispatcher: Dispatcher;
  requestTimeoutMs: number;
  /**
   * `PBX_MAX_RESPONSE_MB` in bytes: an answer (any status) growing past it is aborted while it is
   * read and throws `PbxAnswerTooLargeError`, not retried.
   */
  maxResponseBytes: number;
  retry: RetryPolicy;
  logger: Logger;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  /** Values masked in any text quoted from the PBX's answers (client secret, current token). */
  secrets: () => Iterable<string>;
}

export interface PbxRequest {
  method: 'GET' | 'POST';
  /** Path and query, starting with `/`. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Aborts the request and any pending retry (the caller lost interest). */
  signal?: AbortSignal;
  /**
   * Called when a 2xx answer's body has arrived, before it is parsed (the PBX is done with the
   * request), with the body's bytes: to be looked at then, never kept (the buffer is reused).
   */
  onAnswered?: (body: Uint8Array) => void;
}

interface RawAnswer {
  status: number;
  retryAfter: string | undefined;
  /** Valid until released: read (parsed or decoded) first. */
  body: PooledBody;
}

/**
 * Sends one logical request and returns the parsed JSON of a 2xx answer. Retries 429/502/503 and
 * dropped connections (refused, reset, cut mid-body) with backoff; everything else throws
 * `PbxHttpError` or `PbxUnreachableError` at once. Timeouts are NOT retried: a retry would
 * double an already long wait (a minute by default) for a PBX that is most likely overloaded.
 * Neither is an answer past `maxResponseBytes` (`PbxAnswerTooLargeError`): it would be as large again.
 */
export class PbxHttp {
  private readonly bodies = new BodyBufferPool();

  constructor(private readonly options: PbxHttpOptions) {}

  async requestJson(req: PbxRequest): Promise<unknown> {
    const endpoint = describeEndpoint(req.method, req.path);
    const { retry: policy, logger } = this.options;
    for (let retry = 0; ; retry++) {
      throwIfAborted(req.signal);
      let answer: RawAnswer;
      try {
        answer = await this.sendOnce(req, endpoint);
      } catch (error) {
        if (
          !(error instanceof PbxUnreachableError) ||
          !isRetryableReason(error) ||
          retry >= policy.maxRetries
        ) {
          throw error;
        }
        const delayMs = computeRetryDelayMs(retry, policy, this.options.random);
        logger.warn('Retrying PBX request', { endpoint, reason: error.reason, retry: retry + 1, delayMs });
        await this.options.sleep(delayMs);
        continue;
      }
      logger.debug('PBX answered', { endpoint, status: answer.status, attempt: retry + 1 });
      let errorText: string;
      try {
        if (answer.status >= 200 && answer.status < 300) {
          req.onAnswered?.(answer.body.bytes);
          return await this.parseJson(answer.status, answer.body.bytes, endpoint);
        }
        errorText = decodeErrorText(answer.body.bytes);
      } finally {
        answer.body.release();
      }
      if (!isRetryableStatus(answer.status) || retry >= policy.maxRetries) {
        throw new PbxHttpError(answer.status, endpoint, this.readPbxMessage(errorText));
      }
      const retryAfterMs = parseRetryAfterMs(answer.retryAfter, this.options.now());
      const delayMs = computeRetryDelayMs(retry, policy, this.options.random, retryAfterMs);
      logger.warn('Retrying PBX request', { endpoint, status: answer.status, retry: retry + 1, delayMs });
      await this.options.sleep(delayMs);
    }
  }

  /** One attempt: status and the whole body, or a `PbxUnreachableError` (the caller's abort passes through). */
  private async sendOnce(req: PbxRequest, endpoint: string): Promise<RawAnswer> {
    const timeoutMs = this.options.requestTimeoutMs;
    // Aborted by the caller's signal, or by the timer (then with no caller's abort to pass on).
    const { controller: timeout, unlink } = linkAbort(req.signal);
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    const signal = timeout.signal;
    try {
      const response = await request(this.options.baseUrl + req.path, {
        method: req.method,
        headers: { accept: 'application/json', ...req.headers },
        body: req.body,
        dispatcher: this.options.dispatcher,
        signal,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      const { maxResponseBytes } = this.options;
      if (Number(response.headers['content-length']) > maxResponseBytes) {
        response.body.destroy();
        throw new BodyTooLargeError(maxResponseBytes);
      }
      // Bytes, not text: large pages are parsed row by row (see parse-json-body.ts).
      const body = await this.bodies.read(response.body, maxResponseBytes);
      const retryAfter = response.headers['retry-after'];
      return {
        status: response.statusCode,
        retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
        body,
      };
    } catch (error) {
      throwIfAborted(req.signal);
      if (error instanceof BodyTooLargeError) throw new PbxAnswerTooLargeError(endpoint, error.limitBytes);
      if (timeout.signal.aborted) {
        const seconds = Math.round(timeoutMs / 100) / 10;
        throw new PbxUnreachableError('timeout', endpoint, `no answer within ${seconds} s`, { cause: error });
      }
      throw toUnreachableError(error, endpoint);
    } finally {
      clearTimeout(timer);
      unlink();
    }
  }

  private async parseJson(status: number, body: Uint8Array, endpoint: string): Promise<unknown> {
    if (isEmptyBody(body)) return {};
    try {
      return await readJsonBody(body);
    } catch (error) {
      const what = error instanceof NestedTooDeepError ? error.message : 'not JSON';
      throw new PbxHttpError(status, endpoint, `the answer is ${what} (is THREECX_URL the PBX?)`);
    }
  }

  /**
   * 3CX's explanation from an error body: OData `error.message` + details, or OAuth `error_description`.
   * Secrets are masked in the whole text before it is shortened, which could otherwise cut one
   * past recognition (masking costs about what parsing the body did).
   */
  private readPbxMessage(text: string): string | undefined {
    const message = extractPbxMessage(text);
    if (message === undefined) return undefined;
    const masked = redact(message, this.options.secrets());
    return masked.length > 500 ? `${masked.slice(0, 500)}…` : masked;
  }
}

/** Error answers longer than this are not searched for a message (a real one is a few hundred bytes). */
const MAX_ERROR_TEXT_BYTES = 64 * 1024;

/** The text of an error answer, or empty when it is too long to be one 3CX writes. */
function decodeErrorText(bytes: Uint8Array): string {
  return bytes.byteLength > MAX_ERROR_TEXT_BYTES ? '' : decodeBody(bytes);
}

function extractPbxMessage(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  let body: unknown;
  try {
    body = JSON.parse(trimmed);
  } catch {
    return trimmed.length <= 200 && !trimmed.includes('<') ? trimmed : undefined;
  }
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const error = record.error;
  if (typeof error === 'object' && error !== null) {
    const odata = error as { message?: unknown; details?: unknown };
    const parts = [odata.message];
    if (Array.isArray(odata.details)) {
      for (const detail of odata.details) parts.push((detail as { message?: unknown } | null)?.message);
    }
    const texts = parts.filter((part): part is string => typeof part === 'string' && part !== '');
    return texts.length > 0 ? texts.join('; ') : undefined;
  }
  for (const key of ['error_description', 'message', 'title', 'error']) {
    const value = record[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

/** No bytes, or only a UTF-8 byte order mark (which `TextDecoder` drops). */
function isEmptyBody(body: Uint8Array): boolean {
  return (
    body.byteLength === 0 ||
    (body.byteLength === 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf)
  );
}

function isRetryableReason(error: PbxUnreachableError): boolean {
  return error.reason === 'refused' || error.reason === 'reset' || error.reason === 'network';
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason;
}
