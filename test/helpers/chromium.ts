import { existsSync } from 'node:fs';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';

/**
 * Chromium for the browser tests comes from Debian (`apt-get install -y chromium`); playwright
 * cannot download one here. Without it the tests say loudly that they were skipped, unless
 * CALLS_BOT_REQUIRE_BROWSER=1 (set by .ci/run) makes them mandatory.
 */
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** `describe` when Chromium is installed; otherwise a loud skip, or an error under CALLS_BOT_REQUIRE_BROWSER=1. */
export function describeInChromium(name: string, body: () => void): void {
  if (hasChromium) {
    describe(name, body);
    return;
  }
  if (process.env.CALLS_BOT_REQUIRE_BROWSER === '1') {
    throw new Error(`CALLS_BOT_REQUIRE_BROWSER=1 but ${CHROMIUM} is missing: apt-get install -y chromium`);
  }
  console.warn(
    `SKIPPED: chromium not installed (${CHROMIUM}); "${name}" did not run. apt-get install -y chromium`,
  );
  describe.skip(name, body);
}

/** Headless Chromium with the flags that keep it off the network it cannot reach. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * A page in a context of its own (10 s default timeout) whose page errors and console errors are
 * pushed onto `problems`, for a test to find none at its end.
 */
export async function openWatchedPage(
  browser: Browser,
  options: BrowserContextOptions,
  problems: string[],
): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  return page;
}
