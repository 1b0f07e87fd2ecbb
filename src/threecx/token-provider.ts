import { z } from 'zod';
import type { Logger } from '../core/logger';
import { PbxHttpError } from './errors';
import type { PbxHttp } from './pbx-http';

/**
 * Where bearer tokens come from. 3CX keeps one active token per API client, so every user of a
 * client id must share one provider (a later implementation may share it through a database).
 */
export interface AccessTokenProvider {
  /** A token that is valid now; concurrent callers share one fetch. */
  getToken(): Promise<string>;
  /** `token` was refused (401): forget it, unless it has already been replaced. */
  invalidate(token: string): void;
}

export interface ClientCredentialsOptions {
  http: PbxHttp;
  clientId: string;
  clientSecret: string;
  now: () => number;
  logger: Logger;
}

/** Assumed when the PBX does not say how long a token lives (3CX's own default is 60 s). */
const DEFAULT_LIFETIME_SECONDS = 60;
/** Refresh this long before expiry, at most; short lifetimes refresh at 80 % of their life. */
const MAX_REFRESH_MARGIN_MS = 30_000;

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive().optional().catch(undefined),
});

interface CachedToken {
  token: string;
  refreshAtMs: number;
}

/** OAuth2 client credentials against `POST /connect/token`; one fetch at a time, cached until near expiry. */
export class ClientCredentialsTokenProvider implements AccessTokenProvider {
  private cached: CachedToken | undefined;
  private inFlight: Promise<string> | undefined;

  constructor(private readonly options: ClientCredentialsOptions) {}

  getToken(): Promise<string> {
    if (this.cached && this.options.now() < this.cached.refreshAtMs)
      return Promise.resolve(this.cached.token);
    if (!this.inFlight) {
      this.inFlight = this.fetchToken().finally(() => {
        this.inFlight = undefined;
      });
    }
    return this.inFlight;
  }

  invalidate(token: string): void {
    if (this.cached?.token === token) this.cached = undefined;
  }

  /** The token currently held, for masking in logs and errors. */
  currentToken(): string | undefined {
    return this.cached?.token;
  }

  private async fetchToken(): Promise<string> {
    const { http, clientId, clientSecret, now, logger } = this.options;
    const startedMs = now();
    const body = new URLSearchParams({
      client_id: clientId,
      client_secret: clientSecret,
      grant_type: 'client_credentials',
    }).toString();
    const json = await http.requestJson({
      method: 'POST',
      path: '/connect/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    const parsed = tokenResponseSchema.safeParse(json);
    if (!parsed.success) {
      throw new PbxHttpError(200, 'POST /connect/token', 'the token answer has no access_token');
    }
    // `expires_in` is seconds since API 20.0.9 (minutes before): treating it as seconds errs early.
    const lifetimeMs = (parsed.data.expires_in ?? DEFAULT_LIFETIME_SECONDS) * 1000;
    const marginMs = Math.min(MAX_REFRESH_MARGIN_MS, lifetimeMs * 0.2);
    this.cached = { token: parsed.data.access_token, refreshAtMs: startedMs + lifetimeMs - marginMs };
    logger.debug('Fetched a PBX access token', { lifetimeSeconds: lifetimeMs / 1000 });
    return parsed.data.access_token;
  }
}
