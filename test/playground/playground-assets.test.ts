import { loadPlaygroundAssets } from '../../src/playground/playground-assets';

describe('loadPlaygroundAssets', () => {
  it('escapes the PBX description it writes into the page', () => {
    const page = loadPlaygroundAssets('<img src=x onerror=alert(1)> & "co"').find(
      (asset) => asset.path === '/',
    );
    const html = page?.body.toString('utf8') ?? '';
    expect(html).toContain(
      'Answers come from &lt;img src=x onerror=alert(1)&gt; &amp; &quot;co&quot;, through',
    );
  });

  it('offers a locale selector beside the zone, defaulting to the browser language', () => {
    const assets = loadPlaygroundAssets('demo');
    const html = assets.find((asset) => asset.path === '/')?.body.toString('utf8') ?? '';
    expect(html).toContain('<select id="locale" data-testid="locale" name="locale"');
    const app = assets.find((asset) => asset.path === '/playground/app.js')?.body.toString('utf8') ?? '';
    expect(app).toContain("const LOCALES = ['en-US', 'en-GB', 'en-IN', 'de-DE', 'sv-SE'];");
    expect(app).toContain('navigator.language');
  });

  it('serves every page script and style the page asks for', () => {
    const assets = loadPlaygroundAssets('demo');
    const paths = assets.map((asset) => asset.path);
    const html = assets.find((asset) => asset.path === '/')?.body.toString('utf8') ?? '';
    const referenced = [...html.matchAll(/(?:src|href)="(\/playground\/[^"]+)"/g)].map((match) => match[1]);
    expect(referenced.length).toBeGreaterThan(3);
    for (const path of referenced) expect(paths).toContain(path);
    const scripts = assets.filter((asset) => asset.path.endsWith('.js'));
    const imported = new Set(
      scripts.flatMap((script) =>
        [...script.body.toString('utf8').matchAll(/from '\.\/([^']+)'/g)].map(
          (match) => `/playground/${match[1]}`,
        ),
      ),
    );
    expect([...imported].sort()).toEqual([
      '/playground/block-kit.js',
      '/playground/channel.js',
      '/playground/slack-post.js',
      '/playground/teams-card.js',
      '/playground/teams-chart.js',
    ]);
    for (const path of imported) expect(paths).toContain(path);
  });
});
