import type { Browser } from 'playwright-core';
import { describeInChromium, launchChromium } from '../helpers/chromium';
import { type PlaygroundTestBed, startPlaygroundTestBed } from './playground-test-bed';

/** The page's locale selector: it starts on the browser's language and decides how `3/11` reads. */
describeInChromium('the playground page: the locale selector', () => {
  let bed: PlaygroundTestBed;
  let browser: Browser;

  beforeAll(async () => {
    bed = await startPlaygroundTestBed();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await bed?.close();
  });

  it('starts on the browser language and reads 3/11 in the locale picked', async () => {
    const page = await browser.newPage({ locale: 'en-GB' });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${bed.url}/#tz=Europe/Berlin`);
    const locale = page.getByTestId('locale');
    expect(await locale.inputValue()).toBe('en-GB');
    expect(
      await locale.locator('option').evaluateAll((options) => options.map((o) => o.getAttribute('value'))),
    ).toEqual(['en-US', 'en-GB', 'en-IN', 'de-DE', 'sv-SE']);
    const header = page.getByTestId('slack-header');
    const run = async (text: string) => {
      await page.getByTestId('command-input').fill(text);
      await page.getByTestId('run').click();
      await page.locator('[data-testid="status"][data-kind="ok"]').getByText(`/calls ${text} →`).waitFor();
    };
    await run('3/11');
    expect(await header.textContent()).toBe('Tue 3 Nov 2026 (Europe/Berlin)');
    await locale.selectOption('en-US');
    await run('3/11 ');
    expect(await header.textContent()).toBe('Wed 11 Mar 2026 (Europe/Berlin)');
    expect(errors).toEqual([]);
    await page.close();
  });
});
