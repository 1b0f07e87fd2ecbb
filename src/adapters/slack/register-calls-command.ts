import type { App } from '@slack/bolt';
import { toErrorReply } from '../../chat/to-error-reply';
import { renderSlack } from '../../render/render-slack';
import { type AnswerTarget, deliverAnswer, sendPrivately } from './deliver-answer';
import { runWithWorkingNote } from './run-with-working-note';
import { type SlackHandlerDeps, WORKING_NOTE } from './slack-handler-deps';

/**
 * The slash command (`/calls`, under whatever name the app gives it): acknowledged at once with an
 * empty 200, before the user is looked up or the PBX asked; the answer follows through
 * `response_url`, ephemeral, after a "Working on it…" note when it is slow.
 */
export function registerCallsCommand(app: App, deps: SlackHandlerDeps): void {
  app.command(/^\/.+/, async ({ command, ack, respond, client }) => {
    await ack();
    const target: AnswerTarget = {
      userId: command.user_id,
      channelId: command.channel_id || undefined,
      respond,
      replaceOriginal: false,
    };
    const context = { client, logger: deps.logger };
    try {
      const { result: answer, noted } = await runWithWorkingNote(
        async () =>
          deps.chat.answerText(command.text ?? '', await deps.users.resolveUser(client, command.user_id)),
        {
          delayMs: deps.workingNoticeMs,
          notify: () =>
            respond({ response_type: 'ephemeral', replace_original: false, text: WORKING_NOTE.text }),
        },
      );
      await deliverAnswer(answer, { ...target, replaceOriginal: noted }, context);
    } catch (error) {
      const reply = toErrorReply(error, deps.logger, {
        platform: 'slack',
        user: command.user_id,
        input: 'command',
      });
      await sendPrivately(renderSlack(reply), target, context);
    }
  });
}
