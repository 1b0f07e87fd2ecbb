import { telUri } from '../../src/render/tel-uri';
import { describeInChromium } from '../helpers/chromium';
import { openChromiumPage, usePlaygroundInChromium } from '../helpers/playground-in-chromium';

const ZONE = 'Europe/Berlin';

describeInChromium('the unreturned view in the playground (Chromium)', () => {
  const session = usePlaygroundInChromium((browser) =>
    openChromiumPage(browser, { timezoneId: ZONE, viewport: { width: 1400, height: 1000 } }),
  );

  it('shows the list by state in both panes, each caller number a tel: link as Slack and Teams make it', async () => {
    await session.page.goto(session.bed.url);
    await session.page.getByTestId('command-input').fill('unreturned last week');
    await session.page.getByTestId('run').click();
    const cli = await session.bed.runCliJson(['unreturned', 'last', 'week'], ZONE);
    const list = cli.unreturned ?? [];
    const title = `Missed calls and call-backs (${list.length})`;
    await session.page.getByTestId('slack-pane').getByText(title).waitFor();
    await session.page.getByTestId('teams-card').getByText(title).waitFor();
    const first = list.find((call) => telUri(call.from) !== undefined);
    expect(first).toBeDefined();
    for (const pane of ['slack-pane', 'teams-card']) {
      const link = session.page
        .getByTestId(pane)
        .locator(`a[href="${telUri(first!.from)}"]`)
        .first();
      expect(await link.textContent()).toBe(first!.from);
    }
    const slack = (await session.page.getByTestId('slack-pane').textContent()) ?? '';
    expect(slack).toContain(`Open (${list.filter((call) => call.state === 'open').length})`);
    expect(slack).toMatch(/✓ returned by .+ later/);
  });
});
