import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One file the playground serves as it is. */
export interface PlaygroundAsset {
  path: string;
  contentType: string;
  body: Buffer;
}

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/** The page's own files, in `assets/` next to this module: plain HTML, CSS and JS, no build step. */
const OWN_ASSETS: { path: string; file: string; contentType: string }[] = [
  { path: '/', file: 'index.html', contentType: 'text/html; charset=utf-8' },
  { path: '/playground/style.css', file: 'style.css', contentType: CSS },
  { path: '/playground/slack.css', file: 'slack.css', contentType: CSS },
  { path: '/playground/teams.css', file: 'teams.css', contentType: CSS },
  { path: '/playground/channel.css', file: 'channel.css', contentType: CSS },
  { path: '/playground/app.js', file: 'app.js', contentType: JS },
  { path: '/playground/block-kit.js', file: 'block-kit.js', contentType: JS },
  { path: '/playground/slack-post.js', file: 'slack-post.js', contentType: JS },
  { path: '/playground/channel.js', file: 'channel.js', contentType: JS },
  { path: '/playground/teams-card.js', file: 'teams-card.js', contentType: JS },
  { path: '/playground/teams-chart.js', file: 'teams-chart.js', contentType: JS },
  { path: '/playground/favicon.svg', file: 'favicon.svg', contentType: 'image/svg+xml' },
];

/**
 * Reads every asset once, at startup, so a missing file fails `npm start` instead of a page load.
 * Microsoft's Adaptive Cards renderer comes from its npm package's browser bundle. `{{PBX}}` in
 * the page becomes `pbxDescription`, HTML-escaped.
 */
export function loadPlaygroundAssets(
  pbxDescription: string,
  assetsDir = join(__dirname, 'assets'),
): PlaygroundAsset[] {
  const own = OWN_ASSETS.map(({ path, file, contentType }) => {
    const body = readFileSync(join(assetsDir, file));
    return {
      path,
      contentType,
      body: file === 'index.html' ? fillPage(body, pbxDescription) : body,
    };
  });
  const adaptiveCards = {
    path: '/playground/adaptivecards.js',
    contentType: JS,
    body: readFileSync(require.resolve('adaptivecards/dist/adaptivecards.min.js')),
  };
  return [...own, adaptiveCards];
}

function fillPage(page: Buffer, pbxDescription: string): Buffer {
  return Buffer.from(page.toString('utf8').replaceAll('{{PBX}}', escapeHtml(pbxDescription)), 'utf8');
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
