import { runCli } from './adapters/cli/run-cli';
import { readEnvironment } from './config/read-environment';
import { describeError } from './core/errors';
import { limitHeapGrowth } from './limit-heap-growth';

/** Entry point of `npm run calls`: the bot in a terminal. */
limitHeapGrowth();
runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: readEnvironment(),
  now: () => new Date(),
  machineTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`Unexpected error: ${describeError(error)}\n`);
    process.exitCode = 1;
  },
);
