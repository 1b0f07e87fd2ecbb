import type { App } from '@slack/bolt';
import { readAlertChange } from '../../alerts/read-alert-command-change';
import { toErrorReply } from '../../chat/to-error-reply';
import type { ConversationTarget } from '../../core/conversation-target';
import { renderSlack } from '../../render/render-slack';
import { readDigestChange } from '../../schedule/read-digest-change';
import { announceDigestChange } from './announce-digest-change';
import { type AnswerTarget, deliverAnswer, sendPrivately } from './deliver-answer';
import { runWithWorkingNote } from './run-with-working-note';
import { type SlackHandlerDeps, WORKING_NOTE } from './slack-handler-deps';

/**
 * The slash command (`/calls`, under whatever name the app gives it): acknowledged at once with an
 * empty 200, before the user is looked up or the PBX asked; the answer follows through
 * `response_url`, ephemeral, after a "Working on it…" note when it is slow. A digest created or
 * removed, and alerts turned on or off, are confirmed in the channel instead (`announceDigestChange`).
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
    const context = { client, logger: deps.logger, charts: deps.charts };
    const text = command.text ?? '';
    // Where the command was typed: digests created here are posted here.
    const conversation: ConversationTarget | undefined = command.channel_id
      ? {
          platform: 'slack',
          id: command.channel_id,
          ...(command.team_id && { teamId: command.team_id }),
          ...(command.channel_name && { label: `#${command.channel_name}` }),
        }
      : undefined;
    try {
      const { result: answer, noted } = await runWithWorkingNote(
        async () =>
          deps.chat.answerText(text, await deps.users.resolveUser(client, command.user_id), conversation),
        {
          delayMs: deps.workingNoticeMs,
          notify: () =>
            respond({ response_type: 'ephemeral', replace_original: false, text: WORKING_NOTE.text }),
        },
      );
      const change = readDigestChange(text) ?? readAlertChange(text);
      if (change && answer.reply.kind === 'notice' && target.channelId) {
        const channelId = target.channelId;
        await announceDigestChange(
          answer.reply,
          change,
          { ...target, channelId, replaceOriginal: noted },
          context,
        );
        return;
      }
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
