/**
 * The Slack side of the ack benchmark, in its own process so that neither the bot nor the fake
 * Web API shares its event loop: reads `{ url, requests: [{ headers, body }] }` (bodies signed
 * beforehand) as JSON on stdin, opens one keep-alive connection per request first (as Slack's
 * pooled senders hold them), then writes every request at once and times each from its write to
 * its response headers. Prints `RESULT {"sentAtMs":[...],"ackMs":[...],"statuses":[...]}`, with
 * `sentAtMs` on the wall clock (epoch ms, fractional) so another process can time the answers.
 * `node --require tsx/cjs bench/lib/slack-load-main.ts < requests.json`
 */
import { Agent, request } from 'node:http';
import { printResult } from './run-bench-child';

export interface SlackLoadInput {
  /** The bot's `/slack/events` URL. */
  url: string;
  requests: { headers: Record<string, string>; body: string }[];
}

export interface SlackLoadResult {
  sentAtMs: number[];
  ackMs: number[];
  statuses: number[];
}

async function main(): Promise<void> {
  const input = JSON.parse(await readStdin()) as SlackLoadInput;
  const url = new URL(input.url);
  const agent = new Agent({ keepAlive: true, maxSockets: input.requests.length });
  await Promise.all(input.requests.map(() => send(agent, new URL('/healthz', url), 'GET', {}, '')));
  const started = input.requests.map(() => 0);
  const pending = input.requests.map((each, index) => {
    started[index] = performance.now();
    return send(agent, url, 'POST', each.headers, each.body);
  });
  const results = await Promise.all(pending);
  agent.destroy();
  printResult({
    sentAtMs: started.map((ms) => performance.timeOrigin + ms),
    ackMs: results.map((result, index) => result.atMs - started[index]!),
    statuses: results.map((result) => result.status),
  } satisfies SlackLoadResult);
}

/** One request; resolves when its response has arrived in full (the time taken at its headers). */
function send(
  agent: Agent,
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; atMs: number }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      { method, agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
      (response) => {
        const atMs = performance.now();
        response.resume();
        response.once('end', () => resolve({ status: response.statusCode ?? 0, atMs }));
      },
    );
    outgoing.once('error', reject);
    outgoing.end(body);
  });
}

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
    process.stdin.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.once('error', reject);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
