/**
 * The real bot (`startBot`) in its own process, configured from the environment as `npm start`
 * is, logging errors only: `node --require tsx/cjs bench/lib/slack-bot-main.ts`. Prints
 * `BOT_URL=...` once it listens; SIGTERM stops it.
 */
import { loadConfig } from '../../src/config/load-config';
import { createLogger } from '../../src/core/logger';
import { limitHeapGrowth } from '../../src/limit-heap-growth';
import { startBot } from '../../src/start-bot';

async function main(): Promise<void> {
  // As the bot's own entry points do (src/main.ts), so that this measures the bot's process.
  limitHeapGrowth();
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'error' });
  const bot = await startBot({ config, logger: createLogger({ level: 'error' }) });
  process.stdout.write(`BOT_URL=${bot.url}\n`);
  process.once('SIGTERM', () => {
    bot.close().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
