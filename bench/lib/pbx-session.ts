import { Agent, request } from 'undici';

/**
 * A keep-alive pool to a demo PBX and its API client's bearer token: what a hand-written script
 * sets up. The demo keeps one token per client, so a 401 (another client took a token) fetches a
 * new one and repeats the request once.
 */
export class PbxSession {
  readonly agent: Agent;
  private token: Promise<string> | undefined;

  constructor(
    private readonly pbx: { url: string; clientId: string; clientSecret: string },
    connections: number,
  ) {
    this.agent = new Agent({ keepAliveTimeout: 10_000, connections });
  }

  /** GET a path and JSON.parse the whole body, the plain way. */
  async getJson(path: string): Promise<Record<string, unknown>> {
    for (let attempt = 0; ; attempt++) {
      if (this.token === undefined) this.token = this.fetchToken();
      const tokenPromise = this.token;
      const token = await tokenPromise;
      const response = await request(this.pbx.url + path, {
        dispatcher: this.agent,
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      });
      const text = await response.body.text();
      if (response.statusCode === 200) return JSON.parse(text) as Record<string, unknown>;
      if (response.statusCode !== 401 || attempt > 0) {
        throw new Error(`The demo PBX answered ${response.statusCode}`);
      }
      if (this.token === tokenPromise) this.token = undefined;
    }
  }

  close(): Promise<void> {
    return this.agent.close();
  }

  private async fetchToken(): Promise<string> {
    const response = await request(`${this.pbx.url}/connect/token`, {
      method: 'POST',
      dispatcher: this.agent,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: this.pbx.clientId,
        client_secret: this.pbx.clientSecret,
        grant_type: 'client_credentials',
      }).toString(),
    });
    return ((await response.body.json()) as { access_token: string }).access_token;
  }
}
