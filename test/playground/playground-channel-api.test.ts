import { join } from 'node:path';
import type { Report } from '../../src/core/report';
import type { ChannelView } from '../../src/playground/create-channel-routes';
import type { PlaygroundResult } from '../../src/playground/to-playground-result';
import { type FakeSlackApi, startFakeSlackApi } from '../helpers/fake-slack-api';
import { createClock, createTempDir, type TestClock } from '../schedule/schedule-helpers';
import { PLAYGROUND_TEST_NOW, type PlaygroundTestBed, startPlaygroundTestBed } from './playground-test-bed';

/**
 * The playground's channel view through HTTP, on the real bot (`startBot`): digests scheduled
 * there live in the bot's store, the real scheduler posts them into the view at their times (the
 * clock is the bot's, moved by the test, and the scheduler ticks when the test says), and "Run
 * now" previews one without recording a run.
 */

const ZONE = 'Europe/Berlin';
/** 12:00 in Berlin on the pinned day (PLAYGROUND_TEST_NOW is 10:00Z, 11:00 there). */
const NOON = '2026-11-29T11:00:00Z';

type Sent = { status: number; view: ChannelView };

/** POSTs to a channel route (`after`: the newest post the page has) and reads the channel it answers. */
async function send(bed: PlaygroundTestBed, route: string, body: unknown, after = 0): Promise<Sent> {
  const response = await bed.post(`/playground/api/channel/${route}?after=${after}`, body);
  return { status: response.status, view: (await response.json()) as ChannelView };
}

async function type(bed: PlaygroundTestBed, text: string, after = 0): Promise<ChannelView> {
  const { status, view } = await send(bed, 'command', { text, timeZone: ZONE }, after);
  expect(status).toBe(200);
  return view;
}

