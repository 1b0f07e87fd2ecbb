import { z } from 'zod';
import { PbxHttpError } from './errors';
import type { PbxHttp } from './pbx-http';
import type { SharedToken } from './shared-token-store';

export interface ClientCredentialsFetchOptions {
  http: PbxHttp;
  clientId: string;
  clientSecret: string;
  /** Epoch ms. */
  now: () => number;
}

/** As in token-provider.ts: assumed when the PBX does not say (3CX's own default is 60 s). */
const DEFAULT_LIFETIME_SECONDS = 60;
/** As in token-provider.ts: refresh this long before expiry at most; short lifetimes at 80 %. */
const MAX_REFRESH_MARGIN_MS = 30_000;

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive().optional().catch(undefined),
});

/**
 * `POST /connect/token` with client credentials, as a function returning the token with its
 * expiry and refresh time (for `SharedTokenProvider`). Bad credentials throw the PBX's 401 error.
 */
export function createClientCredentialsFetch(
  options: ClientCredentialsFetchOptions,
): () => Promise<SharedToken> {
  return async () => {
    const { http, clientId, clientSecret, now } = options;
    const startedMs = now();
    const json = await http.requestJson({
      method: 'POST',
      path: '/connect/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: clientId,
        client_secret: clientSecret,
        grant_type: 'client_credentials',
      }).toString(),
    });
    const parsed = tokenResponseSchema.safeParse(json);
    if (!parsed.success) {
      throw new PbxHttpError(200, 'POST /connect/token', 'the token answer has no access_token');
    }
    // `expires_in` is seconds since API 20.0.9 (minutes before): treating it as seconds errs early.
    const lifetimeMs = (parsed.data.expires_in ?? DEFAULT_LIFETIME_SECONDS) * 1000;
    const marginMs = Math.min(MAX_REFRESH_MARGIN_MS, lifetimeMs * 0.2);
    return {
      token: parsed.data.access_token,
      expiresAtMs: startedMs + lifetimeMs,
      refreshAtMs: startedMs + lifetimeMs - marginMs,
    };
  };
}
