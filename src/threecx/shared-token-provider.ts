import type { Logger } from '../core/logger';
import type { SharedToken, SharedTokenStore } from './shared-token-store';
import type { AccessTokenProvider } from './token-provider';

export interface SharedTokenProviderOptions {
  store: SharedTokenStore;
  /** Names the token in the store: the PBX address and the client id. */
  key: string;
  /** Fetches a new token from the PBX (see `createClientCredentialsFetch`). */
  fetchToken: () => Promise<SharedToken>;
  /** Epoch ms. */
  now: () => number;
  logger: Logger;
}

/**
 * One PBX token for all replicas: the token lives in the store with its expiry. A replica uses the
 * stored token until its refresh time, then re-reads the store; only when the stored token is
 * stale (or was refused with a 401) does it refresh, under the store's lock, so replicas never
 * fetch tokens concurrently and so never invalidate each other's. Concurrent callers in one
 * process share one read or refresh.
 */
export class SharedTokenProvider implements AccessTokenProvider {
  private current: SharedToken | undefined;
  /** The last token the PBX refused: never taken from the store again. */
  private refused: string | undefined;
  private inFlight: Promise<string> | undefined;

  constructor(private readonly options: SharedTokenProviderOptions) {}

  getToken(): Promise<string> {
    if (this.current && this.isUsable(this.current)) return Promise.resolve(this.current.token);
    if (!this.inFlight) {
      this.inFlight = this.obtain().finally(() => {
        this.inFlight = undefined;
      });
    }
    return this.inFlight;
  }

  invalidate(token: string): void {
    this.refused = token;
    if (this.current?.token === token) this.current = undefined;
  }

  private async obtain(): Promise<string> {
    const { store, key, logger } = this.options;
    const usable = (entry: SharedToken) => this.isUsable(entry);
    const stored = await store.readSharedToken(key);
    if (stored && usable(stored)) {
      this.current = stored;
      return stored.token;
    }
    let fetched = false;
    const entry = await store.refreshSharedToken(key, {
      reuse: usable,
      fetchNew: async () => {
        fetched = true;
        return this.options.fetchToken();
      },
    });
    logger.debug(fetched ? 'Fetched the shared PBX access token' : 'Took the shared PBX access token', {
      validForSeconds: Math.round((entry.expiresAtMs - this.options.now()) / 1000),
    });
    this.current = entry;
    return entry.token;
  }

  private isUsable(entry: SharedToken): boolean {
    return entry.token !== this.refused && this.options.now() < entry.refreshAtMs;
  }
}
