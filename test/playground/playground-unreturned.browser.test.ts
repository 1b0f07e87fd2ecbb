import type { Browser, Page } from 'playwright-core';
import { telUri } from '../../src/render/tel-uri';
import { describeInChromium, launchChromium } from '../helpers/chromium';
import { type PlaygroundTestBed, startPlaygroundTestBed } from './playground-test-bed';

const ZONE = 'Europe/Berlin';

describeInChromium('the unreturned view in the playground (Chromium)', () => {
  let bed: PlaygroundTestBed;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    bed = await startPlaygroundTestBed();
    browser = await launchChromium();
    const context = await browser.newContext({ timezoneId: ZONE, viewport: { width: 1400, height: 1000 } });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
    await bed?.close();
  });

  it('shows the list by state in both panes, each caller number a tel: link as Slack and Teams make it', async () => {
    await page.goto(bed.url);
    await page.getByTestId('command-input').fill('unreturned last week');
    await page.getByTestId('run').click();
    const cli = await bed.runCliJson(['unreturned', 'last', 'week'], ZONE);
    const list = cli.unreturned ?? [];
    const title = `Missed calls and call-backs (${list.length})`;
    await page.getByTestId('slack-pane').getByText(title).waitFor();
    await page.getByTestId('teams-card').getByText(title).waitFor();
    const first = list.find((call) => telUri(call.from) !== undefined);
    expect(first).toBeDefined();
    for (const pane of ['slack-pane', 'teams-card']) {
      const link = page
        .getByTestId(pane)
        .locator(`a[href="${telUri(first!.from)}"]`)
        .first();
      expect(await link.textContent()).toBe(first!.from);
    }
    const slack = (await page.getByTestId('slack-pane').textContent()) ?? '';
    expect(slack).toContain(`Open (${list.filter((call) => call.state === 'open').length})`);
    expect(slack).toMatch(/✓ returned by .+ later/);
  });
});
