import { PbxHttpError } from './errors';
import type { InFlightLimit } from './in-flight-limit';
import type { PbxHttp } from './pbx-http';
import type { AccessTokenProvider } from './token-provider';

/**
 * Authenticated XAPI GETs: adds the bearer token and, when the PBX answers 401, drops that token,
 * takes a new one (shared with concurrent callers) and repeats the request once. With `slots`
 * (as many as the HTTP agent's connections), a request takes its token only once a connection is
 * free for it: a token is never held while the request waits its turn, however long the queue.
 */
export class XapiRequester {
  constructor(
    private readonly http: PbxHttp,
    private readonly tokens: AccessTokenProvider,
    private readonly slots?: InFlightLimit,
  ) {}

  /** `onAnswered`: see `PbxRequest`. */
  getJson(path: string, signal?: AbortSignal, onAnswered?: (body: Uint8Array) => void): Promise<unknown> {
    const send = () => this.getJsonNow(path, signal, onAnswered);
    return this.slots ? this.slots.run(send) : send();
  }

  private async getJsonNow(
    path: string,
    signal: AbortSignal | undefined,
    onAnswered: ((body: Uint8Array) => void) | undefined,
  ): Promise<unknown> {
    const token = await this.tokens.getToken();
    try {
      return await this.sendWithToken(path, token, signal, onAnswered);
    } catch (error) {
      if (!(error instanceof PbxHttpError) || error.status !== 401) throw error;
      this.tokens.invalidate(token);
      const freshToken = await this.tokens.getToken();
      return this.sendWithToken(path, freshToken, signal, onAnswered);
    }
  }

  private sendWithToken(
    path: string,
    token: string,
    signal: AbortSignal | undefined,
    onAnswered: ((body: Uint8Array) => void) | undefined,
  ): Promise<unknown> {
    return this.http.requestJson({
      method: 'GET',
      path,
      headers: { authorization: `Bearer ${token}` },
      signal,
      onAnswered,
    });
  }
}