async function read(bed: PlaygroundTestBed, after = 0): Promise<ChannelView> {
  const response = await fetch(`${bed.url}/playground/api/channel?after=${after}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toBe('no-store');
  return (await response.json()) as ChannelView;
}

/** The bot's posts of one kind, as the view would show them. */
function botPosts(view: ChannelView, kind: 'reply' | 'digest' | 'preview'): PlaygroundResult[] {
  return view.posts.flatMap((post) => (post.kind === kind ? [post.result] : []));
}

function reportOf(result: PlaygroundResult | undefined): Report {
  if (result?.reply.kind !== 'report') throw new Error(`expected a report, got ${result?.reply.kind}`);
  return result.reply.report;
}

function newest(view: ChannelView): number {
  return view.posts.at(-1)?.id ?? 0;
}

/** The id in "Digest k3m9qa scheduled: …". */
function scheduledId(view: ChannelView): string {
  const text = botPosts(view, 'reply').at(-1)?.text ?? '';
  const id = /^Digest ([0-9a-z]{6}) scheduled:/.exec(text)?.[1];
  if (!id) throw new Error(`no digest was scheduled: ${text}`);
  return id;
}

describe('the channel view: schedule, schedules, Run now, the scheduler, unschedule', () => {
  let bed: PlaygroundTestBed;
  let clock: TestClock;
  let id: string;
  let seen = 0;

  beforeAll(async () => {
    clock = createClock(PLAYGROUND_TEST_NOW);
    bed = await startPlaygroundTestBed({ now: clock.now, startScheduler: false });
  });
  afterAll(async () => {
    await bed?.close();
  });

  it('starts empty', async () => {
    const view = await read(bed);
    expect(view).toEqual({ label: '#playground', oldestId: 1, newestId: 0, posts: [], digests: [] });
  });

  it('`schedule every day at 12:00 yesterday` posts what was typed and the confirmation, and lists the digest', async () => {
    const view = await type(bed, 'schedule every day at 12:00 yesterday');
    expect(view.posts.map((post) => [post.id, post.kind, post.postedAt])).toEqual([
      [1, 'typed', '2026-11-29T10:00:00.000Z'],
      [2, 'reply', '2026-11-29T10:00:00.000Z'],
    ]);
    expect(view.posts[0]).toMatchObject({ kind: 'typed', text: 'schedule every day at 12:00 yesterday' });
    id = scheduledId(view);
    expect(botPosts(view, 'reply')[0]?.text).toBe(
      [
        `Digest ${id} scheduled: every day at 12:00 (Europe/Berlin), posting "yesterday" here.`,
        `First run: Sun 29 Nov 2026 12:00. "schedules" lists the digests here; "unschedule ${id}" removes this one.`,
      ].join('\n'),
    );
    expect(view.digests).toEqual([
      {
        id,
        description: 'every day at 12:00',
        timeZone: ZONE,
        command: 'yesterday',
        next: 'next Sun 29 Nov 2026 12:00',
        last: 'no run yet',
      },
    ]);
    seen = newest(view);
  });

  it('`schedules` lists it in this channel only; the Reply pane (no channel) still cannot schedule', async () => {
    const view = await type(bed, 'schedules', seen);
    expect(view.posts.map((post) => post.id)).toEqual([3, 4]);
    expect(botPosts(view, 'reply')[0]?.text).toBe(
      [
        'Digests in this conversation (1):',
        `• ${id}: every day at 12:00 (Europe/Berlin), "yesterday"`,
        '   next Sun 29 Nov 2026 12:00 · last: no run yet',
        '"unschedule <id>" removes one.',
      ].join('\n'),
    );
    seen = newest(view);

    const pane = await bed.post('/playground/api/command', { text: 'schedules', timeZone: ZONE });
    const result = (await pane.json()) as PlaygroundResult;
    expect(result.reply).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('Digests are posted to a Slack channel or a Teams conversation'),
    });
    expect((await read(bed, seen)).posts).toEqual([]);
  });

  it('Run now posts the digest as it would post now, with the CLI figures, and records no run', async () => {
    const { status, view } = await send(bed, 'run-now', { id: id.toUpperCase() }, seen);
    expect(status).toBe(200);
    expect(view.posts.map((post) => [post.id, post.kind])).toEqual([[5, 'preview']]);
    expect(view.posts[0]).toMatchObject({ scheduleId: id, postedAt: '2026-11-29T10:00:00.000Z' });
    const preview = botPosts(view, 'preview')[0];
    expect(reportOf(preview)).toEqual(await bed.runCliJson(['yesterday'], ZONE));
    expect(preview?.text).toContain(`Scheduled digest ${id} · every day at 12:00`);
    // Slack's buttons without Share: the digest is in the channel already.
    const buttons = preview?.slack.blocks.flatMap((block) =>
      block.type === 'actions' ? block.elements.map((element) => element.action_id) : [],
    );
    expect(buttons).toContain('calls_export-csv');
    expect(buttons).not.toContain('calls_share');
    // The store's bookkeeping is untouched: no last run, the same next run.
    expect(view.digests[0]).toMatchObject({ next: 'next Sun 29 Nov 2026 12:00', last: 'no run yet' });
    seen = newest(view);
  });

  it('the scheduler posts the digest into the view at 12:00 Berlin, although Run now came first', async () => {
    clock.set('2026-11-29T10:59:00Z');
    await bed.scheduler.tick();
    expect((await read(bed, seen)).posts).toEqual([]);

    clock.set('2026-11-29T11:00:20Z');
    await bed.scheduler.tick();
    const view = await read(bed, seen);
    expect(view.posts.map((post) => [post.kind, post.postedAt])).toEqual([
      ['digest', '2026-11-29T11:00:20.000Z'],
    ]);
    expect(view.posts[0]).toMatchObject({ scheduleId: id });
    expect(reportOf(botPosts(view, 'digest')[0])).toEqual(await bed.runCliJson(['yesterday'], ZONE));
    expect(view.digests[0]).toMatchObject({
      next: 'next Mon 30 Nov 2026 12:00',
      last: 'sent Sun 29 Nov 2026 12:00',
    });
    seen = newest(view);

    // Once: another tick in the same minute posts nothing more.
    clock.set('2026-11-29T11:01:00Z');
    await bed.scheduler.tick();
    expect((await read(bed, seen)).posts).toEqual([]);
  });

  it('Run now after a real run leaves that run as the last one', async () => {
    const { view } = await send(bed, 'run-now', { id }, seen);
    expect(view.posts.map((post) => post.kind)).toEqual(['preview']);
    expect(view.digests[0]).toMatchObject({ last: 'sent Sun 29 Nov 2026 12:00' });
    seen = newest(view);
  });

  it('answers a button of a digest post in the channel', async () => {
    const digest = botPosts(await read(bed), 'digest')[0];
    const missed = digest?.slack.blocks
      .flatMap((block) => (block.type === 'actions' ? block.elements : []))
      .find((element) => element.action_id === 'calls_missed');
    if (!missed) throw new Error('expected a Missed calls button on the digest');
    const { status, view } = await send(
      bed,
      'action',
      { actionId: 'missed', value: missed.value, timeZone: ZONE },
      seen,
    );
    expect(status).toBe(200);
    expect(view.posts.map((post) => post.kind)).toEqual(['reply']);
    const answer = botPosts(view, 'reply')[0];
    expect(answer?.reply).toMatchObject({ kind: 'report', focus: 'missed' });
    expect(reportOf(answer)).toEqual(await bed.runCliJson(['yesterday', 'missed'], ZONE));
    seen = newest(view);
  });

  it('refuses Run now for a digest that is not here, or a word that is no id', async () => {
    const unknown = await send(bed, 'run-now', { id: 'zzzzzz' }, seen);
    expect(unknown.status).toBe(404);
    expect(unknown.view).toEqual({ error: 'There is no digest zzzzzz in the playground channel.' });
    const word = await send(bed, 'run-now', { id: 'next one' }, seen);
    expect(word.status).toBe(400);
    expect(word.view).toEqual({
      error: '"next one" is not a digest id: ids are 6 letters and digits, like k3m9qa.',
    });
    expect((await read(bed, seen)).posts).toEqual([]);
  });

  it('`unschedule <id>` removes it: no longer listed, no longer run, no Run now', async () => {
    const view = await type(bed, `unschedule ${id}`, seen);
    expect(botPosts(view, 'reply')[0]?.text).toBe(
      `Digest ${id} removed (every day at 12:00, "yesterday"); it will not post again.`,
    );
    expect(view.digests).toEqual([]);
    seen = newest(view);
    clock.set('2026-11-30T11:00:20Z');
    await bed.scheduler.tick();
    expect((await read(bed, seen)).posts).toEqual([]);
    expect((await send(bed, 'run-now', { id }, seen)).status).toBe(404);
  });
});

describe('the channel view keeps its newest posts only', () => {
  let bed: PlaygroundTestBed;
  beforeAll(async () => {
    bed = await startPlaygroundTestBed({ startScheduler: false });
  });
  afterAll(async () => {
    await bed?.close();
  });

  it('drops the oldest beyond 50 and says from which number it kept them', async () => {
    for (let count = 0; count < 26; count++) await type(bed, 'schedule help');
    const view = await read(bed);
    expect(view.posts).toHaveLength(50);
    expect([view.oldestId, view.newestId]).toEqual([3, 52]);
    expect(view.posts.map((post) => post.id)).toEqual(Array.from({ length: 50 }, (_, index) => index + 3));
  });
});

describe('the channel view with a real PBX: behind the playground token', () => {
  let bed: PlaygroundTestBed;
  beforeAll(async () => {
    bed = await startPlaygroundTestBed({ realPbx: true, startScheduler: false });
  });
  afterAll(async () => {
    await bed?.close();
  });

  it('answers 401 to every channel route without the cookie, and schedules and runs with it', async () => {
    if (!bed.plan.serve || !bed.plan.token) throw new Error('expected a token');
    const routes = [
      { method: 'GET', path: '/playground/api/channel' },
      {
        method: 'POST',
        path: '/playground/api/channel/command',
        body: { text: 'schedules', timeZone: ZONE },
      },
      { method: 'POST', path: '/playground/api/channel/action', body: { actionId: 'missed', value: 'x' } },
      { method: 'POST', path: '/playground/api/channel/run-now', body: { id: 'k3m9qa' } },
    ];
    const headers = { 'content-type': 'application/json' };
    for (const route of routes) {
      const body = route.body && JSON.stringify(route.body);
      const refused = await bed.send(route.path, { method: route.method, headers, ...(body && { body }) });
      expect([route.path, refused.status]).toEqual([route.path, 401]);
      expect(refused.body).toContain('The playground needs its token');
    }
    expect(bed.logs.some((entry) => entry.message === 'playground channel command')).toBe(false);

    const visit = await bed.send(`/?token=${bed.plan.token.value}`);
    const cookie = (visit.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
    const typed = await bed.send('/playground/api/channel/command', {
      method: 'POST',
      headers: { ...headers, cookie },
      body: JSON.stringify({ text: 'schedule every day at 12:00 yesterday', timeZone: ZONE }),
    });
    expect(typed.status).toBe(200);
    const id = scheduledId(JSON.parse(typed.body) as ChannelView);
    const ran = await bed.send('/playground/api/channel/run-now', {
      method: 'POST',
      headers: { ...headers, cookie },
      body: JSON.stringify({ id }),
    });
    expect(ran.status).toBe(200);
    const preview = botPosts(JSON.parse(ran.body) as ChannelView, 'preview')[0];
    expect(reportOf(preview)).toEqual(await bed.runCliJson(['yesterday'], ZONE));

    // The PBX failing: Run now shows the notice the scheduler would post, and still records nothing.
    const other = await bed.send('/playground/api/channel/command', {
      method: 'POST',
      headers: { ...headers, cookie },
      body: JSON.stringify({ text: 'schedule every monday at 9 last month', timeZone: ZONE }),
    });
    const otherId = scheduledId(JSON.parse(other.body) as ChannelView);
    bed.pbx?.misbehave({ endpoint: 'calllog', status: 500, times: 50 });
    const failed = await bed.send('/playground/api/channel/run-now', {
      method: 'POST',
      headers: { ...headers, cookie },
      body: JSON.stringify({ id: otherId }),
    });
    const view = JSON.parse(failed.body) as ChannelView;
    const notice = botPosts(view, 'preview').at(-1);
    expect(notice?.reply.kind).toBe('notice');
    expect(notice?.text).toMatch(/^The 11:00 digest could not be produced: .+/);
    expect(notice?.text).toContain(`Scheduled digest ${otherId} · every Monday at 09:00`);
    expect(view.digests.map((digest) => digest.last)).toEqual(['no run yet', 'no run yet']);
  });
});

describe('playground digests survive a restart (one SQLite file)', () => {
  const temp = createTempDir();
  afterAll(() => temp.remove());

  it('lists a digest scheduled before the restart and posts it at its time after', async () => {
    const env = { DATABASE_URL: `sqlite:${join(temp.dir, 'calls-bot.sqlite')}` };
    const first = await startPlaygroundTestBed({ env, startScheduler: false });
    let id: string;
    try {
      id = scheduledId(await type(first, 'schedule every day at 12:00 yesterday'));
    } finally {
      await first.close();
    }

    const clock = createClock(PLAYGROUND_TEST_NOW);
    const second = await startPlaygroundTestBed({ env, now: clock.now, startScheduler: false });
    try {
      const view = await read(second);
      expect(view.posts).toEqual([]);
      expect(view.digests.map((digest) => [digest.id, digest.next])).toEqual([
        [id, 'next Sun 29 Nov 2026 12:00'],
      ]);
      clock.set(NOON);
      await second.scheduler.tick();
      const after = await read(second);
      expect(after.posts.map((post) => post.kind)).toEqual(['digest']);
      expect(reportOf(botPosts(after, 'digest')[0])).toEqual(await second.runCliJson(['yesterday'], ZONE));
    } finally {
      await second.close();
    }
  });
});

describe('with Slack connected too, playground digests post only into the playground view', () => {
  let slack: FakeSlackApi;
  let bed: PlaygroundTestBed;
  const clock = createClock(PLAYGROUND_TEST_NOW);

  beforeAll(async () => {
    slack = await startFakeSlackApi();
    bed = await startPlaygroundTestBed({
      now: clock.now,
      startScheduler: false,
      env: {
        SLACK_SIGNING_SECRET: 'playground-channel-test-secret',
        SLACK_BOT_TOKEN: 'xoxb-playground-channel-test',
        SLACK_API_URL: slack.apiUrl,
      },
    });
  });
  afterAll(async () => {
    await bed?.close();
    await slack?.close();
  });

  it('posts the digest into the view and calls no Slack method to post it', async () => {
    const id = scheduledId(await type(bed, 'schedule every day at 12:00 yesterday'));
    clock.set(NOON);
    await bed.scheduler.tick();
    const view = await read(bed);
    expect(view.posts.flatMap((post) => (post.kind === 'digest' ? [post.scheduleId] : []))).toEqual([id]);
    expect(view.digests[0]).toMatchObject({ last: 'sent Sun 29 Nov 2026 12:00' });
    expect(slack.callsOf('chat.postMessage')).toEqual([]);
    expect(slack.callsOf('chat.postEphemeral')).toEqual([]);
  });
});
