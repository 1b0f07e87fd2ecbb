import type { AlertDelivery } from '../../alerts/alert-delivery';
import type { AlertSubscription, PostedAlert, PostedMessageRef } from '../../alerts/alert-store';
import { describeAlertReminder, describeAlertTitle } from '../../render/alert-sentences';
import { type AlertCard, renderAlertNoteTeams, renderAlertTeams } from '../../render/alert-teams';
import { PLAIN_ALERT_STYLE, TEAMS_ALERT_STYLE } from '../../render/alert-text-style';
import { toAlertView } from '../../render/alert-view';
import { describeConnectorError } from './describe-connector-error';
import { ADAPTIVE_CARD_CONTENT_TYPE, type OutgoingActivity } from './outgoing-activity';
import type { TeamsAlertMessages } from './teams-alert-messages';

/**
 * Live missed-call alerts in Teams: a proactive message (the alert's Adaptive Card) through the
 * stored conversation reference, whose activity id is the alert's message id; `updateActivity`
 * to redraw it; the claim's reminder as a reply to it. Throws a short reason when the bot cannot
 * post there or the Bot Connector refuses.
 */
export class TeamsAlertDelivery implements AlertDelivery {
  constructor(private readonly messages: TeamsAlertMessages) {}

  async post(
    subscription: AlertSubscription,
    alert: PostedAlert,
    masked: boolean,
  ): Promise<PostedMessageRef> {
    const activity = toAlertActivity(subscription, alert, masked);
    const posted = await refusedAs('post', () => this.messages.post(referenceKeyOf(subscription), activity));
    if (!posted) throw new Error(NOT_HERE);
    if (!posted.activityId) throw new Error('Teams accepted the alert but sent no activity id');
    return { messageId: posted.activityId };
  }

  async update(subscription: AlertSubscription, alert: PostedAlert, masked: boolean): Promise<void> {
    const activityId = activityIdOf(alert);
    const activity = toAlertActivity(subscription, alert, masked);
    const updated = await refusedAs('update', () =>
      this.messages.update(referenceKeyOf(subscription), activityId, activity),
    );
    if (!updated) throw new Error(NOT_HERE);
  }

  async remind(subscription: AlertSubscription, alert: PostedAlert): Promise<void> {
    const activityId = activityIdOf(alert);
    const text = describeAlertReminder(subscription, alert, TEAMS_ALERT_STYLE);
    const plain = describeAlertReminder(subscription, alert, PLAIN_ALERT_STYLE);
    const replied = await refusedAs('reply', () =>
      this.messages.reply(
        referenceKeyOf(subscription),
        activityId,
        toAlertCardActivity(renderAlertNoteTeams(text), plain),
      ),
    );
    if (!replied) throw new Error(NOT_HERE);
  }
}

const NOT_HERE = 'the bot is no longer in this conversation';

function toAlertActivity(
  subscription: AlertSubscription,
  alert: PostedAlert,
  masked: boolean,
): OutgoingActivity {
  const view = toAlertView(subscription, alert, masked);
  return toAlertCardActivity(renderAlertTeams(view), describeAlertTitle(view, PLAIN_ALERT_STYLE));
}

/** One alert card (or note), with its plain summary for notifications and the activity feed. */
export function toAlertCardActivity(card: AlertCard, summary: string): OutgoingActivity {
  return {
    type: 'message',
    summary,
    attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }],
  };
}

function referenceKeyOf(subscription: AlertSubscription): string {
  return subscription.target.referenceKey ?? subscription.target.conversationId;
}

function activityIdOf(alert: PostedAlert): string {
  if (!alert.message) throw new Error('the alert has no posted message');
  return alert.message.messageId;
}

/** The Bot Connector's refusal in a few words (no URL, no token). */
async function refusedAs<T>(what: 'post' | 'update' | 'reply', send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    const about = what === 'post' ? 'conversation' : 'message';
    throw new Error(`Teams refused the ${what} (${describeConnectorError(error, about)})`);
  }
}
