import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { describeMissedCall } from '../../src/render/describe-call';
import { escapeTeamsMarkdown } from '../../src/render/escape-teams-markdown';
import { formatCount } from '../../src/render/format-number';
import { describeInChromium, launchChromium } from '../helpers/chromium';
import { expectedKeyFigures } from '../helpers/expected-summaries';
import { openChromiumPage, usePlaygroundInChromium } from '../helpers/playground-in-chromium';
import { type PlaygroundTestBed, startPlaygroundTestBed } from './playground-test-bed';

const ZONE = 'Europe/Berlin';
const SCREENSHOT = join(__dirname, '../../docs/playground.png');

describeInChromium('the playground page in Chromium', () => {
  const session = usePlaygroundInChromium((browser) =>
    openChromiumPage(browser, { timezoneId: ZONE, viewport: { width: 1400, height: 1000 } }),
  );

  it('runs `last week ext 101` in the browser zone; Slack and Teams panes show the CLI figures', async () => {
    const problems: string[] = [];
    session.page.on('pageerror', (error) => problems.push(error.message));
    session.page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await session.page.goto(session.bed.url);
    expect(await session.page.getByTestId('time-zone').inputValue()).toBe(ZONE);

    await session.page.getByTestId('command-input').fill('last week ext 101');
    await session.page.getByTestId('run').click();
    await session.page.getByTestId('slack-field').first().waitFor();

    const cli = await session.bed.runCliJson(['last', 'week', 'ext', '101'], ZONE);
    // Each figure with its change against the week before (▲/▼).
    const figures = expectedKeyFigures(cli);
    expect(cli.totals.calls).toBeGreaterThan(0);
    expect(await renderedText(session.page.getByTestId('slack-header'))).toBe(
      'Mon 16 – Sun 22 Nov 2026 (Europe/Berlin)',
    );
    expect(await allRenderedTexts(session.page.getByTestId('slack-field'))).toEqual(
      figures.map((figure) => `${figure.label}\n${figure.value}`),
    );
    expect(await readTeamsFacts(session.page, 0)).toEqual(
      figures.map((figure) => [figure.label, figure.value]),
    );
    // Ben's own calls lead both panes; the week compared with is named under the figures.
    const before = cli.previous!.totals;
    const weekBefore = `vs. the week before (Mon 9 – Sun 15 Nov 2026): ${formatCount(before.calls)} calls, ${formatCount(before.answered)} answered, ${formatCount(before.missed)} missed`;
    for (const pane of ['slack-pane', 'teams-card']) {
      const text = await renderedText(session.page.getByTestId(pane));
      expect(text).toContain("Ben Okafor's own calls");
      expect(text).toContain(weekBefore);
      expect(text.indexOf("Ben Okafor's own calls")).toBeLessThan(text.indexOf(weekBefore));
    }
    expect(await renderedText(session.page.getByTestId('teams-card'))).toContain(
      'Mon 16 – Sun 22 Nov 2026 (Europe/Berlin)',
    );
    expect(await renderedText(session.page.getByTestId('json-pane'))).toContain(
      '"action_id": "calls_missed"',
    );
    expect(problems).toEqual([]);

    await session.page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it('clicks Missed calls in the Slack pane and both panes list the missed calls', async () => {
    await session.page.locator('[data-testid="slack-button"][data-action-id="calls_missed"]').click();
    const cli = await session.bed.runCliJson(['last', 'week', 'ext', '101', 'missed'], ZONE);
    const title = `Missed calls (${formatCount(cli.missedCalls.length)})`;
    await session.page.getByTestId('slack-pane').getByText(title).waitFor();
    expect(cli.missedCalls.length).toBeGreaterThan(0);

    const slackText = await renderedText(session.page.getByTestId('slack-pane'));
    const teamsFacts = await readTeamsFacts(session.page, 0);
    const lines = cli.missedCalls.map(describeMissedCall);
    for (const line of lines) expect(slackText).toContain(`• ${line.when} · ${line.summary}`);
    expect(teamsFacts).toEqual(lines.map((line) => [line.when, line.summary]));
    expect(await renderedText(session.page.getByTestId('teams-card'))).toContain(title);
    expect(await renderedText(session.page.getByTestId('slack-context').first())).toBe(
      'Filters: ext 101 · missed',
    );
  });

  it("clicks a Teams button (Action.Submit) and gets the previous week's report", async () => {
    await session.page.getByTestId('teams-card').getByRole('button', { name: '◀ Previous' }).click();
    await session.page
      .getByTestId('slack-header')
      .getByText('Mon 9 – Sun 15 Nov 2026 (Europe/Berlin)')
      .waitFor();
    const cli = await session.bed.runCliJson(
      ['from', 'nov', '9', 'to', 'nov', '15', 'ext', '101', 'missed'],
      ZONE,
    );
    expect(await renderedText(session.page.getByTestId('slack-pane'))).toContain(
      `Missed calls (${formatCount(cli.missedCalls.length)})`,
    );
  });

  it('renders mrkdwn faithfully and never turns text into markup', async () => {
    const message = {
      text: 'x',
      blocks: [
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: '*Bold* _it_ ~gone~ `a &lt;b&gt;` <https://example.com/a?b=1&amp;c=2|Site> &lt;img src=x onerror=alert(1)&gt; Tom &amp; Jerry :tada: snake_case_name\n```\n*not bold* &lt;x&gt;\n```\n<javascript:alert(1)|bad> <@U123> <!here>',
          },
        },
      ],
    };
    // A string, so that the test's compiler leaves the browser's dynamic import alone.
    const html = await session.page.evaluate(
      `import('/playground/block-kit.js').then(({ renderSlackMessage }) => renderSlackMessage(${JSON.stringify(message)}, () => {}).innerHTML)`,
    );
    expect(html).toBe(
      '<div class="sk-section" data-testid="slack-section"><div class="sk-mrkdwn sk-text">' +
        '<strong>Bold</strong> <em>it</em> <s>gone</s> <code class="sk-code">a &lt;b&gt;</code> ' +
        '<a class="sk-link" href="https://example.com/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">Site</a> ' +
        '&lt;img src=x onerror=alert(1)&gt; Tom &amp; Jerry 🎉 snake_case_name' +
        '<pre class="sk-pre">*not bold* &lt;x&gt;</pre>' +
        '&lt;javascript:alert(1)|bad&gt; <span class="sk-mention">@U123</span> <span class="sk-mention">@here</span>' +
        '</div></div>',
    );
  });

  it('renders Teams Markdown with backslash escapes: escaped names stay text, our bold stays bold', async () => {
    const name = '[click](http://evil.example) **boss** _x_ <b>';
    const card = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: `${escapeTeamsMarkdown(name)} called **twice**`, wrap: true }],
    };
    // A string, so that the test's compiler leaves the browser's dynamic import alone.
    const shown = (await session.page.evaluate(
      `import('/playground/teams-card.js').then(({ renderTeamsCard }) => {
        const element = renderTeamsCard(${JSON.stringify(card)}, () => {});
        return {
          text: element.textContent,
          links: element.querySelectorAll('a').length,
          bold: [...element.querySelectorAll('strong')].map((node) => node.textContent),
          italic: element.querySelectorAll('em').length,
        };
      })`,
    )) as { text: string; links: number; bold: string[]; italic: number };
    expect(shown).toEqual({
      text: '[click](http://evil.example) **boss** _x_ ‹b› called twice',
      links: 0,
      bold: ['twice'],
      italic: 0,
    });
  });
});

