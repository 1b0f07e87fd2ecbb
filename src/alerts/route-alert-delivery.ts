import { DIGEST_PLATFORM_NAMES, type DigestPlatform } from '../schedule/digest-schedule';
import type { AlertDelivery } from './alert-delivery';

/**
 * One delivery for the poller and the buttons, handing each alert to its conversation's platform.
 * `deliveries` is read at each call, so a platform's delivery may be added after the router is
 * made (Teams' needs its adapter, whose buttons need the router). An alert of a platform this bot
 * is not connected to fails with a short reason.
 */
export function routeAlertDelivery(
  deliveries: Partial<Record<DigestPlatform, AlertDelivery>>,
): AlertDelivery {
  const deliveryOf = (platform: DigestPlatform): AlertDelivery => {
    const delivery = deliveries[platform];
    if (!delivery) throw new Error(`${DIGEST_PLATFORM_NAMES[platform]} is not configured for this bot`);
    return delivery;
  };
  return {
    post: async (subscription, alert, masked) =>
      deliveryOf(subscription.target.platform).post(subscription, alert, masked),
    update: async (subscription, alert, masked) =>
      deliveryOf(subscription.target.platform).update(subscription, alert, masked),
    remind: async (subscription, alert) =>
      deliveryOf(subscription.target.platform).remind(subscription, alert),
  };
}
