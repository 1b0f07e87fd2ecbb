import { silentLogger } from '../../src/core/logger';
import type { DigestSchedule } from '../../src/schedule/digest-schedule';
import { DigestScheduler } from '../../src/schedule/digest-scheduler';
import {
  buildSchedule,
  createClock,
  createRecordingDelivery,
  MINUTE_MS,
  occurrencesOf,
  openMemoryStore,
  runFakeReport,
  type TestClock,
} from './schedule-helpers';

/** Ticks every `stepMs` from the clock's time up to `untilIso`, like a scheduler polling. */
async function sweep(
  scheduler: DigestScheduler,
  clock: TestClock,
  untilIso: string,
  stepMs = 15 * MINUTE_MS,
) {
  const until = new Date(untilIso).getTime();
  while (clock.now().getTime() <= until) {
    await scheduler.tick();
    clock.advance(stepMs);
  }
}

async function runSweep(schedule: DigestSchedule, fromIso: string, untilIso: string) {
  const clock = createClock(fromIso);
  const store = openMemoryStore();
  await store.createSchedule({ ...schedule, createdAt: new Date(fromIso) });
  const recording = createRecordingDelivery(clock.now);
  const scheduler = new DigestScheduler({
    store,
    delivery: recording.delivery,
    runReport: runFakeReport,
    now: clock.now,
    graceMinutes: 60,
    logger: silentLogger,
  });
  await sweep(scheduler, clock, untilIso);
  await store.close();
  return recording.delivered;
}

describe('DigestScheduler with a pinned clock: every day at 8:00 is 08:00 local across DST', () => {
  it('Europe/Berlin: 06:00Z on the days before 2026-10-25, 07:00Z from that day on', async () => {
    const delivered = await runSweep(buildSchedule(), '2026-10-22T12:00:00Z', '2026-10-27T12:00:00Z');
    const expected = [
      '2026-10-23T06:00:00.000Z',
      '2026-10-24T06:00:00.000Z',
      '2026-10-25T07:00:00.000Z',
      '2026-10-26T07:00:00.000Z',
      '2026-10-27T07:00:00.000Z',
    ];
    expect(occurrencesOf(delivered)).toEqual(expected);
    // Each went out at the tick that reached it, not an hour early or late.
    expect(delivered.map((entry) => entry.at)).toEqual(expected);
  });

  it('Europe/Berlin: 07:00Z before 2026-03-29, 06:00Z from that day on', async () => {
    const delivered = await runSweep(buildSchedule(), '2026-03-26T12:00:00Z', '2026-03-31T12:00:00Z');
    expect(delivered.map((entry) => entry.at)).toEqual([
      '2026-03-27T07:00:00.000Z',
      '2026-03-28T07:00:00.000Z',
      '2026-03-29T06:00:00.000Z',
      '2026-03-30T06:00:00.000Z',
      '2026-03-31T06:00:00.000Z',
    ]);
  });

  it('America/New_York: 13:00Z before 2026-03-08, 12:00Z from then until 2026-11-01, 13:00Z again', async () => {
    const schedule = buildSchedule({ timeZone: 'America/New_York' });
    const spring = await runSweep(schedule, '2026-03-06T18:00:00Z', '2026-03-09T18:00:00Z');
    expect(spring.map((entry) => entry.at)).toEqual([
      '2026-03-07T13:00:00.000Z',
      '2026-03-08T12:00:00.000Z',
      '2026-03-09T12:00:00.000Z',
    ]);
    const autumn = await runSweep(schedule, '2026-10-30T18:00:00Z', '2026-11-02T18:00:00Z');
    expect(autumn.map((entry) => entry.at)).toEqual([
      '2026-10-31T12:00:00.000Z',
      '2026-11-01T13:00:00.000Z',
      '2026-11-02T13:00:00.000Z',
    ]);
  });

  it('every weekday skips the weekend', async () => {
    const schedule = buildSchedule({ rule: { cron: '0 8 * * 1-5', description: 'every weekday at 08:00' } });
    // Thu 5 Nov 12:00 .. Wed 11 Nov 12:00 (Berlin is UTC+1 in November).
    const delivered = await runSweep(schedule, '2026-11-05T12:00:00Z', '2026-11-11T12:00:00Z');
    expect(delivered.map((entry) => entry.at)).toEqual([
      '2026-11-06T07:00:00.000Z',
      '2026-11-09T07:00:00.000Z',
      '2026-11-10T07:00:00.000Z',
      '2026-11-11T07:00:00.000Z',
    ]);
  });

  it('does not post an occurrence that lies before the digest was created', async () => {
    // Created at 08:00:30 local: today's 08:00 is not due, tomorrow's is.
    const delivered = await runSweep(buildSchedule(), '2026-11-02T07:00:30Z', '2026-11-03T12:00:00Z');
    expect(occurrencesOf(delivered)).toEqual(['2026-11-03T07:00:00.000Z']);
  });
});

describe('DigestScheduler.start and stop', () => {
  it('ticks on its own until stopped', async () => {
    const clock = createClock('2026-11-02T07:00:00Z');
    const store = openMemoryStore();
    await store.createSchedule(buildSchedule({ createdAt: new Date('2026-11-01T12:00:00Z') }));
    const delivered: string[] = [];
    let resolveDelivered: () => void = () => {};
    const firstDelivery = new Promise<void>((resolve) => {
      resolveDelivered = resolve;
    });
    const scheduler = new DigestScheduler({
      store,
      delivery: {
        deliver: async (schedule) => {
          delivered.push(schedule.id);
          resolveDelivered();
        },
      },
      runReport: runFakeReport,
      now: clock.now,
      logger: silentLogger,
      tickMs: 50,
    });
    scheduler.start();
    scheduler.start();
    await firstDelivery;
    await scheduler.stop();
    expect(delivered).toEqual(['abc123']);
    expect((await store.getLastRun('abc123'))?.status).toBe('sent');
    await store.close();
  });
});
