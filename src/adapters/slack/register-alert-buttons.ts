import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { AlertButtons } from '../../alerts/alert-buttons';
import { toErrorReply } from '../../chat/to-error-reply';
import { ALERT_ACTION_PREFIX } from '../../render/alert-actions';
import { describeAlertButtonResult } from '../../render/alert-sentences';
import { renderAlertNoteSlack } from '../../render/alert-slack';
import { SLACK_ALERT_STYLE } from '../../render/alert-text-style';
import { renderSlack } from '../../render/render-slack';
import { type AnswerTarget, sendPrivately } from './deliver-answer';
import type { SlackHandlerDeps } from './slack-handler-deps';

/**
 * The buttons of live alerts (`action_id` `alert_…`): acknowledged at once, the clicker looked
 * up as for any command, the click answered by `buttons` (which redraws the alert in the channel
 * with `chat.update`). What the clicker is told ("Chloe is already calling back") goes to them
 * alone, as an ephemeral message.
 */
export function registerAlertButtons(app: App, deps: SlackHandlerDeps, buttons: AlertButtons): void {
  const actionIds = new RegExp(`^${ALERT_ACTION_PREFIX}`);
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: actionIds }, async (args) => {
    const { ack, body, action, respond, client } = args;
    await ack();
    const channelId = body.channel?.id ?? stringOf(body.container.channel_id);
    const target: AnswerTarget = { userId: body.user.id, channelId, respond, replaceOriginal: false };
    const context = { client, logger: deps.logger };
    try {
      const result = await buttons.answer({
        actionId: action.action_id,
        value: action.value,
        user: await deps.users.resolveUser(client, body.user.id),
        userName: body.user.name ?? body.user.username,
        conversation: { platform: 'slack', conversationId: channelId ?? '' },
      });
      const text = describeAlertButtonResult(result, SLACK_ALERT_STYLE);
      if (text !== undefined) await sendPrivately(renderAlertNoteSlack(text), target, context);
    } catch (error) {
      const reply = toErrorReply(error, deps.logger, {
        platform: 'slack',
        user: body.user.id,
        actionId: action.action_id,
      });
      await sendPrivately(renderSlack(reply), target, context);
    }
  });
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
