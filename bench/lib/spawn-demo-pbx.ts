import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** A demo PBX in its own process, so a benchmark measures only the client's memory and CPU. */
export interface SpawnedDemoPbx {
  url: string;
  clientId: string;
  clientSecret: string;
  stop(): void;
}

export async function spawnDemoPbx(flags: {
  callsPerDay: number;
  days: number;
  seed?: number;
}): Promise<SpawnedDemoPbx> {
  const script = resolve(__dirname, '..', '..', 'src', 'demo', 'serve-demo-pbx.ts');
  const args = [
    '--import',
    'tsx',
    script,
    '--calls-per-day',
    String(flags.callsPerDay),
    '--days',
    String(flags.days),
    '--seed',
    String(flags.seed ?? 7),
  ];
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  // A benchmark that dies (an error, a closed pipe) must not leave its PBX running.
  process.once('exit', () => child.kill('SIGTERM'));
  const output = await new Promise<string>((resolveOutput, reject) => {
    let text = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('THREECX_CLIENT_SECRET=') && text.endsWith('\n')) resolveOutput(text);
    });
    child.once('exit', (code) => reject(new Error(`the demo PBX exited with code ${code}`)));
  });
  const value = (name: string) => new RegExp(`^${name}=(.*)$`, 'm').exec(output)?.[1] ?? '';
  return {
    url: value('THREECX_URL'),
    clientId: value('THREECX_CLIENT_ID'),
    clientSecret: value('THREECX_CLIENT_SECRET'),
    stop: () => child.kill('SIGTERM'),
  };
}
