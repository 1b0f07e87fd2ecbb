import type { RespondFn, webApi } from '@slack/bolt';
import type { ChartImages } from '../../chart/chart-images';
import type { Answer, ExportFile } from '../../chat/answer';
import type { Logger } from '../../core/logger';
import type { ErrorReply } from '../../core/reply';
import { renderSlack } from '../../render/render-slack';
import { SLACK_LIMITS, type SlackBlock, type SlackMessage } from '../../render/slack-blocks';
import { describeSlackError } from './describe-slack-error';
import { openDirectMessage } from './open-direct-message';
import { postWithImageFallback } from './post-with-image-fallback';
import { renderSlackReply } from './render-slack-reply';
import { uploadToDirectMessage } from './upload-to-direct-message';

/** Where an answer goes: the asker, the conversation they asked in, and how to reach them. */
export interface AnswerTarget {
  userId: string;
  /** The channel of the command or button; undefined for App Home clicks. */
  channelId: string | undefined;
  /** Posts to the request's `response_url`; undefined when there is none (App Home). */
  respond: RespondFn | undefined;
  /** Replace the message the request came from (the "Working on it…" note, or the report a button sits on). */
  replaceOriginal: boolean;
}

export interface DeliveryContext {
  client: webApi.WebClient;
  logger: Logger;
  /** Where report charts become images (PUBLIC_URL); undefined: text bars. */
  charts?: ChartImages | undefined;
}

/**
 * Delivers a chat answer the way the product promises: files to the asker's DM with the bot, the
 * reply ephemeral (through `response_url`, else as a DM), and only a Share posts in the channel.
 * Slack failures are logged and, where the asker would otherwise wait for nothing, told to them.
 */
export async function deliverAnswer(
  answer: Answer,
  target: AnswerTarget,
  context: DeliveryContext,
): Promise<void> {
  const fileError = await sendFiles(answer.files, target.userId, context);
  const rendered = renderSlackReply(answer.reply, context.charts);
  if (answer.share) {
    await shareInChannel(rendered.message, target, context, rendered.withoutImage);
    return;
  }
  if (fileError && answer.reply.kind === 'notice') {
    await sendPrivately(renderSlack(fileError), target, context);
    return;
  }
  await sendPrivately(rendered.message, target, context, rendered.withoutImage);
  if (fileError) await sendPrivately(renderSlack(fileError), { ...target, replaceOriginal: false }, context);
}

/**
 * Sends a message only the asker sees: ephemeral via `response_url`, else (or if that fails) in
 * their DM. With `withoutImage`, a message Slack refuses (it could not fetch the chart image, say)
 * is sent again that way, with the text bars, before giving up on a route.
 */
export async function sendPrivately(
  message: SlackMessage,
  target: AnswerTarget,
  context: DeliveryContext,
  withoutImage?: SlackMessage,
): Promise<void> {
  const versions = withoutImage ? [message, withoutImage] : [message];
  if (target.respond) {
    const respond = target.respond;
    for (const version of versions) {
      try {
        await respond({
          response_type: 'ephemeral',
          replace_original: target.replaceOriginal,
          text: version.text,
          blocks: version.blocks,
        });
        return;
      } catch (error) {
        const imageRefused = version !== withoutImage && withoutImage !== undefined;
        context.logger.warn(
          imageRefused
            ? 'Slack response_url refused the reply with its chart image; trying the text bars'
            : 'Slack response_url failed; answering by direct message',
          { user: target.userId, error: describeSlackError(error) },
        );
      }
    }
  }
  try {
    const channel = await openDirectMessage(context.client, target.userId);
    await postWithImageFallback(context, { channel, ...message }, withoutImage);
  } catch (error) {
    context.logger.error('Slack answer could not be delivered', {
      user: target.userId,
      error: describeSlackError(error),
    });
  }
}

async function sendFiles(
  files: ExportFile[],
  userId: string,
  context: DeliveryContext,
): Promise<ErrorReply | undefined> {
  for (const file of files) {
    try {
      await uploadToDirectMessage(context.client, userId, file);
    } catch (error) {
      const reason = describeSlackError(error);
      context.logger.warn('Slack file upload failed', { user: userId, file: file.filename, error: reason });
      return {
        kind: 'error',
        message: `The file ${file.filename} could not be sent to your direct messages (Slack said: ${reason}).`,
        hint: 'If this keeps happening, ask your Slack admin to check that the app has the files:write and im:write scopes (reinstall it from manifests/slack/manifest.yaml).',
      };
    }
  }
  return undefined;
}

/** Share to channel: the same report for everyone (buttons dropped, the sharer named), then a private confirmation. */
async function shareInChannel(
  message: SlackMessage,
  target: AnswerTarget,
  context: DeliveryContext,
  withoutImage?: SlackMessage,
): Promise<void> {
  const toShared = (version: SlackMessage): SlackMessage => ({
    text: version.text,
    blocks: toSharedBlocks(version.blocks, target.userId),
  });
  const shared = toShared(message);
  const sharedWithoutImage = withoutImage ? toShared(withoutImage) : undefined;
  const confirm = (text: string) =>
    sendPrivately(renderSlack({ kind: 'notice', text }), { ...target, replaceOriginal: false }, context);
  try {
    const channel = target.channelId ?? (await openDirectMessage(context.client, target.userId));
    await postWithImageFallback(context, { channel, ...shared }, sharedWithoutImage);
    await confirm('Shared in the channel.');
    return;
  } catch (error) {
    const reason = describeSlackError(error);
    context.logger.warn('Slack share by chat.postMessage failed', { user: target.userId, error: reason });
    if (target.respond) {
      try {
        await target.respond({
          response_type: 'in_channel',
          replace_original: false,
          ...(sharedWithoutImage ?? shared),
        });
        return;
      } catch (fallbackError) {
        context.logger.warn('Slack share by response_url failed', {
          user: target.userId,
          error: describeSlackError(fallbackError),
        });
      }
    }
    const failure: ErrorReply = {
      kind: 'error',
      message: `The report could not be posted in this channel (Slack said: ${reason}).`,
      hint: 'Invite the app to the channel (/invite @Calls) and press Share again.',
    };
    await sendPrivately(renderSlack(failure), { ...target, replaceOriginal: false }, context);
  }
}

function toSharedBlocks(blocks: SlackBlock[], userId: string): SlackBlock[] {
  const content = blocks.filter((block) => block.type !== 'actions').slice(0, SLACK_LIMITS.maxBlocks - 1);
  const sharer = /^[A-Z0-9]+$/.test(userId) ? `Shared by <@${userId}>` : 'Shared from /calls';
  return [...content, { type: 'context', elements: [{ type: 'mrkdwn', text: sharer }] }];
}
