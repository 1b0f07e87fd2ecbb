import type { Config } from './config/config';
import type { RunningBot } from './start-bot';

/** The few lines `npm start` prints for a person: what is on, what is off, where to go. */
export function startupBanner(config: Config, bot: RunningBot): string {
  const lines = [`calls-bot is listening on ${bot.url}`];
  lines.push(
    `  PBX:        ${config.threecx ? config.threecx.url : 'the built-in demo PBX (set THREECX_URL to use your 3CX)'}`,
  );
  for (const adapter of bot.adapters) lines.push(`  Chat:       ${adapter.description}`);
  if (!config.slack)
    lines.push('  Chat:       Slack not configured (set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN)');
  lines.push(
    bot.playground
      ? `  Playground: ${bot.url}/  (try a command there)`
      : '  Playground: off (not on loopback; set PLAYGROUND=true to serve it)',
  );
  lines.push(`  Health:     ${bot.url}/healthz and ${bot.url}/readyz`);
  return lines.join('\n');
}
