import type { AlertSubscription, PostedAlert, PostedMessageRef } from './alert-store';

/**
 * Posts and updates alert messages on one platform (Slack `chat.postMessage` / `chat.update` and a
 * thread reply; Teams a proactive message / `updateActivity` / a reply; the playground's channel).
 * Each method resolves once the platform accepted the message and throws when it did not (short
 * reason, no secret). `masked`: the subscriber may not see numbers, so the message shows neither
 * the number nor the Call link.
 */
export interface AlertDelivery {
  /** A new alert, with its buttons ("I'll call back", and "Release" once claimed). */
  post(subscription: AlertSubscription, alert: PostedAlert, masked: boolean): Promise<PostedMessageRef>;
  /** The alert's message redrawn in place from `alert` (claimed, released, returned). */
  update(subscription: AlertSubscription, alert: PostedAlert, masked: boolean): Promise<void>;
  /** The claim's one reminder, in the message's thread (Teams: a reply in the conversation). */
  remind(subscription: AlertSubscription, alert: PostedAlert): Promise<void>;
}
