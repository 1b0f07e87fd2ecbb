import { silentLogger } from '../../src/core/logger';
import { DigestScheduler } from '../../src/schedule/digest-scheduler';
import {
  buildSchedule,
  createClock,
  createRecordingDelivery,
  MINUTE_MS,
  occurrencesOf,
  runFakeReport,
} from './schedule-helpers';
import { type ContractDatabase, type ContractStore, listStoreKinds, stopTestPostgres } from './store-kinds';

/**
 * The same tests against every store: SQLite (a file) and PostgreSQL (a fresh database per test).
 * The shared PBX token's part is in store-contract-tokens.test.ts.
 */

const OCCURRENCE = new Date('2026-11-02T07:00:00Z');
const at = (minutes: number) => new Date(OCCURRENCE.getTime() + minutes * MINUTE_MS);

afterAll(() => stopTestPostgres());

describe.each(listStoreKinds('store contract tests'))('$name store', (kind) => {
  let database: ContractDatabase;
  let store: ContractStore;

  beforeEach(async () => {
    database = await kind.createDatabase();
    store = await database.open();
  });
  afterEach(() => database.tearDown());

  describe('schema', () => {
    it('applies every migration once and answers a ping', async () => {
      expect(await store.appliedMigrations()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      const again = await database.open();
      expect(await again.appliedMigrations()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      await expect(store.ping()).resolves.toBeUndefined();
    });

    it('fails the ping of a closed store with a reason and a hint', async () => {
      await store.close();
      await expect(store.ping()).rejects.toMatchObject({
        kind: 'unreachable',
        message: expect.stringMatching(/^The schedule database does not answer \(.+\)\.$/),
        hint: expect.stringContaining('Check DATABASE_URL'),
      });
    });
  });

  describe('schedules', () => {
    it("keeps the playground's channel digests apart from Slack's and Teams'", async () => {
      const playground = buildSchedule({
        id: 'pg0001',
        target: { platform: 'playground', conversationId: 'playground-channel', label: '#playground' },
        creator: { platform: 'web', id: 'playground' },
      });
      expect(await store.createSchedule(playground)).toBe('created');
      await store.createSchedule(
        buildSchedule({ target: { platform: 'slack', conversationId: 'playground-channel' } }),
      );
      expect(await store.getSchedule('pg0001')).toEqual(playground);
      const listed = await store.listSchedules({
        platform: 'playground',
        conversationId: 'playground-channel',
      });
      expect(listed.map((entry) => entry.id)).toEqual(['pg0001']);
      expect(
        await store.deleteSchedule('pg0001', { platform: 'slack', conversationId: 'playground-channel' }),
      ).toBe(false);
      expect(
        await store.deleteSchedule('pg0001', {
          platform: 'playground',
          conversationId: 'playground-channel',
        }),
      ).toBe(true);
    });

    it('creates, reads back exactly, lists by conversation and refuses a duplicate id', async () => {
      const schedule = buildSchedule({
        target: {
          platform: 'teams',
          conversationId: '19:abc@thread.tacv2',
          referenceKey: '19:abc@thread.tacv2',
          label: 'Support',
        },
      });
      expect(await store.createSchedule(schedule)).toBe('created');
      expect(await store.createSchedule({ ...schedule, command: 'today' })).toBe('duplicate-id');
      await store.createSchedule(
        buildSchedule({ id: 'def456', createdAt: new Date('2026-10-21T00:00:00Z') }),
      );
      expect(await store.getSchedule('abc123')).toEqual(schedule);
      expect(await store.getSchedule('zzzzzz')).toBeUndefined();
      const teams = await store.listSchedules({ platform: 'teams', conversationId: '19:abc@thread.tacv2' });
      expect(teams.map((entry) => entry.id)).toEqual(['abc123']);
      expect(
        (await store.listSchedules({ platform: 'slack', conversationId: 'C1' })).map((entry) => entry.id),
      ).toEqual(['def456']);
      expect((await store.listEnabledSchedules()).map((entry) => entry.id)).toEqual(['abc123', 'def456']);
    });

    it("keeps the creator's locale, and leaves it absent for a digest without one", async () => {
      const withLocale = buildSchedule({ id: 'loc001', locale: 'en-GB' });
      expect(await store.createSchedule(withLocale)).toBe('created');
      await store.createSchedule(buildSchedule({ id: 'loc002' }));
      expect(await store.getSchedule('loc001')).toEqual(withLocale);
      expect((await store.getSchedule('loc001'))?.locale).toBe('en-GB');
      expect(await store.getSchedule('loc002')).not.toHaveProperty('locale');
      expect((await store.listEnabledSchedules()).map((entry) => entry.locale)).toEqual(['en-GB', undefined]);
    });

    it('keeps optional fields absent rather than null, and milliseconds of times', async () => {
      await store.createSchedule(
        buildSchedule({
          target: { platform: 'slack', conversationId: 'C9' },
          creator: { platform: 'slack', id: 'U9' },
          createdAt: new Date('2026-10-20T12:00:00.123Z'),
        }),
      );
      const stored = await store.getSchedule('abc123');
      expect(stored?.target).toEqual({ platform: 'slack', conversationId: 'C9' });
      expect(stored?.creator).toEqual({ platform: 'slack', id: 'U9' });
      expect(stored?.createdAt).toEqual(new Date('2026-10-20T12:00:00.123Z'));
    });

    it('deletes only within the same conversation, and the runs with it', async () => {
      await store.createSchedule(buildSchedule());
      await store.claimOccurrence('abc123', OCCURRENCE, at(10), at(0));
      expect(await store.deleteSchedule('abc123', { platform: 'slack', conversationId: 'C2' })).toBe(false);
      expect(await store.deleteSchedule('abc123', { platform: 'teams', conversationId: 'C1' })).toBe(false);
      expect(await store.getSchedule('abc123')).toBeDefined();
      expect(await store.deleteSchedule('abc123', { platform: 'slack', conversationId: 'C1' })).toBe(true);
      expect(await store.getSchedule('abc123')).toBeUndefined();
      expect(await store.getLastRun('abc123')).toBeUndefined();
      expect(await store.claimOccurrence('abc123', at(60), at(70), at(60))).toBe('taken');
    });

    it('lists no disabled schedule for the scheduler, and disabling keeps the digest', async () => {
      await store.createSchedule(buildSchedule({ enabled: false }));
      await store.createSchedule(buildSchedule({ id: 'def456' }));
      expect((await store.listEnabledSchedules()).map((entry) => entry.id)).toEqual(['def456']);
      expect(await store.claimOccurrence('abc123', OCCURRENCE, at(10), at(0))).toBe('taken');
      await store.disableSchedule('def456');
      await store.disableSchedule('nope00');
      expect(await store.listEnabledSchedules()).toEqual([]);
      expect(await store.getSchedule('def456')).toEqual(buildSchedule({ id: 'def456', enabled: false }));
      expect(await store.claimOccurrence('def456', OCCURRENCE, at(10), at(0))).toBe('taken');
    });
  });

  describe('claims', () => {
    it('claims an occurrence once; a second claim is taken while the lease holds', async () => {
      await store.createSchedule(buildSchedule());
      expect(await store.claimOccurrence('abc123', OCCURRENCE, at(10), at(0))).toBe('claimed');
      expect(await store.claimOccurrence('abc123', OCCURRENCE, at(11), at(1))).toBe('taken');
      expect(await store.claimOccurrence('abc123', OCCURRENCE, at(19), at(9))).toBe('taken');
      expect(await store.listOpenClaims('abc123')).toEqual([OCCURRENCE]);
      expect(await store.getLastRun('abc123')).toEqual({
        scheduleId: 'abc123',
        occurrenceAt: OCCURRENCE,
        status: 'claimed',
        attempts: 1,
        leaseUntil: at(10),
        noticeSent: false,
        updatedAt: at(0),
      });
    });

    it('lets an unfinished claim be taken over once its lease has ended', async () => {
      await store.createSchedule(buildSchedule());
      await store.claimOccurrence('abc123', OCCURRENCE, at(10), at(0));
      expect(await store.claimOccurrence('abc123', OCCURRENCE, at(20), at(10))).toBe('claimed');
      expect(await store.claimOccurrence('abc123', OCCURRENCE, at(21), at(11))).toBe('taken');
      expect(await store.getLastRun('abc123')).toMatchObject({
        status: 'claimed',
        attempts: 2,
        leaseUntil: at(20),
      });
    });

    it('never reopens a finished run, and finishing needs an open claim', async () => {
      await store.createSchedule(buildSchedule());
      await store.markSent('abc123', OCCURRENCE, at(0));
      expect(await store.getLastRun('abc123')).toBeUndefined();
      await store.claimOccurrence('abc123', OCCURRENCE, at(10), at(0));
      await store.markSent('abc123', OCCURRENCE, at(1));
      expect(await store.claimOccurrence('abc123', OCCURRENCE, at(100), at(90))).toBe('taken');
      await store.markFailed('abc123', OCCURRENCE, 'late failure', at(2));
      expect(await store.getLastRun('abc123')).toEqual({
        scheduleId: 'abc123',
        occurrenceAt: OCCURRENCE,
        status: 'sent',
        attempts: 1,
        leaseUntil: at(10),
        noticeSent: false,
        updatedAt: at(1),
      });
      expect(await store.listOpenClaims('abc123')).toEqual([]);
    });

    it('records failures with their reason and whether a notice went out, and skips', async () => {
      await store.createSchedule(buildSchedule());
      const second = new Date(OCCURRENCE.getTime() + 86_400_000);
      const third = new Date(second.getTime() + 86_400_000);
      await store.claimOccurrence('abc123', OCCURRENCE, at(10), at(0));
      await store.markSkipped('abc123', OCCURRENCE, '95 minutes late', at(0));
      await store.claimOccurrence('abc123', second, at(10), at(0));
      await store.markFailed('abc123', second, 'The PBX did not answer.', at(1), { noticeSent: true });
      await store.claimOccurrence('abc123', third, at(10), at(0));
      await store.markFailed('abc123', third, 'channel_not_found', at(1));
      expect((await store.listRuns('abc123')).map((run) => [run.status, run.reason, run.noticeSent])).toEqual(
        [
          ['skipped', '95 minutes late', false],
          ['failed', 'The PBX did not answer.', true],
          ['failed', 'channel_not_found', false],
        ],
      );
      expect(await store.getLastRun('abc123')).toMatchObject({ occurrenceAt: third, status: 'failed' });
    });

    it('gives a contended occurrence to exactly one of several connections', async () => {
      await store.createSchedule(buildSchedule());
      const others = [await database.open(), await database.open(), await database.open()];
      const contenders = [store, ...others, store, ...others];
      for (const minute of [0, 1, 2, 3, 4]) {
        const occurrence = at(minute * 60);
        const results = await Promise.all(
          contenders.map((contender) => contender.claimOccurrence('abc123', occurrence, at(600), at(minute))),
        );
        expect(results.filter((result) => result === 'claimed')).toHaveLength(1);
      }
      // Once the lease has ended, exactly one contender takes the crashed claim over.
      const takeovers = await Promise.all(
        contenders.map((contender) => contender.claimOccurrence('abc123', OCCURRENCE, at(1200), at(601))),
      );
      expect(takeovers.filter((result) => result === 'claimed')).toHaveLength(1);
      expect((await store.listRuns('abc123')).map((run) => run.attempts)).toEqual([2, 1, 1, 1, 1]);
    });

    it('lets two schedulers on two connections post each occurrence once', async () => {
      const clock = createClock('2026-11-02T12:10:00Z');
      await store.createSchedule(
        buildSchedule({
          rule: { cron: '0 * * * *', description: 'every hour' },
          createdAt: new Date('2026-11-02T10:30:00Z'),
        }),
      );
      const other = await database.open();
      const slowReport = async (...args: Parameters<typeof runFakeReport>) => {
        await new Promise((resolve) => setImmediate(resolve));
        return runFakeReport(...args);
      };
      const schedulers = [store, other].map((connection) => {
        const recording = createRecordingDelivery(clock.now);
        const scheduler = new DigestScheduler({
          store: connection,
          delivery: recording.delivery,
          runReport: slowReport,
          now: clock.now,
          graceMinutes: 120,
          logger: silentLogger,
        });
        return { scheduler, delivered: recording.delivered };
      });
      const [a, b] = schedulers as [(typeof schedulers)[0], (typeof schedulers)[0]];
      await Promise.all([a.scheduler.tick(), b.scheduler.tick(), a.scheduler.tick(), b.scheduler.tick()]);
      clock.set('2026-11-02T13:00:00Z');
      await Promise.all([b.scheduler.tick(), a.scheduler.tick()]);
      expect(occurrencesOf([...a.delivered, ...b.delivered]).sort()).toEqual([
        '2026-11-02T11:00:00.000Z',
        '2026-11-02T12:00:00.000Z',
        '2026-11-02T13:00:00.000Z',
      ]);
    });
  });

  describe('conversation references', () => {
    it('saves, replaces and reads JSON by key, seen by other connections', async () => {
      expect(await store.getConversationReference('19:a')).toBeUndefined();
      await store.saveConversationReference('19:a', { serviceUrl: 'https://one/', n: 1 }, at(0));
      await store.saveConversationReference(
        '19:a',
        { serviceUrl: 'https://two/', n: 2, nested: { list: [1, 'x', null] } },
        at(1),
      );
      const other = await database.open();
      expect(await other.getConversationReference('19:a')).toEqual({
        serviceUrl: 'https://two/',
        n: 2,
        nested: { list: [1, 'x', null] },
      });
    });
  });
});
