import { join } from 'node:path';
import { AppError } from '../../src/core/errors';
import { silentLogger } from '../../src/core/logger';
import type { Reply } from '../../src/core/reply';
import { DigestScheduler, type DigestSchedulerOptions } from '../../src/schedule/digest-scheduler';
import { SqliteScheduleStore } from '../../src/schedule/sqlite-schedule-store';
import {
  buildSchedule,
  createClock,
  createRecordingDelivery,
  createTempDir,
  HOUR_MS,
  MINUTE_MS,
  occurrencesOf,
  openMemoryStore,
  runFakeReport,
} from './schedule-helpers';

const EIGHT_BERLIN = '2026-11-02T07:00:00.000Z';

function createScheduler(
  overrides: Partial<DigestSchedulerOptions> & Pick<DigestSchedulerOptions, 'store' | 'now'>,
) {
  const recording = createRecordingDelivery(overrides.now);
  const scheduler = new DigestScheduler({
    delivery: recording.delivery,
    runReport: runFakeReport,
    graceMinutes: 60,
    leaseMs: 10 * MINUTE_MS,
    logger: silentLogger,
    ...overrides,
  });
  return { scheduler, ...recording };
}

describe('DigestScheduler: a restart between claim and send posts exactly once', () => {
  it('leaves a crashed claim alone until its lease ends, then posts it once', async () => {
    const clock = createClock(EIGHT_BERLIN);
    const store = openMemoryStore();
    await store.createSchedule(buildSchedule({ createdAt: new Date('2026-11-01T12:00:00Z') }));
    // The first process claims 08:00 and dies while producing the report (it never returns).
    let started: () => void = () => {};
    const claimed = new Promise<void>((resolve) => {
      started = resolve;
    });
    const crashed = createScheduler({
      store,
      now: clock.now,
      runReport: () => {
        started();
        return new Promise<Reply>(() => {});
      },
    });
    void crashed.scheduler.tick();
    await claimed;
    expect(await store.listOpenClaims('abc123')).toEqual([new Date(EIGHT_BERLIN)]);

    // The restarted process: nothing while the lease holds...
    const restarted = createScheduler({ store, now: clock.now });
    clock.advance(1 * MINUTE_MS);
    await restarted.scheduler.tick();
    clock.advance(8 * MINUTE_MS);
    await restarted.scheduler.tick();
    expect(restarted.delivered).toEqual([]);
    // ...exactly one post once it has ended, and none after.
    clock.advance(1 * MINUTE_MS);
    await restarted.scheduler.tick();
    await restarted.scheduler.tick();
    clock.advance(30 * MINUTE_MS);
    await restarted.scheduler.tick();
    expect(occurrencesOf(restarted.delivered)).toEqual([EIGHT_BERLIN]);
    expect(restarted.delivered[0]?.at).toBe('2026-11-02T07:10:00.000Z');
    expect(crashed.delivered).toEqual([]);
    expect(await store.listRuns('abc123')).toEqual([
      expect.objectContaining({ status: 'sent', attempts: 2, occurrenceAt: new Date(EIGHT_BERLIN) }),
    ]);
    await store.close();
  });

  it('a report that outlives its lease posts nothing: the scheduler that took over posts it, once', async () => {
    const clock = createClock(EIGHT_BERLIN);
    const store = openMemoryStore();
    await store.createSchedule(buildSchedule({ createdAt: new Date('2026-11-01T12:00:00Z') }));
    // The first process claims 08:00; its report takes 12 minutes (a PBX under strain).
    let finishReport: (reply: Reply) => void = () => {};
    let started: () => void = () => {};
    const claimed = new Promise<void>((resolve) => {
      started = resolve;
    });
    const slow = createScheduler({
      store,
      now: clock.now,
      runReport: () => {
        started();
        return new Promise<Reply>((resolve) => {
          finishReport = resolve;
        });
      },
    });
    const slowTick = slow.scheduler.tick();
    await claimed;
    clock.advance(11 * MINUTE_MS);
    const other = createScheduler({ store, now: clock.now });
    await other.scheduler.tick();
    expect(occurrencesOf(other.delivered)).toEqual([EIGHT_BERLIN]);
    clock.advance(1 * MINUTE_MS);
    finishReport(await runFakeReport(buildSchedule(), new Date(EIGHT_BERLIN)));
    await slowTick;
    expect(slow.delivered).toEqual([]);
    expect(await store.listRuns('abc123')).toEqual([
      expect.objectContaining({ status: 'sent', attempts: 2, occurrenceAt: new Date(EIGHT_BERLIN) }),
    ]);
    await store.close();
  });

  it('comes back to an older crashed claim after later occurrences were posted', async () => {
    const clock = createClock('2026-11-02T10:00:00Z');
    const store = openMemoryStore();
    await store.createSchedule(
      buildSchedule({
        rule: { cron: '0 * * * *', description: 'every hour' },
        createdAt: new Date('2026-11-02T09:30:00Z'),
      }),
    );
    // A crashed process holds 10:00 with a two-hour lease.
    await store.claimOccurrence(
      'abc123',
      new Date('2026-11-02T10:00:00Z'),
      new Date('2026-11-02T11:30:00Z'),
      clock.now(),
    );
    const { scheduler, delivered } = createScheduler({ store, now: clock.now });
    clock.set('2026-11-02T11:00:00Z');
    await scheduler.tick();
    expect(occurrencesOf(delivered)).toEqual(['2026-11-02T11:00:00.000Z']);
    // 11:30: the lease has ended; 10:00 is now 90 minutes late, past the grace: recorded as skipped.
    clock.set('2026-11-02T11:30:00Z');
    await scheduler.tick();
    clock.set('2026-11-02T12:00:00Z');
    await scheduler.tick();
    expect(occurrencesOf(delivered)).toEqual(['2026-11-02T11:00:00.000Z', '2026-11-02T12:00:00.000Z']);
    const runs = await store.listRuns('abc123');
    expect(runs.map((run) => [run.occurrenceAt.toISOString(), run.status, run.reason])).toEqual([
      ['2026-11-02T10:00:00.000Z', 'skipped', '90 minutes late, over the 60-minute grace period'],
      ['2026-11-02T11:00:00.000Z', 'sent', undefined],
      ['2026-11-02T12:00:00.000Z', 'sent', undefined],
    ]);
    await store.close();
  });
});

