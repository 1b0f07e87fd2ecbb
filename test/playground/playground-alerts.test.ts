import type { ChannelView } from '../../src/playground/create-channel-routes';
import { createClock } from '../schedule/schedule-helpers';
import { PLAYGROUND_TEST_NOW, type PlaygroundTestBed, startPlaygroundTestBed } from './playground-test-bed';

/**
 * `alerts …` typed into the playground's channel view, on the real bot: the channel is a
 * conversation of its own, so it can be subscribed like a Slack channel (its user is an admin).
 */

async function type(bed: PlaygroundTestBed, text: string): Promise<string> {
  const response = await bed.post('/playground/api/channel/command?after=0', {
    text,
    timeZone: 'Europe/Berlin',
  });
  expect(response.status).toBe(200);
  const view = (await response.json()) as ChannelView;
  const last = view.posts.at(-1);
  if (last?.kind !== 'reply') throw new Error(`no reply to "${text}"`);
  return last.result.text;
}

describe("the playground's channel: alerts", () => {
  let bed: PlaygroundTestBed;

  beforeAll(async () => {
    bed = await startPlaygroundTestBed({ now: createClock(PLAYGROUND_TEST_NOW).now, startScheduler: false });
  });
  afterAll(async () => {
    await bed?.close();
  });

  it('turns alerts on, lists and ends them, and answers a mistyped command with an example', async () => {
    const confirmation = await type(bed, 'alerts missed queue 800');
    const id = /^Alerts ([0-9a-z]{6}) on: missed calls of queue 800 will be posted here/.exec(
      confirmation,
    )?.[1];
    expect(id).toBeDefined();
    expect(await type(bed, 'alerts')).toBe(
      [
        'Alerts in this conversation (1):',
        `• ${id}: missed calls of queue 800 · by you · since Sun 29 Nov 2026 11:00`,
        '"alerts off <id>" ends one.',
      ].join('\n'),
    );
    expect(await type(bed, 'alerts missed ext')).toContain(
      '"ext" needs an extension number, e.g. "alerts missed ext 101" or "alerts missed ext 101,102".',
    );
    expect(await type(bed, `alerts off ${id}`)).toBe(
      `Alerts ${id} off (missed calls of queue 800): nothing more will be posted for them.`,
    );
  });
});
