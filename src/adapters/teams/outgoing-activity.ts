import type { Reply } from '../../core/reply';
import { renderTeams, teamsSummaryText } from '../../render/render-teams';

/** The MIME type Teams expects for an Adaptive Card attachment. */
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** What the bot sends: a message (one card) or a typing indicator. SDK-neutral. */
export interface OutgoingActivity {
  type: 'message' | 'typing';
  /** Shown in notifications and the activity feed in place of the card. */
  summary?: string;
  attachments?: { contentType: string; content: unknown }[];
}

/** A reply as one message activity: the Adaptive Card, with the one-line summary for notifications. */
export function toReplyActivity(reply: Reply): OutgoingActivity {
  return {
    type: 'message',
    summary: teamsSummaryText(reply),
    attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: renderTeams(reply) }],
  };
}