describe('DigestScheduler: catching up after downtime', () => {
  it('posts the occurrence missed within the grace period once, and records older ones as skipped', async () => {
    const clock = createClock('2026-11-04T07:40:00Z');
    const store = openMemoryStore();
    await store.createSchedule(buildSchedule({ createdAt: new Date('2026-11-02T12:00:00Z') }));
    const { scheduler, delivered } = createScheduler({ store, now: clock.now });
    await scheduler.tick();
    await scheduler.tick();
    expect(occurrencesOf(delivered)).toEqual(['2026-11-04T07:00:00.000Z']);
    expect(delivered[0]?.at).toBe('2026-11-04T07:40:00.000Z');
    const runs = await store.listRuns('abc123');
    expect(runs.map((run) => [run.occurrenceAt.toISOString(), run.status, run.reason])).toEqual([
      ['2026-11-03T07:00:00.000Z', 'skipped', '1480 minutes late, over the 60-minute grace period'],
      ['2026-11-04T07:00:00.000Z', 'sent', undefined],
    ]);
    await store.close();
  });

  it('posts nothing when every missed occurrence is older than the grace period', async () => {
    const clock = createClock('2026-11-04T08:30:00Z');
    const store = openMemoryStore();
    await store.createSchedule(buildSchedule({ createdAt: new Date('2026-11-02T12:00:00Z') }));
    const { scheduler, delivered } = createScheduler({ store, now: clock.now });
    await scheduler.tick();
    expect(delivered).toEqual([]);
    const runs = await store.listRuns('abc123');
    expect(runs.map((run) => [run.occurrenceAt.toISOString(), run.status, run.reason])).toEqual([
      ['2026-11-03T07:00:00.000Z', 'skipped', '1530 minutes late, over the 60-minute grace period'],
      ['2026-11-04T07:00:00.000Z', 'skipped', '90 minutes late, over the 60-minute grace period'],
    ]);
    // The next morning runs normally.
    clock.set('2026-11-05T07:00:00Z');
    await scheduler.tick();
    expect(occurrencesOf(delivered)).toEqual(['2026-11-05T07:00:00.000Z']);
    await store.close();
  });

  it('posts each hourly occurrence inside the grace period, oldest first', async () => {
    const clock = createClock('2026-11-02T12:20:00Z');
    const store = openMemoryStore();
    await store.createSchedule(
      buildSchedule({
        rule: { cron: '0 * * * *', description: 'every hour' },
        createdAt: new Date('2026-11-02T09:30:00Z'),
      }),
    );
    const { scheduler, delivered } = createScheduler({ store, now: clock.now, graceMinutes: 90 });
    await scheduler.tick();
    expect(occurrencesOf(delivered)).toEqual(['2026-11-02T11:00:00.000Z', '2026-11-02T12:00:00.000Z']);
    expect((await store.listRuns('abc123')).map((run) => run.status)).toEqual(['skipped', 'sent', 'sent']);
    await store.close();
  });

  it('with no grace at all still posts what is only a few minutes late', async () => {
    const clock = createClock('2026-11-02T07:03:00Z');
    const store = openMemoryStore();
    await store.createSchedule(buildSchedule({ createdAt: new Date('2026-11-01T12:00:00Z') }));
    const { scheduler, delivered } = createScheduler({ store, now: clock.now, graceMinutes: 0 });
    await scheduler.tick();
    expect(occurrencesOf(delivered)).toEqual([EIGHT_BERLIN]);
    await store.close();
  });
});

