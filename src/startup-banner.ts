import type { Config } from './config/config';
import type { RunningBot } from './start-bot';

/**
 * The few lines `npm start` prints for a person: what is on, what is off, where to go. The only
 * place a generated playground token is shown, as a ready address (never in a log line).
 */
export function startupBanner(config: Config, bot: RunningBot): string {
  const lines = [`calls-bot is listening on ${bot.url}`];
  lines.push(
    `  PBX:        ${config.threecx ? config.threecx.url : 'the built-in demo PBX (set THREECX_URL to use your 3CX)'}`,
  );
  for (const adapter of bot.adapters) lines.push(`  Chat:       ${adapter.description}`);
  if (!config.slack)
    lines.push('  Chat:       Slack not configured (set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN)');
  if (config.slack) {
    lines.push(
      config.publicUrl
        ? `  Charts:     images in Slack from ${config.publicUrl}/chart.png`
        : '  Charts:     text bars in Slack (set PUBLIC_URL for images)',
    );
  }
  lines.push(`  Playground: ${describePlayground(bot)}`);
  lines.push(`  Health:     ${bot.url}/healthz and ${bot.url}/readyz`);
  return lines.join('\n');
}

function describePlayground(bot: RunningBot): string {
  const plan = bot.playground;
  if (!plan.serve) return `off (${plan.reason})`;
  if (!plan.token) return `${bot.url}/  (try a command there)`;
  if (plan.token.source === 'PLAYGROUND_TOKEN')
    return `${bot.url}/?token=<PLAYGROUND_TOKEN>  (open it with your token)`;
  return `${bot.url}/?token=${plan.token.value}  (open this address; a new token at each start)`;
}
