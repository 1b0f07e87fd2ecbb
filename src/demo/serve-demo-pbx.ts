/**
 * Runs the demo PBX on its own: `npx tsx src/demo/serve-demo-pbx.ts [--port N] [--calls-per-day N]
 * [--seed N] [--days N] [--host H]`. Prints the URL and the API client's credentials; Ctrl+C stops.
 */

import { describeError } from '../core/errors';
import { startDemoPbx } from './demo-pbx';

const NUMBER_FLAGS = ['--port', '--calls-per-day', '--seed', '--days'] as const;

/** Reads `--flag value` pairs; unknown flags or bad numbers are reported and exit with code 2. */
function parseArguments(argv: string[]): { numbers: Map<string, number>; host?: string } {
  const numbers = new Map<string, number>();
  let host: string | undefined;
  for (let index = 0; index < argv.length; index += 2) {
    const flag = argv[index]!;
    const value = argv[index + 1];
    if (flag === '--host' && value !== undefined) {
      host = value;
    } else if (
      (NUMBER_FLAGS as readonly string[]).includes(flag) &&
      value !== undefined &&
      /^\d+$/.test(value)
    ) {
      numbers.set(flag, Number(value));
    } else {
      process.stderr.write(
        `Could not read '${[flag, value].filter(Boolean).join(' ')}'.\n` +
          'Usage: npx tsx src/demo/serve-demo-pbx.ts [--port N] [--calls-per-day N] [--seed N] [--days N] [--host H]\n',
      );
      process.exit(2);
    }
  }
  return host === undefined ? { numbers } : { numbers, host };
}

async function main(): Promise<void> {
  const { numbers, host } = parseArguments(process.argv.slice(2));
  const pbx = await startDemoPbx({
    port: numbers.get('--port') ?? 0,
    ...(numbers.has('--calls-per-day') ? { callsPerDay: numbers.get('--calls-per-day')! } : {}),
    ...(numbers.has('--seed') ? { seed: numbers.get('--seed')! } : {}),
    ...(numbers.has('--days') ? { days: numbers.get('--days')! } : {}),
    ...(host === undefined ? {} : { host }),
  });
  process.stdout.write(
    `Demo 3CX PBX listening on ${pbx.url}\n` +
      `THREECX_URL=${pbx.url}\nTHREECX_CLIENT_ID=${pbx.clientId}\nTHREECX_CLIENT_SECRET=${pbx.clientSecret}\n`,
  );
  const stop = () => {
    pbx.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`The demo PBX could not start: ${describeError(error)}\n`);
  process.exit(1);
});