describe('DigestScheduler: several schedulers on one database', () => {
  it('posts each occurrence once when two processes tick at the same time', async () => {
    const temp = createTempDir();
    const path = join(temp.dir, 'shared.sqlite');
    const clock = createClock('2026-11-02T12:10:00Z');
    const storeA = new SqliteScheduleStore({ path });
    const storeB = new SqliteScheduleStore({ path });
    try {
      await storeA.createSchedule(
        buildSchedule({
          rule: { cron: '0 * * * *', description: 'every hour' },
          createdAt: new Date('2026-11-02T10:30:00Z'),
        }),
      );
      await storeA.createSchedule(
        buildSchedule({
          id: 'def456',
          rule: { cron: '0 12 * * *', description: 'every day at 12:00' },
          createdAt: new Date('2026-11-02T06:00:00Z'),
        }),
      );
      // Reports take a moment, so the two schedulers interleave.
      const slowReport = async (...args: Parameters<typeof runFakeReport>) => {
        await new Promise((resolve) => setImmediate(resolve));
        return runFakeReport(...args);
      };
      const a = createScheduler({ store: storeA, now: clock.now, runReport: slowReport, graceMinutes: 120 });
      const b = createScheduler({ store: storeB, now: clock.now, runReport: slowReport, graceMinutes: 120 });
      await Promise.all([a.scheduler.tick(), b.scheduler.tick(), a.scheduler.tick(), b.scheduler.tick()]);
      clock.set('2026-11-02T13:00:00Z');
      await Promise.all([b.scheduler.tick(), a.scheduler.tick()]);
      const all = [...a.delivered, ...b.delivered].map((entry) =>
        entry.reply.kind === 'notice' ? entry.reply.text : '',
      );
      expect(all.sort()).toEqual([
        'abc123 for 2026-11-02T11:00:00.000Z',
        'abc123 for 2026-11-02T12:00:00.000Z',
        'abc123 for 2026-11-02T13:00:00.000Z',
        'def456 for 2026-11-02T11:00:00.000Z',
      ]);
      expect(a.delivered.length).toBeGreaterThan(0);
      expect(b.delivered.length).toBeGreaterThan(0);
    } finally {
      await storeA.close();
      await storeB.close();
      temp.remove();
    }
  });
});

