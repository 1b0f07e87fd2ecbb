import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, openWatchedPage } from '../helpers/chromium';
import { createClock, type TestClock } from '../schedule/schedule-helpers';
import { type PlaygroundTestBed, startPlaygroundTestBed } from './playground-test-bed';

/** The zone of the channel-view browser tests' page. */
export const CHANNEL_VIEW_ZONE = 'Europe/Berlin';

/** The channel view's bot, clock and page, set once the describe block's `beforeAll` ran. */
export interface ChannelViewInChromium {
  readonly bed: PlaygroundTestBed;
  readonly clock: TestClock;
  readonly page: Page;
  /** Page errors and console errors seen so far (a test expects none at its end). */
  readonly problems: string[];
  /** The channel's posts of one kind (`typed`, `reply`, `digest`, `alert`, ...). */
  posts(kind: string): Locator;
}

/**
 * For a `describeInChromium` block: the real bot with the playground (its scheduler and alert
 * poller without timers: the tests tick them), its clock starting `at`, and one Chromium page in
 * Berlin time; `realPbx` serves the demo PBX apart, as a real 3CX.
 */
export function useChannelViewInChromium(options: { at: string; realPbx?: boolean }): ChannelViewInChromium {
  const problems: string[] = [];
  let bed: PlaygroundTestBed | undefined;
  let clock: TestClock | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    clock = createClock(options.at);
    bed = await startPlaygroundTestBed({
      now: clock.now,
      startScheduler: false,
      ...(options.realPbx && { realPbx: true }),
    });
    browser = await launchChromium();
    page = await openWatchedPage(
      browser,
      { timezoneId: CHANNEL_VIEW_ZONE, viewport: { width: 1280, height: 900 } },
      problems,
    );
  });
  afterAll(async () => {
    await browser?.close();
    await bed?.close();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the channel view is not set up (beforeAll failed?)');
    return value;
  };
  return {
    get bed() {
      return ready(bed);
    },
    get clock() {
      return ready(clock);
    },
    get page() {
      return ready(page);
    },
    problems,
    posts: (kind) => ready(page).locator(`[data-testid="channel-post"][data-kind="${kind}"]`),
  };
}

/** What the browser shows, line breaks included (Playwright's innerText, not the DOM's textContent). */
export function renderedText(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, with line breaks, is what is compared
  return locator.innerText();
}
