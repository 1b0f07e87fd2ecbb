import type { App } from '@slack/bolt';
import { buildHomeView } from './build-home-view';
import { describeSlackError } from './describe-slack-error';
import type { SlackHandlerDeps } from './slack-handler-deps';

/** `app_home_opened` on the Home tab: publishes the quick buttons and the usage for that user. */
export function registerAppHome(app: App, deps: Pick<SlackHandlerDeps, 'logger'>): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    try {
      await client.views.publish({ user_id: event.user, view: buildHomeView() });
    } catch (error) {
      deps.logger.warn('Slack views.publish failed', { user: event.user, error: describeSlackError(error) });
    }
  });
}
