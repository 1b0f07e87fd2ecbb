import { randomBytes } from 'node:crypto';
import { decodePng, near, readPngSize } from '../../helpers/inspect-png';
import { type PrefixProxy, startPrefixProxy } from '../../helpers/prefix-proxy';
import { expectWithinSlackLimits, imageBlocksOf } from '../../helpers/slack-block-limits';
import {
  blockTexts,
  buttonOf,
  listUnscopedMethods,
  SLACK_NOW,
  type SlackBotHarness,
  startSlackBotHarness,
} from '../../helpers/slack-bot-harness';
import { SLACK_TEST_IDS } from '../../helpers/slack-request';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The PNG as rendered: 640 × 320 drawn at 2×. */
const PNG_SIZE = { width: 1280, height: 640 };

/** GETs a URL and reads the whole answer. */
async function download(url: string, method = 'GET') {
  const response = await fetch(url, { method, redirect: 'manual' });
  return {
    status: response.status,
    headers: response.headers,
    body: Buffer.from(await response.arrayBuffer()),
  };
}

/** The one image block's URL of a recorded message. */
function imageUrlOf(message: Record<string, unknown>): string {
  const images = imageBlocksOf(message);
  expect(images).toHaveLength(1);
  return String(images[0]?.image_url);
}

describe('Slack charts at PUBLIC_URL (real bot behind a reverse proxy, fake Slack that fetches images)', () => {
  let proxy: PrefixProxy;
  let harness: SlackBotHarness;

  beforeAll(async () => {
    proxy = await startPrefixProxy('/calls-bot');
    harness = await startSlackBotHarness({ env: { PUBLIC_URL: `${proxy.url}/` } });
    proxy.setTarget(harness.bot.url);
  });
  afterEach(() => {
    harness.setNow(SLACK_NOW);
    proxy.setDown(false);
  });
  afterAll(async () => {
    // Charts need no Web API method (so no scope) beyond what the bot already had.
    expect(listUnscopedMethods(harness.slack)).toEqual([]);
    await harness.close();
    await proxy.close();
  });

  const ask = async (text: string) => {
    const sent = await harness.sendCommand(text);
    return (await harness.waitForAnswer(sent.responseId)).answer;
  };

  it('a /calls summary shows its calls by hour as an image Slack fetched from PUBLIC_URL: a PNG of the chart', async () => {
    const answer = await ask('last week');
    expectWithinSlackLimits(answer);
    const url = imageUrlOf(answer);
    expect(url).toMatch(
      new RegExp(`^${proxy.url.replace(/[.]/g, '\\.')}/chart\\.png\\?id=[A-Za-z0-9_-]{32}$`),
    );
    const [image] = imageBlocksOf(answer);
    expect(image?.alt_text).toMatch(/calls by hour/i);
    // Slack downloaded it (through the proxy) before taking the message.
    expect(harness.slack.imageFetches.filter((fetched) => fetched.url === url)).toEqual([
      expect.objectContaining({ status: 200, contentType: 'image/png' }),
    ]);
    expect(proxy.requests).toContain(url.slice(url.indexOf('/calls-bot/')));
    // And anyone holding the URL gets exactly that PNG, briefly cacheable, never sniffed.
    const fetched = await download(url);
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get('content-type')).toBe('image/png');
    expect(fetched.headers.get('x-content-type-options')).toBe('nosniff');
    expect(fetched.headers.get('cache-control')).toBe('public, max-age=300');
    expect(fetched.headers.get('set-cookie')).toBeNull();
    expect(readPngSize(fetched.body)).toEqual(PNG_SIZE);
    expect(Number(fetched.headers.get('content-length'))).toBe(fetched.body.length);
    // The text bars give way to the image.
    expect(blockTexts(answer)).not.toContain('█');
  });

  it('a 13-week trend shows its buckets as lines (calls, answered, missed) in the image', async () => {
    const answer = await ask('from=2026-08-24 to=2026-11-23 by week');
    expectWithinSlackLimits(answer);
    const [image] = imageBlocksOf(answer);
    expect(image?.alt_text).toMatch(/calls by week/i);
    const png = (await download(imageUrlOf(answer))).body;
    expect(readPngSize(png)).toEqual(PNG_SIZE);
    const pixels = decodePng(png);
    // One colour per series: blue, red and green lines all drawn.
    for (const colour of ['#2563eb', '#dc2626', '#16a34a'])
      expect(pixels.count(near(colour))).toBeGreaterThan(1000);
  });

  it('gives each reply its own image, and a shared report posts its chart in the channel too', async () => {
    const first = await ask('last week');
    const second = await ask('last week');
    expect(imageUrlOf(first)).not.toBe(imageUrlOf(second));
    const before = harness.slack.callsOf('chat.postMessage').length;
    const share = buttonOf(second, 'calls_share');
    await harness.click({ actionId: share.action_id, value: share.value, responseId: 'share-1' });
    const posts = await harness.slack.waitForCalls('chat.postMessage', before + 1);
    const shared = posts[before]?.args ?? {};
    expect(shared.channel).toBe(SLACK_TEST_IDS.channelId);
    expectWithinSlackLimits(shared);
    expect((await download(imageUrlOf(shared))).status).toBe(200);
  });

  it('serves nothing else: unknown, malformed and missing ids are 404, other methods 405', async () => {
    const base = harness.bot.url;
    const unknown = randomBytes(24).toString('base64url');
    for (const path of [
      `/chart.png?id=${unknown}`,
      '/chart.png?id=abc',
      '/chart.png',
      '/chart.png?id=',
      `/chart.png/${unknown}`,
      `/chart.png/?id=${unknown}`,
      '/charts/',
    ]) {
      const answer = await download(`${base}${path}`);
      expect({ path, status: answer.status }).toEqual({ path, status: 404 });
      expect(answer.headers.get('content-type')).not.toBe('image/png');
    }
    expect((await fetch(`${base}/chart.png?id=${unknown}`, { method: 'POST' })).status).toBe(405);
  });

  it('an image expires after CHART_IMAGE_TTL_MINUTES (24 hours by default), then is 404 for good', async () => {
    const url = imageUrlOf(await ask('last week'));
    harness.setNow(new Date(SLACK_NOW.getTime() + DAY_MS - 10_000));
    const late = await download(url);
    expect(late.status).toBe(200);
    // A cache may keep it only as long as it has left.
    expect(late.headers.get('cache-control')).toBe('public, max-age=10');
    harness.setNow(new Date(SLACK_NOW.getTime() + DAY_MS));
    expect((await download(url)).status).toBe(404);
    harness.setNow(SLACK_NOW);
    expect((await download(url)).status).toBe(404);
  });

  it('when Slack cannot fetch the image (the proxy is down), the reply goes out again with the text bars', async () => {
    proxy.setDown(true);
    const sent = await harness.sendCommand('last week');
    const { answer } = await harness.waitForAnswer(sent.responseId);
    const refused = harness.slack.refusedResponses.filter((entry) => entry.id === sent.responseId);
    expect(refused).toHaveLength(1);
    expect(imageBlocksOf(refused[0]?.body ?? {})).toHaveLength(1);
    expect(imageBlocksOf(answer)).toEqual([]);
    expect(blockTexts(answer)).toContain('█');
    expectWithinSlackLimits(answer);
    expect(harness.logs.join('\n')).toContain('refused the reply with its chart image');
  });

  it('a digest posted to its channel carries the chart image too', async () => {
    const before = harness.slack.callsOf('chat.postMessage').length;
    await harness.sendCommand('schedule every day at 8:00 last week');
    await harness.slack.waitForCalls('chat.postMessage', before + 1);
    harness.setNow(new Date('2026-11-30T07:00:30Z'));
    await harness.bot.scheduler.tick();
    const posts = harness.slack.callsOf('chat.postMessage').slice(before + 1);
    expect(posts).toHaveLength(1);
    const digest = posts[0]?.args ?? {};
    expectWithinSlackLimits(digest);
    const url = imageUrlOf(digest);
    expect(harness.slack.imageFetches.some((fetched) => fetched.url === url && fetched.status === 200)).toBe(
      true,
    );
    expect(readPngSize((await download(url)).body)).toEqual(PNG_SIZE);
  });

  it('a digest whose image Slack cannot fetch is posted with the text bars instead', async () => {
    const before = harness.slack.callsOf('chat.postMessage').length;
    await harness.sendCommand('schedule every day at 9:00 last week');
    const [confirmation] = (await harness.slack.waitForCalls('chat.postMessage', before + 1)).slice(before);
    const id = /Digest ([0-9a-z]{6}) scheduled/.exec(String(confirmation?.args.text))?.[1] ?? 'none';
    proxy.setDown(true);
    harness.setNow(new Date('2026-11-30T08:00:30Z'));
    await harness.bot.scheduler.tick();
    const tries = harness.slack
      .callsOf('chat.postMessage')
      .filter((call) => blockTexts(call.args).includes(`Scheduled digest ${id}`));
    expect(tries.map((call) => imageBlocksOf(call.args).length)).toEqual([1, 0]);
    const posted = tries[1]?.args ?? {};
    expect(blockTexts(posted)).toContain('█');
    expectWithinSlackLimits(posted);
    expect(harness.logs.join('\n')).toContain('refused the digest with its chart image');
  });
});

describe('Slack charts without PUBLIC_URL', () => {
  let harness: SlackBotHarness;
  beforeAll(async () => {
    harness = await startSlackBotHarness();
  });
  afterAll(() => harness.close());

  it('a summary shows its calls by hour as text bars, with no image block and nothing for Slack to fetch', async () => {
    const sent = await harness.sendCommand('last week');
    const { answer } = await harness.waitForAnswer(sent.responseId);
    expect(imageBlocksOf(answer)).toEqual([]);
    expect(blockTexts(answer)).toContain('█');
    expectWithinSlackLimits(answer);
    expect(harness.slack.imageFetches).toEqual([]);
    expect(
      (await download(`${harness.bot.url}/chart.png?id=${randomBytes(24).toString('base64url')}`)).status,
    ).toBe(404);
  });
});