describe('DigestScheduler: failures are recorded', () => {
  it('records a delivery failure with its reason and does not retry it', async () => {
    const clock = createClock(EIGHT_BERLIN);
    const store = openMemoryStore();
    await store.createSchedule(buildSchedule({ createdAt: new Date('2026-11-01T12:00:00Z') }));
    const { scheduler, delivered, failNext } = createScheduler({ store, now: clock.now });
    failNext('Slack said channel_not_found');
    await scheduler.tick();
    clock.advance(5 * MINUTE_MS);
    await scheduler.tick();
    expect(delivered).toEqual([]);
    expect(await store.getLastRun('abc123')).toMatchObject({
      status: 'failed',
      reason: 'Slack said channel_not_found',
      noticeSent: false,
    });
    await store.close();
  });

  it('posts a short notice when the report cannot be produced, and records it', async () => {
    const clock = createClock(EIGHT_BERLIN);
    const store = openMemoryStore();
    await store.createSchedule(buildSchedule({ createdAt: new Date('2026-11-01T12:00:00Z') }));
    const { scheduler, delivered } = createScheduler({
      store,
      now: clock.now,
      runReport: async () => {
        throw new AppError(
          'unreachable',
          'The PBX did not answer (connection refused).',
          'Check THREECX_URL.',
        );
      },
    });
    await scheduler.tick();
    expect(delivered.map((entry) => entry.reply)).toEqual([
      {
        kind: 'notice',
        text: 'The 08:00 digest could not be produced: The PBX did not answer (connection refused). Check THREECX_URL.\nScheduled digest abc123 · every day at 08:00',
      },
    ]);
    expect(await store.getLastRun('abc123')).toMatchObject({
      status: 'failed',
      reason: 'The PBX did not answer (connection refused).',
      noticeSent: true,
    });
    await store.close();
  });

  it('records both failures when even the notice cannot be posted, and hides unexpected errors behind a reference', async () => {
    const clock = createClock(EIGHT_BERLIN);
    const store = openMemoryStore();
    await store.createSchedule(buildSchedule({ createdAt: new Date('2026-11-01T12:00:00Z') }));
    const { scheduler, failNext } = createScheduler({
      store,
      now: clock.now,
      runReport: async () => {
        throw new TypeError('cannot read properties of undefined (secret internals)');
      },
    });
    failNext('Teams answered 403');
    await scheduler.tick();
    const run = await store.getLastRun('abc123');
    expect(run?.status).toBe('failed');
    expect(run?.noticeSent).toBe(false);
    expect(run?.reason).toMatch(
      /^Something went wrong on our side \(reference [0-9a-f]{8}\); the notice could not be posted either: Teams answered 403$/,
    );
    expect(run?.reason).not.toContain('secret');
    await store.close();
  });

  it('keeps going with other digests when one has a broken rule', async () => {
    const clock = createClock(EIGHT_BERLIN);
    const store = openMemoryStore();
    await store.createSchedule(
      buildSchedule({ id: 'bad000', timeZone: 'Mars/Olympus', createdAt: new Date('2026-11-01T12:00:00Z') }),
    );
    await store.createSchedule(buildSchedule({ createdAt: new Date('2026-11-01T12:00:01Z') }));
    const { scheduler, delivered } = createScheduler({ store, now: clock.now });
    await scheduler.tick();
    expect(occurrencesOf(delivered)).toEqual([EIGHT_BERLIN]);
    await store.close();
  });

  it('stops posting a digest that was removed', async () => {
    const clock = createClock(EIGHT_BERLIN);
    const store = openMemoryStore();
    await store.createSchedule(buildSchedule({ createdAt: new Date('2026-11-01T12:00:00Z') }));
    const { scheduler, delivered } = createScheduler({ store, now: clock.now });
    await store.deleteSchedule('abc123', { platform: 'slack', conversationId: 'C1' });
    await scheduler.tick();
    clock.advance(24 * HOUR_MS);
    await scheduler.tick();
    expect(delivered).toEqual([]);
    await store.close();
  });
});
