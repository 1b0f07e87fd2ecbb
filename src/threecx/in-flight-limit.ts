/**
 * At most `limit` tasks at a time; the others wait, first come first served. The XAPI requester
 * takes a slot before it takes a token, so that no request waits for a connection (in the HTTP
 * agent's queue) holding a token that expires meanwhile.
 */
export class InFlightLimit {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active < this.limit) this.active += 1;
    // A finished task hands its slot straight to the next waiting one (active stays the same).
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    }
  }
}
