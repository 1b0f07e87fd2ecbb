import type { ChatService } from '../chat/chat-service';
import type { Config } from '../config/config';
import type { Logger } from '../core/logger';
import type { Route } from '../server/http-server';
import { createPlaygroundRoutes } from './create-playground-routes';
import { type PlaygroundPlan, planPlayground } from './plan-playground';

export interface MountPlaygroundOptions {
  config: Config;
  /** Built like Slack's (CSV export and Share on): the page shows Slack's buttons. */
  chat: ChatService;
  logger: Logger;
  now: () => Date;
}

/**
 * The playground's routes as `planPlayground` decides (none when it is off, with a warning when
 * someone would expect it on), and the plan, for the startup banner. The token is never logged.
 */
export function mountPlayground(options: MountPlaygroundOptions): { plan: PlaygroundPlan; routes: Route[] } {
  const { config, logger } = options;
  const plan = planPlayground(config);
  if (!plan.serve) {
    if (plan.warn) logger.warn(`The playground is off: ${plan.reason}.`);
    return { plan, routes: [] };
  }
  const routes = createPlaygroundRoutes({
    chat: options.chat,
    logger,
    now: options.now,
    defaultTimeZone: config.defaultTimeZone ?? 'UTC',
    pbxDescription: config.threecx ? config.threecx.url : 'the built-in demo PBX',
    allowAnyHost: config.playground,
    ...(plan.token && { token: plan.token.value }),
  });
  return { plan, routes };
}
