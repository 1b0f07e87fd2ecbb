import type { DigestDelivery } from './digest-delivery';
import { DIGEST_PLATFORM_NAMES, type DigestPlatform } from './digest-schedule';

/**
 * One delivery for the scheduler that hands each digest to its platform's delivery. A digest of a
 * platform this bot is not connected to (Slack configuration removed since) fails with a short
 * reason that `schedules` shows.
 */
export function routeDigestDelivery(
  deliveries: Partial<Record<DigestPlatform, DigestDelivery>>,
): DigestDelivery {
  return {
    deliver: async (schedule, reply) => {
      const delivery = deliveries[schedule.target.platform];
      if (!delivery) {
        throw new Error(`${DIGEST_PLATFORM_NAMES[schedule.target.platform]} is not configured for this bot`);
      }
      await delivery.deliver(schedule, reply);
    },
  };
}
