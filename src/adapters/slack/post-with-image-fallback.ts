import type { webApi } from '@slack/bolt';
import type { Logger } from '../../core/logger';
import type { SlackMessage } from '../../render/slack-blocks';
import { describeSlackError } from './describe-slack-error';

/** chat.postMessage; when Slack refuses the blocks (invalid_blocks: the chart image) and there is a version without it, that one. */
export async function postWithImageFallback(
  context: { client: webApi.WebClient; logger: Logger },
  args: SlackMessage & { channel: string },
  withoutImage: SlackMessage | undefined,
): Promise<void> {
  try {
    await context.client.chat.postMessage({ channel: args.channel, text: args.text, blocks: args.blocks });
  } catch (error) {
    if (!withoutImage || !isBlocksRefusal(error)) throw error;
    context.logger.warn('Slack refused the reply with its chart image; posting the text bars', {
      channel: args.channel,
      error: describeSlackError(error),
    });
    await context.client.chat.postMessage({
      channel: args.channel,
      text: withoutImage.text,
      blocks: withoutImage.blocks,
    });
  }
}

/** Slack's answer to blocks it will not take, e.g. "downloading image failed" for an image block. */
function isBlocksRefusal(error: unknown): boolean {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return data?.error === 'invalid_blocks';
}
