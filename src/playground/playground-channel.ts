import type { ConversationTarget } from '../core/conversation-target';
import type { PlaygroundAlertResult } from './playground-alert-delivery';
import type { PlaygroundResult } from './to-playground-result';

/**
 * The playground's channel view: a conversation of its own platform, shared by every page of this
 * bot. Digests scheduled there are stored like all others and posted only into it.
 */
export const PLAYGROUND_CONVERSATION: ConversationTarget = {
  platform: 'playground',
  id: 'playground-channel',
  label: '#playground',
};

/**
 * One message in the channel view. `typed`: what the user sent; `reply`: the bot's answer to it
 * (or to a button); `digest`: a scheduled digest the scheduler posted; `preview`: "Run now", a
 * digest as it would post now, recorded nowhere; `alert`: a live missed-call alert (redrawn in
 * place when claimed, released or returned); `alert-reminder`: a claim's reminder in its thread.
 */
export type ChannelMessage =
  | { kind: 'typed'; text: string }
  | { kind: 'reply'; result: PlaygroundResult }
  | { kind: 'digest' | 'preview'; scheduleId: string; result: PlaygroundResult }
  | { kind: 'alert' | 'alert-reminder'; subscriptionId: string; result: PlaygroundAlertResult };

/**
 * A message as the view gets it: numbered in posting order, with the server's time. A message
 * replaced in place keeps its number and place and gets `revisedId`, a number from the same
 * sequence, so a page that asks for what came after its newest number gets it again.
 */
export type ChannelPost = ChannelMessage & { id: number; postedAt: string; revisedId?: number };

export interface PlaygroundChannelOptions {
  /** The most posts kept; older ones go first. Default 50. */
  maxPosts?: number;
}

/**
 * The channel view's messages, in memory and bounded (newest `maxPosts`): they are a preview
 * and do not survive a restart (the digests themselves do, in the schedule store).
 */
export class PlaygroundChannel {
  private readonly posts: ChannelPost[] = [];
  private nextId = 1;
  private readonly maxPosts: number;

  constructor(options: PlaygroundChannelOptions = {}) {
    this.maxPosts = Math.max(1, options.maxPosts ?? 50);
  }

  add(message: ChannelMessage, postedAt: Date): ChannelPost {
    const post: ChannelPost = { ...message, id: this.nextId++, postedAt: postedAt.toISOString() };
    this.posts.push(post);
    if (this.posts.length > this.maxPosts) this.posts.splice(0, this.posts.length - this.maxPosts);
    return post;
  }

  /**
   * Replaces the message of post `id`, which keeps its number, place and time; false when the post
   * is no longer kept.
   */
  replace(id: number, message: ChannelMessage): boolean {
    const index = this.posts.findIndex((post) => post.id === id);
    const old = this.posts[index];
    if (!old) return false;
    this.posts[index] = { ...message, id, postedAt: old.postedAt, revisedId: this.nextId++ };
    return true;
  }

  /** The kept posts numbered (or revised) above `afterId` (all by default), in posting order. */
  list(afterId = 0): ChannelPost[] {
    return this.posts.filter((post) => (post.revisedId ?? post.id) > afterId);
  }

  /** The number of the oldest post kept (the next one to come when there is none). */
  get oldestId(): number {
    return this.posts[0]?.id ?? this.nextId;
  }

  /** The newest number given, to a post or a revision (0 before the first): a page that knows a newer one saw an earlier process. */
  get newestId(): number {
    return this.nextId - 1;
  }
}
