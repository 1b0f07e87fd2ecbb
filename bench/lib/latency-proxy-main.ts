/** `node --require tsx/cjs bench/lib/latency-proxy-main.ts <targetUrl> <delayMs>`: prints `PROXY_URL=...`. */
import { startLatencyProxy } from './latency-proxy';

async function main(): Promise<void> {
  const [targetUrl, delay] = process.argv.slice(2);
  const proxy = await startLatencyProxy(targetUrl ?? '', Number(delay ?? 0));
  process.stdout.write(`PROXY_URL=${proxy.url}\n`);
  process.once('SIGTERM', () => {
    proxy.close().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
