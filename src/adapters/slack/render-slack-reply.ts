import type { ChartImages } from '../../chart/chart-images';
import type { Reply } from '../../core/reply';
import { renderSlack } from '../../render/render-slack';
import type { SlackMessage } from '../../render/slack-blocks';

/** A reply as Slack gets it, and the same without its chart image for when Slack refuses the image. */
export interface RenderedSlackReply {
  message: SlackMessage;
  /** Set only when `message` has the chart as an image: the text-bar rendering to send instead. */
  withoutImage?: SlackMessage;
}

/**
 * Renders a reply for Slack; a report with a chart gets it as an image at `charts` (PUBLIC_URL),
 * which the renderer puts in an `image` block. Without `charts`, or when the chart cannot be
 * drawn, the renderer's text bars stand instead.
 */
export function renderSlackReply(reply: Reply, charts: ChartImages | undefined): RenderedSlackReply {
  const plain = renderSlack(reply);
  if (reply.kind !== 'report' || !reply.chart || !charts) return { message: plain };
  const imageUrl = charts.urlFor(reply.chart);
  if (!imageUrl) return { message: plain };
  const message = renderSlack(reply, { chartImage: { imageUrl } });
  return message.blocks.some((block) => block.type === 'image')
    ? { message, withoutImage: plain }
    : { message: plain };
}
