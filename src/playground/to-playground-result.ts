import { renderSlackReply } from '../adapters/slack/render-slack-reply';
import type { ChartImages } from '../chart/chart-images';
import { type Answer, exportFileSize } from '../chat/answer';
import { type ActionOptions, isActionOffered } from '../chat/report-actions';
import type { Reply } from '../core/reply';
import type { AdaptiveCard } from '../render/adaptive-card';
import { renderTeams } from '../render/render-teams';
import { renderText } from '../render/render-text';
import type { SlackMessage } from '../render/slack-blocks';
import type { DownloadStore } from './download-store';

/** A file the answer delivers, offered as a download link (`url`) instead of a direct message. */
export interface PlaygroundFile {
  filename: string;
  title: string;
  mimeType: string;
  /** Bytes, as downloaded (text in UTF-8). */
  size: number;
  url: string;
}

/** What the page gets back: the reply and each platform's rendering of it, by the bot's own renderers. */
export interface PlaygroundResult {
  reply: Reply;
  /** True after Share to channel: Slack would post the reply visibly. */
  share: boolean;
  slack: SlackMessage;
  teams: AdaptiveCard;
  text: string;
  files: PlaygroundFile[];
  /** When the server answered (its clock), for the message's timestamp. */
  answeredAt: string;
}

export const DOWNLOAD_PATH = '/playground/download';

/**
 * Renders an answer for all panes. The Teams card leaves out the buttons Teams does not offer
 * (`teamsActions`, as start-bot configures Teams), so each pane shows what its platform would.
 * With `charts`, a report's chart is an image block in the Slack pane (served by the bot itself,
 * whether or not PUBLIC_URL lets Slack see it); without, the text bars.
 */
export function toPlaygroundResult(
  answer: Answer,
  downloads: DownloadStore,
  teamsActions: ActionOptions,
  answeredAt: Date,
  charts?: ChartImages,
): PlaygroundResult {
  const files = answer.files.map((file) => ({
    filename: file.filename,
    title: file.title,
    mimeType: file.mimeType,
    size: exportFileSize(file),
    url: `${DOWNLOAD_PATH}?id=${downloads.add(file)}`,
  }));
  return {
    reply: answer.reply,
    share: answer.share,
    slack: renderSlackReply(answer.reply, charts).message,
    teams: renderTeams(withTeamsActions(answer.reply, teamsActions)),
    text: renderText(answer.reply),
    files,
    answeredAt: answeredAt.toISOString(),
  };
}

function withTeamsActions(reply: Reply, options: ActionOptions): Reply {
  if (reply.kind !== 'report' && reply.kind !== 'rows') return reply;
  return { ...reply, actions: reply.actions.filter((action) => isActionOffered(action.id, options)) };
}
