import type { Browser, Locator, Page } from 'playwright-core';
import { formatCount } from '../../src/render/format-number';
import { describeInChromium, launchChromium, openWatchedPage } from '../helpers/chromium';
import { expectedKeyFigures } from '../helpers/expected-summaries';
import { createClock, type TestClock } from '../schedule/schedule-helpers';
import { PLAYGROUND_TEST_NOW, type PlaygroundTestBed, startPlaygroundTestBed } from './playground-test-bed';

const ZONE = 'Europe/Berlin';

describeInChromium('the channel view in Chromium: schedule, list, Run now, the scheduled post', () => {
  let bed: PlaygroundTestBed;
  let clock: TestClock;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    clock = createClock(PLAYGROUND_TEST_NOW);
    bed = await startPlaygroundTestBed({ now: clock.now, startScheduler: false });
    browser = await launchChromium();
    page = await openWatchedPage(
      browser,
      { timezoneId: ZONE, viewport: { width: 1280, height: 900 } },
      problems,
    );
  });

  afterAll(async () => {
    await browser?.close();
    await bed?.close();
  });

  const posts = (kind: string): Locator => page.locator(`[data-testid="channel-post"][data-kind="${kind}"]`);

  it('schedules a digest in the channel and lists it with Run now', async () => {
    await page.goto(bed.url);
    await page.getByTestId('channel-tab').click();
    await expectVisible(page.getByTestId('channel-view'));
    await page.getByTestId('channel-digests').getByText('No digests here yet').waitFor();

    await page.getByTestId('channel-input').fill('schedule every day at 12:00 yesterday');
    await page.getByTestId('channel-send').click();
    const digest = page.getByTestId('channel-digest');
    await digest.waitFor();
    const id = (await digest.getAttribute('data-id')) ?? '';
    expect(id).toMatch(/^[0-9a-z]{6}$/);

    expect(await renderedText(posts('typed'))).toContain('schedule every day at 12:00 yesterday');
    expect(await renderedText(posts('reply'))).toContain(
      `Digest ${id} scheduled: every day at 12:00 (Europe/Berlin), posting "yesterday" here.`,
    );
    expect(await renderedText(digest)).toBe(
      [
        id,
        'every day at 12:00 (Europe/Berlin)',
        '“yesterday”',
        'next Sun 29 Nov 2026 12:00 · last: no run yet',
        'Run now',
      ].join('\n'),
    );
    expect(await page.getByTestId('channel-input').inputValue()).toBe('');
  });

  it('Run now posts the digest with the CLI figures, and the list still shows no run', async () => {
    await page.getByTestId('run-now').click();
    const preview = posts('preview');
    await preview.getByTestId('slack-field').first().waitFor();
    const cli = await bed.runCliJson(['yesterday'], ZONE);
    expect(await renderedText(preview.getByTestId('slack-header'))).toBe('Sat 28 Nov 2026 (Europe/Berlin)');
    // Each figure with its change against the day before (▲/▼).
    expect(cli.previous?.window.from).toBe('2026-11-27T00:00:00.000+01:00');
    expect(await preview.getByTestId('slack-field').allInnerTexts()).toEqual(
      expectedKeyFigures(cli).map((figure) => `${figure.label}\n${figure.value}`),
    );
    expect(await renderedText(preview)).toContain('Run now: a preview only; no run was recorded');
    expect(await renderedText(page.getByTestId('channel-digest'))).toContain(
      'next Sun 29 Nov 2026 12:00 · last: no run yet',
    );
  });

  it('shows the digest the scheduler posts at 12:00 Berlin, without a reload', async () => {
    clock.set('2026-11-29T11:00:20Z');
    await bed.scheduler.tick();
    const posted = posts('digest');
    await posted.getByTestId('slack-header').waitFor();
    expect(await renderedText(posted)).toContain('Posted in the channel by the schedule');
    await page
      .getByTestId('channel-digest')
      .getByText('next Mon 30 Nov 2026 12:00 · last: sent Sun 29 Nov 2026 12:00')
      .waitFor();
  });

  it('answers a button of the posted digest in the channel', async () => {
    const cli = await bed.runCliJson(['yesterday', 'missed'], ZONE);
    await posts('digest').locator('[data-testid="slack-button"][data-action-id="calls_missed"]').click();
    await posts('reply')
      .filter({ hasText: `Missed calls (${formatCount(cli.missedCalls.length)})` })
      .waitFor();
    expect(cli.missedCalls.length).toBeGreaterThan(0);
  });

  it('`unschedule` removes the digest from the list; nothing went wrong in the page', async () => {
    const id = (await page.getByTestId('channel-digest').getAttribute('data-id')) ?? '';
    await page.getByTestId('channel-input').fill(`unschedule ${id}`);
    await page.getByTestId('channel-send').click();
    await page.getByTestId('channel-digests').getByText('No digests here yet').waitFor();
    expect(await renderedText(posts('reply').last())).toContain(`Digest ${id} removed`);
    expect(problems).toEqual([]);
  });
});

async function expectVisible(locator: Locator): Promise<void> {
  expect(await locator.isVisible()).toBe(true);
}

/** What the browser shows, line breaks included (Playwright's innerText, not the DOM's textContent). */
function renderedText(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, with line breaks, is what is compared
  return locator.innerText();
}
