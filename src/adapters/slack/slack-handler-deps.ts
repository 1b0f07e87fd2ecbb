import type { ChartImages } from '../../chart/chart-images';
import type { ChatService } from '../../chat/chat-service';
import type { Logger } from '../../core/logger';
import type { SlackUserResolver } from './slack-user-resolver';

/** What the Slack listeners share: the chat service, who is asking, the log, and when to say "working on it". */
export interface SlackHandlerDeps {
  chat: ChatService;
  users: SlackUserResolver;
  logger: Logger;
  /** After this long without an answer, a "Working on it…" note goes out first. */
  workingNoticeMs: number;
  /** Where report charts become images (PUBLIC_URL); undefined: text bars. */
  charts?: ChartImages | undefined;
}

export const WORKING_NOTE = { text: 'Working on it… (a long period can take a few seconds)' } as const;
