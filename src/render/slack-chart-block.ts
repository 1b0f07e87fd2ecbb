import type { ChartData, ReportReply } from '../core/reply';
import { cleanText, truncateText } from './clean-text';
import { drawChartBars } from './draw-bars';
import { escapeMrkdwn } from './escape-mrkdwn';
import { fitLines } from './fit-lines';
import { formatCount } from './format-number';
import { type ImageBlock, SLACK_LIMITS, type SlackBlock } from './slack-blocks';

/** Where a server-rendered picture of the reply's chart is: a public URL, or a file uploaded to Slack. */
export type SlackChartImage = { imageUrl: string } | { slackFileId: string };

const BAR_CHARS = 20;

/** A server-rendered picture of `chart`. */
export interface SlackChartPicture {
  chart: ChartData;
  image: SlackChartImage;
}

/**
 * A chart in Slack: its picture as an `image` block when there is one Slack accepts (`image_url`
 * or `slack_file`, titled and described by the pictured chart's title), else the text bars of
 * `chart` in a monospaced section, cut to `maxChars` with "…and N more".
 */
export function buildSlackChartBlocks(
  chart: ChartData,
  picture: SlackChartPicture | undefined,
  maxChars: number,
): SlackBlock[] {
  const image = picture ? buildImageBlock(picture.chart, picture.image) : null;
  if (image) return [image];
  const title = `*${escapeMrkdwn(cleanText(chart.title))}*`;
  const fence = '```';
  const room = Math.min(maxChars, SLACK_LIMITS.maxSectionTextChars) - title.length - fence.length * 2 - 3;
  if (room <= 0) return [];
  const bars = fitLines(
    drawChartBars(chart, BAR_CHARS).map(escapeMrkdwn),
    { maxChars: room, maxItems: chart.labels.length },
    (hidden) => `…and ${formatCount(hidden)} more`,
  );
  if (bars.length === 0) return [];
  return [
    { type: 'section', text: { type: 'mrkdwn', text: `${title}\n${fence}\n${bars.join('\n')}\n${fence}` } },
  ];
}

/** The picture of the reply's own chart, when there is one (without the chart there is nothing pictured). */
export function pictureOf(
  reply: ReportReply,
  image: SlackChartImage | undefined,
): SlackChartPicture | undefined {
  return reply.chart && image ? { chart: reply.chart, image } : undefined;
}

/** The image block, or null when the URL is too long for Slack or the file id empty. */
function buildImageBlock(chart: ChartData, image: SlackChartImage): ImageBlock | null {
  const title = truncateText(cleanText(chart.title), SLACK_LIMITS.maxImageTextChars) || 'Chart';
  const text = { alt_text: title, title: { type: 'plain_text' as const, text: title, emoji: true } };
  if ('imageUrl' in image) {
    const url = image.imageUrl.trim();
    if (url.length === 0 || url.length > SLACK_LIMITS.maxImageUrlChars) return null;
    return { type: 'image', image_url: url, ...text };
  }
  const id = image.slackFileId.trim();
  return id.length > 0 ? { type: 'image', slack_file: { id }, ...text } : null;
}