describeInChromium('the playground page in Chromium with a real PBX (a token)', () => {
  let bed: PlaygroundTestBed;
  let browser: Browser;

  beforeAll(async () => {
    bed = await startPlaygroundTestBed({ realPbx: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await bed?.close();
  });

  it('opens from the banner address: the token becomes a cookie, leaves the address bar, and the page works', async () => {
    if (!bed.plan.serve || !bed.plan.token) throw new Error('expected a token');
    const context = await browser.newContext({ timezoneId: ZONE });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const opened = await page.goto(`${bed.url}/?token=${bed.plan.token.value}#q=yesterday`);
    expect(opened?.status()).toBe(200);
    // The fragment survives the redirect (the page then adds the zone to it); the token is gone.
    expect(page.url().startsWith(`${bed.url}/#q=yesterday`)).toBe(true);
    expect(page.url()).not.toContain(bed.plan.token.value);
    const cookies = await context.cookies();
    expect(cookies.map(({ httpOnly, sameSite }) => ({ httpOnly, sameSite }))).toEqual([
      { httpOnly: true, sameSite: 'Strict' },
    ]);
    expect(await page.evaluate('document.cookie')).toBe('');

    await page.getByTestId('command-input').fill('last week ext 101');
    await page.getByTestId('run').click();
    await page.getByTestId('slack-field').first().waitFor();
    const cli = await bed.runCliJson(['last', 'week', 'ext', '101'], ZONE);
    expect(await allRenderedTexts(page.getByTestId('slack-field'))).toEqual(
      expectedKeyFigures(cli).map((figure) => `${figure.label}\n${figure.value}`),
    );
    await context.close();
  });

  it('shows a browser without the cookie only the 401 that says where the token is', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const opened = await page.goto(`${bed.url}/`);
    expect(opened?.status()).toBe(401);
    expect(await page.textContent('body')).toContain('The playground needs its token');
    await context.close();
  });
});

/** The facts of the Teams card's n-th FactSet, as [title, value] pairs. */
async function readTeamsFacts(page: Page, index: number): Promise<string[][]> {
  const factSet = page.getByTestId('teams-card').locator('.ac-factset').nth(index);
  return factSet
    .locator('tr')
    .evaluateAll((rows) =>
      rows.map((row) => [
        row.querySelector('.ac-fact-title')?.textContent?.trim() ?? '',
        row.querySelector('.ac-fact-value')?.textContent?.trim() ?? '',
      ]),
    );
}

/** What the browser shows, line breaks included (Playwright's innerText, not the DOM's textContent). */
function renderedText(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, with <br> as line breaks, is what is compared
  return locator.innerText();
}

function allRenderedTexts(locator: Locator): Promise<string[]> {
  return locator.allInnerTexts();
}
