import type { Locator } from 'playwright-core';
import { formatCount } from '../../src/render/format-number';
import { describeInChromium } from '../helpers/chromium';
import { expectedKeyFigures } from '../helpers/expected-summaries';
import { CHANNEL_VIEW_ZONE, renderedText, useChannelViewInChromium } from './channel-view-in-chromium';
import { PLAYGROUND_TEST_NOW } from './playground-test-bed';

const ZONE = CHANNEL_VIEW_ZONE;

describeInChromium('the channel view in Chromium: schedule, list, Run now, the scheduled post', () => {
  const view = useChannelViewInChromium({ at: PLAYGROUND_TEST_NOW });
  const posts = view.posts;

  it('schedules a digest in the channel and lists it with Run now', async () => {
    await view.page.goto(view.bed.url);
    await view.page.getByTestId('channel-tab').click();
    await expectVisible(view.page.getByTestId('channel-view'));
    await view.page.getByTestId('channel-digests').getByText('No digests here yet').waitFor();

    await view.page.getByTestId('channel-input').fill('schedule every day at 12:00 yesterday');
    await view.page.getByTestId('channel-send').click();
    const digest = view.page.getByTestId('channel-digest');
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
    expect(await view.page.getByTestId('channel-input').inputValue()).toBe('');
  });

  it('Run now posts the digest with the CLI figures, and the list still shows no run', async () => {
    await view.page.getByTestId('run-now').click();
    const preview = posts('preview');
    await preview.getByTestId('slack-field').first().waitFor();
    const cli = await view.bed.runCliJson(['yesterday'], ZONE);
    expect(await renderedText(preview.getByTestId('slack-header'))).toBe('Sat 28 Nov 2026 (Europe/Berlin)');
    // Each figure with its change against the day before (▲/▼).
    expect(cli.previous?.window.from).toBe('2026-11-27T00:00:00.000+01:00');
    expect(await preview.getByTestId('slack-field').allInnerTexts()).toEqual(
      expectedKeyFigures(cli).map((figure) => `${figure.label}\n${figure.value}`),
    );
    expect(await renderedText(preview)).toContain('Run now: a preview only; no run was recorded');
    expect(await renderedText(view.page.getByTestId('channel-digest'))).toContain(
      'next Sun 29 Nov 2026 12:00 · last: no run yet',
    );
  });

  it('shows the digest the scheduler posts at 12:00 Berlin, without a reload', async () => {
    view.clock.set('2026-11-29T11:00:20Z');
    await view.bed.scheduler.tick();
    const posted = posts('digest');
    await posted.getByTestId('slack-header').waitFor();
    expect(await renderedText(posted)).toContain('Posted in the channel by the schedule');
    await view.page
      .getByTestId('channel-digest')
      .getByText('next Mon 30 Nov 2026 12:00 · last: sent Sun 29 Nov 2026 12:00')
      .waitFor();
  });

  it('answers a button of the posted digest in the channel', async () => {
    const cli = await view.bed.runCliJson(['yesterday', 'missed'], ZONE);
    await posts('digest').locator('[data-testid="slack-button"][data-action-id="calls_missed"]').click();
    await posts('reply')
      .filter({ hasText: `Missed calls (${formatCount(cli.missedCalls.length)})` })
      .waitFor();
    expect(cli.missedCalls.length).toBeGreaterThan(0);
  });

  it('`unschedule` removes the digest from the list; nothing went wrong in the page', async () => {
    const id = (await view.page.getByTestId('channel-digest').getAttribute('data-id')) ?? '';
    await view.page.getByTestId('channel-input').fill(`unschedule ${id}`);
    await view.page.getByTestId('channel-send').click();
    await view.page.getByTestId('channel-digests').getByText('No digests here yet').waitFor();
    expect(await renderedText(posts('reply').last())).toContain(`Digest ${id} removed`);
    expect(view.problems).toEqual([]);
  });
});

async function expectVisible(locator: Locator): Promise<void> {
  expect(await locator.isVisible()).toBe(true);
}
