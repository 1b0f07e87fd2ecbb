import type { ChatUser } from '../core/chat-user';
import type { DigestSchedule } from './digest-schedule';

/**
 * A digest's creator as their platform describes them at run time. `found`: who they are now
 * (their current e-mail; the digest's zone). `gone`: they no longer exist there, were deactivated
 * or left the conversation: the digest stops. `failed`: the platform could not be asked (rate
 * limit, network, server error): this run fails with a notice and the next one asks again.
 * `reason` is short and safe to post in the conversation (no token, no URL).
 */
export type CreatorLookup =
  | { kind: 'found'; user: ChatUser }
  | { kind: 'gone'; reason: string }
  | { kind: 'failed'; reason: string };

/**
 * Looks up a digest's creator on their platform (Slack `users.info`, the Teams member of the
 * digest's conversation), afresh at every run, so a digest never runs on the e-mail its creator
 * had the day it was made. One per platform, wired where digests are wired.
 */
export interface DigestCreatorResolver {
  resolveCreator(schedule: DigestSchedule): Promise<CreatorLookup>;
  /**
   * The creator's locale as their platform tells it now (Slack `users.info`, the Teams
   * conversation reference they last wrote in), for reading the digest's numeric dates; undefined
   * when it does not say or cannot be asked (the stored locale then holds). Never throws.
   */
  readCreatorLocale?(schedule: DigestSchedule): Promise<string | undefined>;
}
