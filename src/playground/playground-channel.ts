import type { ConversationTarget } from '../core/conversation-target';
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
 * digest as it would post now, recorded nowhere.
 */
export type ChannelMessage =
  | { kind: 'typed'; text: string }
  | { kind: 'reply'; result: PlaygroundResult }
  | { kind: 'digest' | 'preview'; scheduleId: string; result: PlaygroundResult };

/** A message as the view gets it: numbered in posting order, with the server's time. */
export type ChannelPost = ChannelMessage & { id: number; postedAt: string };

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

  /** The kept posts numbered above `afterId` (all by default), oldest first. */
  list(afterId = 0): ChannelPost[] {
    return this.posts.filter((post) => post.id > afterId);
  }

  /** The number of the oldest post kept (the next one to come when there is none). */
  get oldestId(): number {
    return this.posts[0]?.id ?? this.nextId;
  }

  /** The number of the newest post made (0 before the first): a page that knows a newer one saw an earlier process. */
  get newestId(): number {
    return this.nextId - 1;
  }
}
