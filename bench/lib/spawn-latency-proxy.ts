import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** `latency-proxy.ts` in its own process (so piping the pages costs the measured process nothing). */
export async function spawnLatencyProxy(
  targetUrl: string,
  delayMs: number,
): Promise<{ url: string; stop(): void }> {
  const script = resolve(__dirname, 'latency-proxy-main.ts');
  const child = spawn(
    process.execPath,
    ['--require', require.resolve('tsx/cjs'), script, targetUrl, String(delayMs)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolveUrl, reject) => {
    let text = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /^PROXY_URL=(\S+)$/m.exec(text);
      if (match) resolveUrl(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the latency proxy exited with code ${code}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}
