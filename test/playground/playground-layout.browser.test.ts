import type { Browser, Page } from 'playwright-core';
import { describeInChromium, launchChromium } from '../helpers/chromium';
import { type PlaygroundTestBed, startPlaygroundTestBed } from './playground-test-bed';

const ZONE = 'Europe/Berlin';
/** A phone, a small tablet, a small laptop, a desktop. */
const WIDTHS = [390, 800, 1024, 1440];
/** Replies with wide content: the summary's tables and chart, and a long call list. */
const WIDE_REPLIES = ['last week', 'list last week'];

/** How far the page scrolls sideways: the document's and the body's scroll width against the viewport's. */
async function readWidths(page: Page): Promise<{ document: number; body: number; viewport: number }> {
  // A string, so that the test's compiler (no DOM types) leaves the browser's code alone.
  return (await page.evaluate(`({
    document: document.documentElement.scrollWidth,
    body: document.body.scrollWidth,
    viewport: document.documentElement.clientWidth,
  })`)) as { document: number; body: number; viewport: number };
}

async function run(page: Page, text: string): Promise<void> {
  await page.getByTestId('command-input').fill(text);
  await page.getByTestId('run').click();
  await page.locator('[data-testid="status"][data-kind="ok"]').getByText(`/calls ${text} →`).waitFor();
}

describeInChromium('the playground page at phone, tablet, laptop and desktop widths', () => {
  let bed: PlaygroundTestBed;
  let browser: Browser;

  beforeAll(async () => {
    bed = await startPlaygroundTestBed({ startScheduler: false });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await bed?.close();
  });

  it.each(WIDTHS)('at %i px, wide replies never make the page wider than the window', async (width) => {
    const context = await browser.newContext({ timezoneId: ZONE, viewport: { width, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(bed.url);
    for (const text of WIDE_REPLIES) {
      await run(page, text);
      await page.getByTestId('teams-card').waitFor();
      const widths = await readWidths(page);
      expect({ text, ...widths }).toEqual({ text, document: width, body: width, viewport: width });
    }

    // Narrower than 1,100 px the panes stack; wider, they stand side by side.
    const slack = await page.getByTestId('slack-pane').boundingBox();
    const teams = await page.getByTestId('teams-pane').boundingBox();
    if (!slack || !teams) throw new Error('the panes are not shown');
    if (width < 1100) expect(teams.y).toBeGreaterThanOrEqual(slack.y + slack.height);
    else expect(teams.x).toBeGreaterThanOrEqual(slack.x + slack.width);

    // The channel view, with a digest listed and a long call list posted, keeps to the window too.
    // (The channel is the bot's: the digest scheduled at the first width is there at the others.)
    await page.getByTestId('channel-tab').click();
    await page.getByTestId('channel-input').fill('schedule every day at 8:00 list last week');
    await page.getByTestId('channel-send').click();
    const digest = page.getByTestId('channel-digest').filter({ hasText: 'list last week' });
    await digest.waitFor();
    const previews = page.locator('[data-testid="channel-post"][data-kind="preview"]');
    const before = await previews.count();
    await digest.getByTestId('run-now').click();
    await previews.nth(before).getByTestId('slack-header').waitFor();
    expect(await readWidths(page)).toEqual({ document: width, body: width, viewport: width });
    await context.close();
  });
});
