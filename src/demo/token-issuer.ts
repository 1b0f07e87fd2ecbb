import { randomBytes } from 'node:crypto';

/** Outcome of checking a request's `Authorization` header. */
export type TokenCheck = 'valid' | 'missing' | 'invalid' | 'expired';

function toBase64Url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/**
 * OAuth2 client credentials for one API client, as 3CX does them: one active token per client
 * (a new token invalidates the previous one), expiring after the lifetime current at issue.
 */
export class TokenIssuer {
  private activeToken: string | undefined;
  private expiresAtMs = 0;
  private issued = 0;

  constructor(
    readonly clientId: string,
    readonly clientSecret: string,
    private lifetimeSeconds: number,
  ) {}

  setLifetime(seconds: number): void {
    this.lifetimeSeconds = seconds;
  }

  get issuedCount(): number {
    return this.issued;
  }

  matches(clientId: string | null, clientSecret: string | null): boolean {
    return clientId === this.clientId && clientSecret === this.clientSecret;
  }

  /** A new JWT-shaped token (random, unsigned); the previous one stops working. */
  issue(nowMs: number): { accessToken: string; expiresInSeconds: number } {
    const header = toBase64Url({ alg: 'HS256', typ: 'JWT' });
    const payload = toBase64Url({
      client_id: this.clientId,
      iat: Math.floor(nowMs / 1000),
      exp: Math.floor(nowMs / 1000) + this.lifetimeSeconds,
      jti: randomBytes(8).toString('hex'),
    });
    this.activeToken = `${header}.${payload}.${randomBytes(32).toString('base64url')}`;
    this.expiresAtMs = nowMs + this.lifetimeSeconds * 1000;
    this.issued += 1;
    return { accessToken: this.activeToken, expiresInSeconds: this.lifetimeSeconds };
  }

  check(authorization: string | undefined, nowMs: number): TokenCheck {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match) return 'missing';
    if (match[1] !== this.activeToken) return 'invalid';
    return nowMs < this.expiresAtMs ? 'valid' : 'expired';
  }
}
