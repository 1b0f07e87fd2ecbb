import type { AlertDelivery } from '../alerts/alert-delivery';
import type { AlertSubscription, PostedAlert } from '../alerts/alert-store';
import { describeAlertReminder } from '../render/alert-sentences';
import { renderAlertNoteSlack, renderAlertSlack } from '../render/alert-slack';
import { type AlertCard, renderAlertNoteTeams, renderAlertTeams } from '../render/alert-teams';
import { renderAlertText } from '../render/alert-text';
import { PLAIN_ALERT_STYLE, SLACK_ALERT_STYLE, TEAMS_ALERT_STYLE } from '../render/alert-text-style';
import { toAlertView } from '../render/alert-view';
import type { SlackMessage } from '../render/slack-blocks';
import type { ChannelMessage, PlaygroundChannel } from './playground-channel';
import type { PlaygroundFile } from './to-playground-result';

/** An alert (or its reminder) as the channel view shows it: each platform's rendering, as a reply's. */
export interface PlaygroundAlertResult {
  slack: SlackMessage;
  teams: AlertCard;
  text: string;
  /** Alerts carry no files; there for the page, which shows every post's. */
  files: PlaygroundFile[];
  share: false;
  /** When it was drawn (the server's clock). */
  answeredAt: string;
}

/**
 * Live alerts of the playground's channel view: a post in the view (its number is the message
 * id), redrawn in place (`PlaygroundChannel.replace`), and the reminder as a post of its own.
 * Nothing goes to Slack or Teams.
 */
export function createPlaygroundAlertDelivery(channel: PlaygroundChannel, now: () => Date): AlertDelivery {
  const alertMessage = (
    subscription: AlertSubscription,
    alert: PostedAlert,
    masked: boolean,
    postedAt: Date,
  ): ChannelMessage => {
    const view = toAlertView(subscription, alert, masked);
    return {
      kind: 'alert',
      subscriptionId: subscription.id,
      result: {
        slack: renderAlertSlack(view),
        teams: renderAlertTeams(view),
        text: renderAlertText(view),
        files: [],
        share: false,
        answeredAt: postedAt.toISOString(),
      },
    };
  };
  return {
    post: async (subscription, alert, masked) => {
      const at = now();
      const post = channel.add(alertMessage(subscription, alert, masked, at), at);
      return { messageId: String(post.id) };
    },
    update: async (subscription, alert, masked) => {
      const id = Number(alert.message?.messageId);
      // Redrawn in place, as a Slack or Teams message is: it keeps the time it was first posted at.
      const original = channel.list().find((post) => post.id === id);
      const redrawn = original && alertMessage(subscription, alert, masked, new Date(original.postedAt));
      if (!redrawn || !channel.replace(id, redrawn)) {
        throw new Error('the alert is no longer in the playground channel');
      }
    },
    remind: async (subscription, alert) => {
      channel.add(
        {
          kind: 'alert-reminder',
          subscriptionId: subscription.id,
          result: {
            slack: renderAlertNoteSlack(describeAlertReminder(subscription, alert, SLACK_ALERT_STYLE)),
            teams: renderAlertNoteTeams(describeAlertReminder(subscription, alert, TEAMS_ALERT_STYLE)),
            text: describeAlertReminder(subscription, alert, PLAIN_ALERT_STYLE),
            files: [],
            share: false,
            answeredAt: now().toISOString(),
          },
        },
        now(),
      );
    },
  };
}
