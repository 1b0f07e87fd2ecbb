import type { ChatUser } from './chat-user';

/**
 * The conversation a command was typed in: where a scheduled digest created there is posted, and
 * whose digests `schedules` lists. Adapters fill it in, and the playground's channel view is one
 * (`playground`); the terminal has none.
 */
export interface ConversationTarget {
  platform: ChatUser['platform'] | 'playground';
  /** Slack channel id (`C0123`, `G0123`, `D0123`), Teams conversation id without `;messageid=`, or the playground channel's. */
  id: string;
  /** Slack workspace (team) id, or the Teams tenant id. */
  teamId?: string;
  /** Teams: the key the conversation reference is stored under; default `id`. */
  referenceKey?: string;
  /** A name people recognise, e.g. `#support`; for lists and logs only. */
  label?: string;
}
