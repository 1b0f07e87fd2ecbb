/** A PBX access token as the replicas share it, with when to replace it. */
export interface SharedToken {
  token: string;
  /** When the PBX stops accepting it (epoch ms). */
  expiresAtMs: number;
  /** When replicas fetch the next one, a little before expiry (epoch ms). */
  refreshAtMs: number;
}

/** One refresh, run by the store under its lock. */
export interface SharedTokenRefresh {
  /** Given the stored token (re-read under the lock): true when it is good to use, so nothing is fetched. */
  reuse(current: SharedToken): boolean;
  /** Fetches a new token from the PBX, which invalidates the previous one there. */
  fetchNew(): Promise<SharedToken>;
}

/**
 * Where replicas keep the PBX token of one API client (3CX keeps one active token per client).
 * Both schedule stores implement it; the database holds the short-lived token, never the secret.
 */
export interface SharedTokenStore {
  /** The stored token of `key` (PBX address and client id), if any. */
  readSharedToken(key: string): Promise<SharedToken | undefined>;
  /**
   * Takes the database lock of `key`, re-reads the token, and returns it if `reuse` accepts it;
   * otherwise fetches, stores and returns a new one. Only one holder of the lock fetches at a time,
   * across processes; a failed fetch releases the lock and throws.
   */
  refreshSharedToken(key: string, refresh: SharedTokenRefresh): Promise<SharedToken>;
}
