import { secretsOf } from './config/config';
import { loadConfig } from './config/load-config';
import { readEnvironment } from './config/read-environment';
import { AppError, describeError } from './core/errors';
import { createLogger } from './core/logger';
import { limitHeapGrowth } from './limit-heap-growth';
import { exitOnSignals, shutdownGraceMs } from './server/graceful-shutdown';
import { startBot } from './start-bot';
import { startupBanner } from './startup-banner';

/**
 * `npm start` (`exec node --import tsx src/main.ts`: this process gets the signals itself): load
 * the configuration, start the bot, stop cleanly on SIGINT/SIGTERM (src/server/graceful-shutdown.ts).
 */
async function main(): Promise<void> {
  limitHeapGrowth();
  const environment = readEnvironment();
  const config = loadConfig(environment);
  const graceMs = shutdownGraceMs(environment);
  let secrets = secretsOf(config);
  const logger = createLogger({ level: config.logLevel, secrets: () => secrets });
  // A last line of defence: a promise rejection nobody handled is a bug to log, not a reason to
  // drop every other conversation (Node 20 would otherwise exit).
  process.on('unhandledRejection', (reason: unknown) => {
    logger.error('unhandled promise rejection', {
      error: describeError(reason),
    });
  });
  const bot = await startBot({ config, logger });
  // The playground's token (a generated one too) is for the banner alone, never for the log.
  const playgroundToken = bot.playground.serve ? bot.playground.token?.value : undefined;
  secrets = [...secrets, ...bot.connection.secrets, ...(playgroundToken ? [playgroundToken] : [])];
  // Stop accepting, give the replies in flight the grace period, tell Slack askers still waiting
  // that the bot restarts, close the store and the PBX client; a second signal exits at once.
  // Before the banner: whoever waits for it to send a signal must find the handlers in place.
  exitOnSignals({ logger, graceMs, stop: (grace) => bot.close({ graceMs: grace }) });
  process.stdout.write(`${startupBanner(config, bot)}\n`);
  logger.info('calls-bot is running', { url: bot.url, pbx: bot.connection.description });
}

main().catch((error: unknown) => {
  if (error instanceof AppError) {
    process.stderr.write(`${error.message}\n${error.hint ?? ''}\n`);
    process.exit(2);
  }
  process.stderr.write(`calls-bot could not start: ${describeError(error)}\n`);
  process.exit(1);
});
