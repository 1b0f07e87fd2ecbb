import type { PlaygroundResult } from '../../src/playground/to-playground-result';
import type { ImageBlock } from '../../src/render/slack-blocks';
import { readPngSize } from '../helpers/inspect-png';
import { type PlaygroundTestBed, startPlaygroundTestBed } from './playground-test-bed';

describe.each([
  ['without PUBLIC_URL', {}],
  ['with PUBLIC_URL', { PUBLIC_URL: 'https://calls.example.com' }],
])('the playground Slack pane %s', (_name, env: Record<string, string>) => {
  let bed: PlaygroundTestBed;
  beforeAll(async () => {
    bed = await startPlaygroundTestBed({ env, startScheduler: false });
  });
  afterAll(() => bed.close());

  it('shows a report chart as an image block served by the bot itself (a link relative to the page)', async () => {
    const response = await bed.post('/playground/api/command', {
      text: 'last week',
      timeZone: 'Europe/Berlin',
    });
    expect(response.status).toBe(200);
    const result = (await response.json()) as PlaygroundResult;
    const images = result.slack.blocks.filter((block): block is ImageBlock => block.type === 'image');
    expect(images).toHaveLength(1);
    const url =
      'image_url' in (images[0] ?? {}) ? String((images[0] as { image_url: string }).image_url) : '';
    expect(url).toMatch(/^\/chart\.png\?id=[A-Za-z0-9_-]{32}$/);
    const image = await fetch(`${bed.url}${url}`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(readPngSize(Buffer.from(await image.arrayBuffer()))).toEqual({ width: 1280, height: 640 });
  });
});
