import type { ChartData } from '../core/reply';
import { chartImageUrl } from './chart-image-route';
import type { ChartImageStore } from './chart-image-store';
import { renderChartPng } from './render-chart-png';

/** Turns a reply's chart into the URL of its PNG; undefined when it could not be drawn (the caller falls back to text). */
export interface ChartImages {
  urlFor(chart: ChartData): string | undefined;
}

export interface ChartImagesOptions {
  store: ChartImageStore;
  /** PUBLIC_URL without its trailing slash; '' makes links relative to the bot's own server (the playground page). */
  baseUrl: string;
  /** Told when a chart could not be drawn; the reply then goes without its image. */
  onError: (error: unknown) => void;
  /** Default `renderChartPng`; tests pass one that fails. */
  render?: (chart: ChartData) => Buffer;
}

/** Draws each chart once, keeps the PNG in the store and gives its URL on the bot's chart route. */
export function createChartImages(options: ChartImagesOptions): ChartImages {
  const render = options.render ?? renderChartPng;
  return {
    urlFor: (chart) => {
      let png: Buffer;
      try {
        png = render(chart);
      } catch (error) {
        options.onError(error);
        return undefined;
      }
      return chartImageUrl(options.baseUrl, options.store.add(png).id);
    },
  };
}
