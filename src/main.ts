import { secretsOf } from './config/config';
import { loadConfig } from './config/load-config';
import { readEnvironment } from './config/read-environment';
import { AppError } from './core/errors';
import { createLogger } from './core/logger';
import { limitHeapGrowth } from './limit-heap-growth';
import { startBot } from './start-bot';
import { startupBanner } from './startup-banner';

/** `npm start`: load the configuration, start the bot, stop cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  limitHeapGrowth();
  const config = loadConfig(readEnvironment());
  let secrets = secretsOf(config);
  const logger = createLogger({ level: config.logLevel, secrets: () => secrets });
  // A last line of defence: a promise rejection nobody handled is a bug to log, not a reason to
  // drop every other conversation (Node 20 would otherwise exit).
  process.on('unhandledRejection', (reason: unknown) => {
    logger.error('unhandled promise rejection', {
      error: reason instanceof Error ? reason.message : String(reason),
    });
  });
  const bot = await startBot({ config, logger });
  // The playground's token (a generated one too) is for the banner alone, never for the log.
  const playgroundToken = bot.playground.serve ? bot.playground.token?.value : undefined;
  secrets = [...secrets, ...bot.connection.secrets, ...(playgroundToken ? [playgroundToken] : [])];
  process.stdout.write(`${startupBanner(config, bot)}\n`);
  logger.info('calls-bot is running', { url: bot.url, pbx: bot.connection.description });
  const stop = async (signal: string) => {
    logger.info('stopping', { signal });
    await bot.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof AppError) {
    process.stderr.write(`${error.message}\n${error.hint ?? ''}\n`);
    process.exit(2);
  }
  process.stderr.write(
    `calls-bot could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
