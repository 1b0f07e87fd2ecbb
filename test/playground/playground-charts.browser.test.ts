import type { Browser, Page } from 'playwright-core';
import { describeInChromium, launchChromium, openWatchedPage } from '../helpers/chromium';
import { type PlaygroundTestBed, startPlaygroundTestBed } from './playground-test-bed';

const ZONE = 'Europe/Berlin';

/** Runs a command in the page and waits until its answer is shown in both panes. */
async function run(page: Page, text: string): Promise<void> {
  await page.getByTestId('command-input').fill(text);
  const answered = page.waitForResponse((response) => response.url().endsWith('/playground/api/command'));
  await page.getByTestId('run').click();
  await answered;
  await page.locator('body:not(.busy)').waitFor();
}

/**
 * Polls `script` (an expression) until it gives a truthy value. Not `page.waitForFunction`: that
 * evaluates a string inside the page, which the playground's CSP (`script-src 'self'`) refuses as
 * soon as the first check is false; `page.evaluate` runs through the DevTools protocol.
 */
async function waitForValue<T>(page: Page, script: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = (await page.evaluate(script)) as T | null;
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${script}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until the last image of the Slack pane has loaded; its size, alt text and src. */
async function lastSlackImage(
  page: Page,
): Promise<{ src: string; width: number; height: number; alt: string }> {
  const script = `(() => {
    const images = document.querySelectorAll('[data-testid="slack-pane"] [data-testid="slack-image"] img');
    const img = images[images.length - 1];
    return img && img.complete && img.naturalWidth > 0
      ? { src: img.getAttribute('src'), width: img.naturalWidth, height: img.naturalHeight, alt: img.alt }
      : null;
  })()`;
  return waitForValue(page, script);
}

describeInChromium('charts in the playground page (Chromium)', () => {
  let bed: PlaygroundTestBed;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    bed = await startPlaygroundTestBed({ startScheduler: false });
    browser = await launchChromium();
    page = await openWatchedPage(
      browser,
      { timezoneId: ZONE, viewport: { width: 1400, height: 1000 } },
      problems,
    );
    // A 13-week trend reads three months of the demo PBX's calls: give it time on a busy machine.
    page.setDefaultTimeout(30_000);
    await page.goto(bed.url);
  });
  afterAll(async () => {
    await browser?.close();
    await bed?.close();
  });

  it('the Slack pane shows the summary chart as the PNG from /chart.png; the Teams pane draws its bars', async () => {
    await run(page, 'last week');
    const loaded = await lastSlackImage(page);
    expect(loaded.src).toMatch(/^\/chart\.png\?id=[A-Za-z0-9_-]{32}$/);
    expect(loaded).toMatchObject({ width: 1280, height: 640 });
    expect(loaded.alt).toMatch(/calls by hour/i);
    const bars = page.getByTestId('teams-card').last().locator('.tc-bar');
    expect(await bars.count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('a 13-week trend: the Slack pane shows its image, the Teams pane draws Chart.Line as three lines', async () => {
    await run(page, 'from=2026-08-24 to=2026-11-23 by week');
    const card = page.getByTestId('teams-card').last();
    const lines = card.locator('.tc-line polyline');
    await lines.first().waitFor();
    expect(await lines.count()).toBe(3);
    const points = await lines.first().getAttribute('points');
    expect(points?.trim().split(/\s+/)).toHaveLength(13);
    expect(await card.locator('.tc-legend-item').allTextContents()).toEqual(['Calls', 'Answered', 'Missed']);
    expect((await lastSlackImage(page)).alt).toMatch(/calls by week/i);
    expect(problems).toEqual([]);
  }, 90_000);

  it('draws a grouped bar chart as one bar per series at each x', async () => {
    const card = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        {
          type: 'Chart.VerticalBar.Grouped',
          title: 'This week vs last',
          data: [
            {
              legend: 'This week',
              values: [
                { x: 'Mon', y: 3 },
                { x: 'Tue', y: 5 },
              ],
            },
            {
              legend: 'Last week',
              values: [
                { x: 'Mon', y: 4 },
                { x: 'Tue', y: 0 },
              ],
            },
          ],
        },
      ],
    };
    // A string, so that the test's compiler leaves the browser's dynamic import alone.
    const drawn = (await page.evaluate(
      `import('/playground/teams-card.js').then(({ renderTeamsCard }) => {
        const element = renderTeamsCard(${JSON.stringify(card)}, () => {});
        return [...element.querySelectorAll('.tc-bars rect')].map((bar) => bar.dataset.legend + ':' + bar.getAttribute('height'));
      })`,
    )) as string[];
    expect(drawn).toHaveLength(4);
    expect(drawn.filter((bar) => bar.startsWith('This week'))).toHaveLength(2);
    expect(drawn).toContain('Last week:0');
  });
});
