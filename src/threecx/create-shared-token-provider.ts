import { Agent } from 'undici';
import type { Logger } from '../core/logger';
import { createClientCredentialsFetch } from './fetch-client-credentials';
import { DEFAULT_MAX_RESPONSE_BYTES, PbxHttp } from './pbx-http';
import { DEFAULT_RETRY_POLICY } from './retry';
import { SharedTokenProvider } from './shared-token-provider';
import type { SharedTokenStore } from './shared-token-store';

export interface SharedTokenSetupOptions {
  /** Server root, as THREECX_URL. */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  store: SharedTokenStore;
  logger: Logger;
  /** Epoch ms; default `Date.now`. */
  now?: () => number;
  /** How long a token request may take; default 30 s (other replicas wait for it under the lock). */
  requestTimeoutMs?: number;
  /** `PBX_MAX_RESPONSE_MB` in bytes; default 64 MB. */
  maxResponseBytes?: number;
}

/** A shared token provider for `XapiClientOptions.tokenProvider`, and how to let go of its connection. */
export interface SharedTokenSetup {
  provider: SharedTokenProvider;
  close(): Promise<void>;
}

/**
 * The token provider replicas use (DATABASE_URL=postgres://…): tokens come from the PBX's
 * `/connect/token` over a connection of their own and are shared through the store, keyed by
 * the PBX address and the client id.
 */
export function createSharedTokenProvider(options: SharedTokenSetupOptions): SharedTokenSetup {
  const now = options.now ?? Date.now;
  const baseUrl = options.baseUrl
    .trim()
    .replace(/\/+$/, '')
    .replace(/\/xapi\/v1$/i, '');
  const dispatcher = new Agent({ keepAliveTimeout: 10_000, connections: 2 });
  const recentTokens: string[] = [];
  const http = new PbxHttp({
    baseUrl,
    dispatcher,
    requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    retry: DEFAULT_RETRY_POLICY,
    logger: options.logger,
    now,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: Math.random,
    secrets: () => [options.clientSecret, ...recentTokens],
  });
  const fetchToken = createClientCredentialsFetch({
    http,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    now,
  });
  const provider = new SharedTokenProvider({
    store: options.store,
    key: `${baseUrl.toLowerCase()} ${options.clientId}`,
    fetchToken: async () => {
      const fetched = await fetchToken();
      recentTokens.push(fetched.token);
      if (recentTokens.length > 4) recentTokens.shift();
      return fetched;
    },
    now,
    logger: options.logger,
  });
  return { provider, close: () => dispatcher.close() };
}
