import type { Reply } from '../core/reply';
import type { DigestSchedule } from './digest-schedule';

/**
 * Posts a digest's reply to its conversation: Slack `chat.postMessage` to the channel (paced, with
 * 429/5xx retries), Teams a proactive message through the stored conversation reference. Resolves
 * once the platform accepted the message; throws when it did not (the scheduler records the error
 * message as the run's failure reason, so it must be short and hold no secret).
 */
export interface DigestDelivery {
  deliver(schedule: DigestSchedule, reply: Reply): Promise<void>;
}
