import type { AlertChange } from '../../alerts/read-alert-command-change';
import type { NoticeReply } from '../../core/reply';
import { renderSlack } from '../../render/render-slack';
import type { DigestChange } from '../../schedule/read-digest-change';
import { type AnswerTarget, type DeliveryContext, sendPrivately } from './deliver-answer';
import { describeSlackError } from './describe-slack-error';

/** What was done, as the channel's byline says it. */
const BYLINES: Record<DigestChange | AlertChange, string> = {
  create: 'Scheduled by',
  remove: 'Removed by',
  subscribe: 'Alerts turned on by',
  unsubscribe: 'Alerts turned off by',
};

/** Why it matters that the bot cannot post in the channel, when it does. */
const CANNOT_POST: Partial<Record<DigestChange | AlertChange, string>> = {
  create: 'so the digest cannot post here either: invite the app (/invite @Calls), or remove the digest.',
  subscribe:
    'so the alerts cannot post here either: invite the app (/invite @Calls), or end them with "alerts off".',
};

/**
 * A digest created or removed, or alerts turned on or off, concern everyone in the channel, so the
 * confirmation is posted there (by `chat.postMessage`, naming who did it), not only to the asker.
 * That post also proves the bot can write in the channel; when it cannot, the asker gets the
 * confirmation privately, with a warning when a new digest or new alerts will not be able to post either.
 */
export async function announceDigestChange(
  reply: NoticeReply,
  change: DigestChange | AlertChange,
  target: AnswerTarget & { channelId: string },
  context: DeliveryContext,
): Promise<void> {
  const message = renderSlack(reply);
  const who = /^[A-Z0-9]+$/.test(target.userId) ? `<@${target.userId}>` : 'someone';
  const byline = `${BYLINES[change]} ${who} with /calls`;
  try {
    await context.client.chat.postMessage({
      channel: target.channelId,
      text: message.text,
      blocks: [...message.blocks, { type: 'context', elements: [{ type: 'mrkdwn', text: byline }] }],
    });
  } catch (error) {
    const reason = describeSlackError(error);
    context.logger.warn('Slack: a digest confirmation could not be posted in the channel', {
      user: target.userId,
      error: reason,
    });
    const consequence = CANNOT_POST[change];
    const warning = consequence
      ? `\nI could not post in this channel (Slack said: ${reason}), ${consequence}`
      : '';
    await sendPrivately(renderSlack({ kind: 'notice', text: `${reply.text}${warning}` }), target, context);
    return;
  }
  // A "Working on it…" note went to the asker alone: it has nothing more to say.
  if (target.replaceOriginal && target.respond) {
    try {
      await target.respond({ delete_original: true });
    } catch (error) {
      context.logger.debug('Slack: could not remove the working note', { error: describeSlackError(error) });
    }
  }
}
