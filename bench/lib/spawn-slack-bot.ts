import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** `slack-bot-main.ts` in its own process with `env` added, so the load generator does not skew it. */
export async function spawnSlackBot(env: Record<string, string>): Promise<{ url: string; stop(): void }> {
  const script = resolve(__dirname, 'slack-bot-main.ts');
  const child = spawn(process.execPath, ['--require', require.resolve('tsx/cjs'), script], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  process.once('exit', () => child.kill('SIGTERM'));
  const url = await new Promise<string>((resolveUrl, reject) => {
    let text = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /^BOT_URL=(\S+)$/m.exec(text);
      if (match) resolveUrl(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the bot exited with code ${code}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}
