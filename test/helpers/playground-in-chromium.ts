import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { type PlaygroundTestBed, startPlaygroundTestBed } from '../playground/playground-test-bed';
import { launchChromium } from './chromium';

/** The playground test bed, Chromium and a page in it, as `usePlaygroundInChromium` opens them. */
export interface PlaygroundInChromium {
  bed: PlaygroundTestBed;
  browser: Browser;
  page: Page;
}

/** A page in a new browser context (`options`), waiting at most 10 s for anything. */
export async function openChromiumPage(browser: Browser, options: BrowserContextOptions): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return page;
}

/**
 * Before all tests of the enclosing `describe`: starts the playground test bed and Chromium and
 * opens the page `openPage` makes; after all, closes both. The fields are set once they are open.
 */
export function usePlaygroundInChromium(
  openPage: (browser: Browser, bed: PlaygroundTestBed) => Promise<Page>,
): PlaygroundInChromium {
  const session: Partial<PlaygroundInChromium> = {};
  beforeAll(async () => {
    const bed = await startPlaygroundTestBed();
    session.bed = bed;
    const browser = await launchChromium();
    session.browser = browser;
    session.page = await openPage(browser, bed);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.bed?.close();
  });
  return session as PlaygroundInChromium;
}
