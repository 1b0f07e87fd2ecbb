import type { Locator } from 'playwright-core';
import type { ChannelView } from '../../src/playground/create-channel-routes';
import { describeInChromium } from '../helpers/chromium';
import { CHANNEL_VIEW_ZONE, renderedText, useChannelViewInChromium } from './channel-view-in-chromium';
import { PLAYGROUND_TEST_NOW } from './playground-test-bed';

/**
 * A live missed-call alert in the channel view, end to end in Chromium: `alerts missed queue 800`
 * typed into the view, a missed call injected into the separately served demo PBX, the bot's own
 * poller ticked by the test, and the alert's buttons ("I'll call back", then "Release") clicked in
 * the page, each redrawing the same post in place.
 */

const ZONE = CHANNEL_VIEW_ZONE;
/** A number the demo's own callers never use. */
const CALLER = '+442079460177';
/** The bot's clock when the alerts are turned on: before the call (a subscription sees only later calls). */
const SUBSCRIBED_AT = '2026-11-29T09:58:00Z';
/** The missed call: 6 s in the IVR, then 8 s waiting in queue 800, over at 09:58:44Z. */
const CALL_AT = '2026-11-29T09:58:30Z';

describeInChromium("the channel view in Chromium: a live alert's buttons", () => {
  const view = useChannelViewInChromium({ at: SUBSCRIBED_AT, realPbx: true });
  let subscriptionId: string;
  const posts = view.posts;
  const alertPosts = (): Locator => posts('alert');
  const button = (post: Locator, actionId: string): Locator =>
    post.locator(`[data-testid="slack-button"][data-action-id="${actionId}"]`);

  /** The alert's text as the page shows it, in the given state (the button's label last). */
  const alertText = (status: string, buttonLabel: string): string =>
    [
      'Calls',
      'APP',
      '11:00',
      `alerts ${subscriptionId}`,
      'Missed call from Jane Caller',
      `${CALLER} · Call`,
      'When',
      `Sun 29 Nov 10:58 (${ZONE})`,
      'Ended at',
      '800 Sales',
      'Waited',
      '8s',
      status,
      buttonLabel,
      'Posted in the channel by the live alerts',
    ].join('\n');

  /** The kind of each post of the channel, in the order the page shows them. */
  const postKinds = async (): Promise<string[]> => {
    const shown = await view.page.locator('#channel-posts > [data-testid="channel-post"]').all();
    return Promise.all(shown.map(async (post) => (await post.getAttribute('data-kind')) ?? ''));
  };

  /** The channel as the server keeps it, read with the page's own cookie. */
  const serverView = async (): Promise<ChannelView> => {
    const response = await view.page.request.get(`${view.bed.url}/playground/api/channel`);
    expect(response.status()).toBe(200);
    return (await response.json()) as ChannelView;
  };

  it('turns the alerts on from the channel view', async () => {
    if (!view.bed.plan.serve || !view.bed.plan.token) throw new Error('expected a token-guarded playground');
    await view.page.goto(`${view.bed.url}/?token=${encodeURIComponent(view.bed.plan.token.value)}`);
    await view.page.getByTestId('channel-tab').click();
    await view.page.getByTestId('channel-view').waitFor();

    await view.page.getByTestId('channel-input').fill('alerts missed queue 800');
    await view.page.getByTestId('channel-send').click();
    const reply = posts('reply').filter({ hasText: 'Alerts ' });
    await reply.waitFor();
    const text = await renderedText(reply);
    subscriptionId =
      /Alerts ([0-9a-z]{6}) on: missed calls of queue 800 will be posted here/.exec(text)?.[1] ?? '';
    expect(subscriptionId).toMatch(/^[0-9a-z]{6}$/);
    expect(await renderedText(posts('typed'))).toContain('alerts missed queue 800');
    expect(await view.page.getByTestId('channel-input').inputValue()).toBe('');

    // Nothing of queue 800 has been missed since: a poll posts nothing.
    expect(await view.bed.alertPoller.tick()).toMatchObject({ kind: 'polled', missed: 0, posted: 0 });
  });

  it('shows the missed call the poller finds as an alert with "I\'ll call back"', async () => {
    const missed = view.bed.pbx?.injectCall({
      kind: 'missed',
      at: new Date(CALL_AT),
      from: CALLER,
      fromName: 'Jane Caller',
      to: '800',
      ringSeconds: 8,
    });
    expect(missed?.endsAt.toISOString()).toBe('2026-11-29T09:58:44.000Z');
    // The PBX's clock (PLAYGROUND_TEST_NOW) has the call in its log; the bot's clock now has it settled (15 s).
    view.clock.set(PLAYGROUND_TEST_NOW);
    expect(await view.bed.alertPoller.tick()).toMatchObject({ kind: 'polled', posted: 1 });

    // The page shows it at its next read of the channel (every 3 s), with no reload.
    const alert = alertPosts();
    await button(alert, 'alert_claim').waitFor();
    expect(await alert.count()).toBe(1);
    expect(await renderedText(alert)).toBe(alertText('Nobody is calling back yet.', "I'll call back"));
    expect(await alert.locator('a[href^="tel:"]').getAttribute('href')).toBe(`tel:${CALLER}`);
    expect(await postKinds()).toEqual(['typed', 'reply', 'alert']);
  });

  it('"I\'ll call back" redraws the same post: the playground user is calling back, with Release', async () => {
    const before = (await serverView()).posts.find((post) => post.kind === 'alert');
    expect(before).toBeDefined();

    await button(alertPosts(), 'alert_claim').click();
    const alert = alertPosts();
    await button(alert, 'alert_release').waitFor();
    expect(await alert.count()).toBe(1);
    expect(await renderedText(alert)).toBe(alertText('The playground user is calling back.', 'Release'));
    expect(await button(alert, 'alert_claim').count()).toBe(0);
    // In place: the same third post, no reply under it (a claim that went through says nothing more).
    expect(await postKinds()).toEqual(['typed', 'reply', 'alert']);
    const after = (await serverView()).posts.find((post) => post.kind === 'alert');
    expect(after?.id).toBe(before?.id);
    expect(after?.revisedId).toBeGreaterThan(before?.id ?? Number.POSITIVE_INFINITY);
    expect(await renderedText(view.page.getByTestId('channel-status'))).toBe(
      "button “I'll call back” → done",
    );
  });

  it('Release opens it again in place, with "I\'ll call back"; nothing went wrong in the page', async () => {
    await button(alertPosts(), 'alert_release').click();
    const alert = alertPosts();
    await button(alert, 'alert_claim').waitFor();
    expect(await alert.count()).toBe(1);
    expect(await renderedText(alert)).toBe(alertText('Nobody is calling back yet.', "I'll call back"));
    expect(await postKinds()).toEqual(['typed', 'reply', 'alert']);
    expect(await renderedText(view.page.getByTestId('channel-status'))).toBe('button “Release” → done');

    // Still one alert at the next poll: the call is not posted again.
    expect(await view.bed.alertPoller.tick()).toMatchObject({ kind: 'polled', posted: 0 });
    await view.page.waitForTimeout(3500);
    expect(await postKinds()).toEqual(['typed', 'reply', 'alert']);
    expect(view.problems).toEqual([]);
  });
});
