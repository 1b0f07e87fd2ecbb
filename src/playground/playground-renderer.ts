import type { ChartImages } from '../chart/chart-images';
import type { Answer } from '../chat/answer';
import type { ActionOptions } from '../chat/report-actions';
import { DownloadStore } from './download-store';
import { type PlaygroundResult, toPlaygroundResult } from './to-playground-result';

export interface PlaygroundRendererOptions {
  /** Where exports wait for their download link; default a 20-file in-memory LRU. */
  downloads?: DownloadStore;
  /** The buttons Teams offers, for the Teams pane; default none of CSV export and Share, as start-bot gives Teams. */
  teamsActions?: ActionOptions;
  /** The server's clock, for the messages' timestamps; default the wall clock. */
  now?: () => Date;
  /** Report charts as images in the Slack pane; default none (text bars). */
  charts?: ChartImages;
}

/** Renders answers for the page, keeping their files in `downloads` for the download route. */
export interface PlaygroundRenderer {
  render(answer: Answer): PlaygroundResult;
  readonly downloads: DownloadStore;
}

/**
 * One renderer for everything the page shows (replies, button answers, the channel view's posts),
 * so every file lands in the one store the download route serves.
 */
export function createPlaygroundRenderer(options: PlaygroundRendererOptions = {}): PlaygroundRenderer {
  const downloads = options.downloads ?? new DownloadStore();
  const teamsActions = options.teamsActions ?? { exportCsv: false, share: false };
  const now = options.now ?? (() => new Date());
  return {
    downloads,
    render: (answer) => toPlaygroundResult(answer, downloads, teamsActions, now(), options.charts),
  };
}
