import type { Config } from '../config/config';
import { describeError } from '../core/errors';
import type { Logger } from '../core/logger';
import type { Route } from '../server/http-server';
import { createChartImageRoute } from './chart-image-route';
import { ChartImageStore } from './chart-image-store';
import { type ChartImages, createChartImages } from './chart-images';

/** What start-bot wires: the chart route, and where each surface gets its chart images from. */
export interface ChartImageSetup {
  /** `GET /chart.png?id=…`, always mounted (it serves nothing until an image was made). */
  route: Route;
  /** Slack's images, at PUBLIC_URL; undefined without it (Slack then shows text bars). */
  slack: ChartImages | undefined;
  /** The playground page's images, as links relative to the bot's own server. */
  playground: ChartImages;
}

/** One store for every surface, with CHART_IMAGE_TTL_MINUTES; images that fail to draw are logged. */
export function setUpChartImages(options: {
  config: Config;
  logger: Logger;
  now: () => Date;
}): ChartImageSetup {
  const { config, logger, now } = options;
  const store = new ChartImageStore({ ttlMs: config.chartImageTtlMinutes * 60_000, now });
  const onError = (error: unknown) =>
    logger.warn('a chart could not be drawn; the reply shows its text bars instead', {
      error: describeError(error),
    });
  if (config.publicUrl && /^postgres(ql)?:\/\//i.test(config.databaseUrl)) {
    logger.warn(
      'PUBLIC_URL with a postgres:// DATABASE_URL: chart images stay in the memory of the replica that drew them; with several replicas Slack may not find them (the replies then show text bars). See docs/slack.md, "Charts".',
    );
  }
  return {
    route: createChartImageRoute(store, now),
    slack: config.publicUrl ? createChartImages({ store, baseUrl: config.publicUrl, onError }) : undefined,
    playground: createChartImages({ store, baseUrl: '', onError }),
  };
}
