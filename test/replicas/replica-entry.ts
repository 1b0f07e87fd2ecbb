/**
 * One bot replica as its own process, for the replica tests: `node --import tsx
 * test/replicas/replica-entry.ts` with the bot's environment (DATABASE_URL, THREECX_*, SLACK_*…).
 * Prints `REPLICA_READY <url>` on stdout once it serves; logs go to stderr; SIGTERM stops it.
 *
 * Test-only variables, read here and nowhere in src/:
 * - CALLS_BOT_TEST_CLOCK_START_MS, CALLS_BOT_TEST_CLOCK_EPOCH_MS, CALLS_BOT_TEST_CLOCK_SPEED: the
 *   bot's clock reads START at real time EPOCH and runs SPEED times as fast (every replica gets the
 *   same values, so their clocks agree), so a digest due every minute comes every few seconds.
 * - CALLS_BOT_TEST_TICK_MS: instead of the scheduler's own timer (which sleeps in real time until
 *   the next occurrence), tick every so many real milliseconds.
 */

import { secretsOf } from '../../src/config/config';
import { loadConfig } from '../../src/config/load-config';
import { createLogger } from '../../src/core/logger';
import { startBot } from '../../src/start-bot';

function readFastClock(): (() => Date) | undefined {
  const startMs = Number(process.env.CALLS_BOT_TEST_CLOCK_START_MS);
  const epochMs = Number(process.env.CALLS_BOT_TEST_CLOCK_EPOCH_MS);
  const speed = Number(process.env.CALLS_BOT_TEST_CLOCK_SPEED);
  if (!Number.isFinite(startMs) || !Number.isFinite(epochMs) || !(speed > 0)) return undefined;
  return () => new Date(startMs + (Date.now() - epochMs) * speed);
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const secrets = secretsOf(config);
  const logger = createLogger({ level: config.logLevel, secrets: () => secrets });
  const now = readFastClock();
  const tickMs = Number(process.env.CALLS_BOT_TEST_TICK_MS);
  const ownTicks = Number.isFinite(tickMs) && tickMs > 0;
  const bot = await startBot({ config, logger, ...(now && { now }), startScheduler: !ownTicks });
  let ticking = false;
  const timer = ownTicks
    ? setInterval(() => {
        if (ticking) return;
        ticking = true;
        void bot.scheduler.tick().finally(() => {
          ticking = false;
        });
      }, tickMs)
    : undefined;
  process.stdout.write(`REPLICA_READY ${bot.url}\n`);
  process.once('SIGTERM', () => {
    if (timer) clearInterval(timer);
    bot.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`replica could not start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
