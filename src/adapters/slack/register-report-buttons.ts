import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { toErrorReply } from '../../chat/to-error-reply';
import type { ReplyActionId } from '../../core/reply';
import { renderSlack } from '../../render/render-slack';
import { type AnswerTarget, deliverAnswer, sendPrivately } from './deliver-answer';
import { runWithWorkingNote } from './run-with-working-note';
import { type SlackHandlerDeps, WORKING_NOTE } from './slack-handler-deps';

/** Buttons that show another view of the report: their answer replaces the private message they sit on. */
const NAVIGATING: ReadonlySet<string> = new Set<ReplyActionId>([
  'missed',
  'by-extension',
  'previous',
  'next',
  'summary',
  'list',
]);

/**
 * The buttons under a report and on App Home (`action_id` `calls_<id>`, optionally `.<suffix>`).
 * Acknowledged at once; the value is handed to the chat service, which trusts nothing in it. A
 * click on a private report updates it in place; on a shared one it answers the clicker privately.
 */
export function registerReportButtons(app: App, deps: SlackHandlerDeps): void {
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: /^calls_/ }, async (args) => {
    const { ack, body, action, respond, client } = args;
    await ack();
    const actionId = toActionId(action.action_id);
    const channelId = body.channel?.id ?? stringOf(body.container.channel_id);
    const isPrivate = body.container.is_ephemeral === true || channelId?.startsWith('D') === true;
    const canReplace = respond !== undefined && isPrivate && NAVIGATING.has(actionId);
    const target: AnswerTarget = { userId: body.user.id, channelId, respond, replaceOriginal: false };
    const context = { client, logger: deps.logger, charts: deps.charts };
    try {
      const { result: answer, noted } = await runWithWorkingNote(
        async () =>
          deps.chat.answerAction(actionId, action.value, await deps.users.resolveUser(client, body.user.id)),
        {
          delayMs: canReplace ? deps.workingNoticeMs : Number.POSITIVE_INFINITY,
          notify: async () =>
            respond?.({ response_type: 'ephemeral', replace_original: true, text: WORKING_NOTE.text }),
        },
      );
      const replaceOriginal = noted || (canReplace && answer.reply.kind !== 'error');
      await deliverAnswer(answer, { ...target, replaceOriginal }, context);
    } catch (error) {
      const reply = toErrorReply(error, deps.logger, { platform: 'slack', user: body.user.id, actionId });
      await sendPrivately(renderSlack(reply), target, context);
    }
  });
}

/** `calls_previous` -> `previous`; `calls_summary.last-week` -> `summary`. */
function toActionId(actionId: string): string {
  return actionId.slice('calls_'.length).split('.')[0] ?? '';
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
