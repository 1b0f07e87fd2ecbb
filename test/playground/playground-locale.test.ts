import type { ChannelView } from '../../src/playground/create-channel-routes';
import type { PlaygroundResult } from '../../src/playground/to-playground-result';
import { type PlaygroundTestBed, startPlaygroundTestBed } from './playground-test-bed';

/**
 * The playground's locale selector: the page sends the locale picked with every command (as it
 * sends the zone), and the playground's user reads numeric dates in it, in the reply view and in
 * the channel view. An invalid locale counts as DEFAULT_LOCALE.
 */

const ZONE = 'Europe/Berlin';
const NOVEMBER_3 = 'Tue 3 Nov 2026 (Europe/Berlin)';
const MARCH_11 = 'Wed 11 Mar 2026 (Europe/Berlin)';
let bed: PlaygroundTestBed;

beforeAll(async () => {
  bed = await startPlaygroundTestBed();
});
afterAll(async () => {
  await bed?.close();
});

/** The first lines of the text rendering of `3/11` typed with `locale` (none: left out of the body). */
async function threeEleven(locale?: string, route = '/playground/api/command'): Promise<string[]> {
  const response = await bed.post(route, {
    text: '3/11',
    timeZone: ZONE,
    ...(locale !== undefined && { locale }),
  });
  expect(response.status).toBe(200);
  const result = (await response.json()) as PlaygroundResult;
  return result.text.split('\n').slice(0, 2);
}

describe('the playground locale', () => {
  it('reads 3/11 day-first in en-GB and month-first in en-US, saying so', async () => {
    expect(await threeEleven('en-GB')).toEqual([
      NOVEMBER_3,
      'Assumed: 3/11 read day-first from your locale en-GB',
    ]);
    expect(await threeEleven('en-US')).toEqual([
      MARCH_11,
      'Assumed: 3/11 read month-first from your locale en-US',
    ]);
    expect(await threeEleven('de-DE')).toEqual([
      NOVEMBER_3,
      'Assumed: 3/11 read day-first from your locale de-DE',
    ]);
  });

  it('takes DEFAULT_LOCALE (en-US) for a locale that is not one, or none', async () => {
    expect((await threeEleven('english'))[0]).toBe(MARCH_11);
    expect((await threeEleven())[0]).toBe(MARCH_11);
  });

  it('reads the channel view in the locale sent too', async () => {
    const response = await bed.post('/playground/api/channel/command?after=0', {
      text: '3/11',
      timeZone: ZONE,
      locale: 'en-GB',
    });
    expect(response.status).toBe(200);
    const view = (await response.json()) as ChannelView;
    const reply = view.posts.flatMap((post) => (post.kind === 'reply' ? [post.result] : [])).at(-1);
    expect(reply?.text.split('\n').slice(0, 2)).toEqual([
      NOVEMBER_3,
      'Assumed: 3/11 read day-first from your locale en-GB',
    ]);
  });
});

describe('the playground locale with DEFAULT_LOCALE=en-GB', () => {
  let gb: PlaygroundTestBed;
  beforeAll(async () => {
    gb = await startPlaygroundTestBed({ env: { DEFAULT_LOCALE: 'en-GB' } });
  });
  afterAll(async () => {
    await gb?.close();
  });

  it('reads 3/11 in DEFAULT_LOCALE when the page sends an invalid locale or none, and as sent otherwise', async () => {
    const windowOf = async (body: Record<string, string>) => {
      const response = await gb.post('/playground/api/command', { text: '3/11', timeZone: ZONE, ...body });
      return ((await response.json()) as PlaygroundResult).text.split('\n')[0];
    };
    expect(await windowOf({ locale: 'english' })).toBe(NOVEMBER_3);
    expect(await windowOf({})).toBe(NOVEMBER_3);
    expect(await windowOf({ locale: 'en-US' })).toBe(MARCH_11);
  });
});
