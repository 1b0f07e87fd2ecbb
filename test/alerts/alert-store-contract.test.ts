import type { AlertStore } from '../../src/alerts/alert-store';
import { type ContractDatabase, listStoreKinds, stopTestPostgres } from '../schedule/store-kinds';
import { buildCall, buildSubscription, subscriptionId } from './alert-store-helpers';

/**
 * The alert store's contract, against every store: SQLite (a file) and PostgreSQL (a fresh
 * database per test). Each `database.open()` is another connection, as another replica would
 * have; on PostgreSQL, calls through different connections run at the same time in the server.
 * SQLite's connections are synchronous in one process: alert-store-sqlite-concurrency.test.ts
 * races them from worker threads.
 */

const NOW = new Date('2026-11-02T09:15:00.000Z');
const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
const BEN = { platform: 'slack', id: 'U0BEN', name: 'Ben Okafor' };
const CAROL = { platform: 'slack', id: 'U0CAROL', name: 'Carol Lead' };
const SLACK_C1 = { platform: 'slack' as const, conversationId: 'C1' };

afterAll(() => stopTestPostgres());

describe.each(listStoreKinds('alert store contract tests'))('$name alert store', (kind) => {
  let database: ContractDatabase;
  let alerts: AlertStore;

  beforeEach(async () => {
    database = await kind.createDatabase();
    alerts = (await database.open()).alerts;
  });
  afterEach(() => database.tearDown());

  /** `count` more connections' alert stores to the same database. */
  const openMore = async (count: number): Promise<AlertStore[]> => {
    const stores: AlertStore[] = [];
    for (let index = 0; index < count; index++) stores.push((await database.open()).alerts);
    return stores;
  };

  /** A subscription with a posted alert of `buildCall()`, as the poller leaves it. */
  const postAlert = async (id = 'al0001', callKey = 'call-1') => {
    if (!(await alerts.getSubscription(id))) await alerts.createSubscription(buildSubscription({ id }));
    expect(await alerts.claimAlertPost(id, buildCall({ callKey }), at(60), NOW)).toBe('claimed');
    await alerts.markAlertPosted(id, callKey, { messageId: '1730538903.000100', channelId: 'C1' }, NOW);
  };

  describe('subscriptions', () => {
    it('creates, reads back exactly, lists by conversation oldest first and refuses a duplicate id', async () => {
      const first = buildSubscription();
      const second = buildSubscription({
        id: 'al0002',
        extensions: ['101', '102'],
        queues: [],
        createdAt: new Date('2026-11-02T08:30:00Z'),
      });
      const elsewhere = buildSubscription({
        id: 'al0003',
        target: { platform: 'teams', conversationId: 'C1' },
      });
      expect(await alerts.createSubscription(second)).toBe('created');
      expect(await alerts.createSubscription(first)).toBe('created');
      expect(await alerts.createSubscription(elsewhere)).toBe('created');
      expect(await alerts.getSubscription('al0001')).toEqual(first);
      expect(await alerts.getSubscription('nope00')).toBeUndefined();
      expect(await alerts.listSubscriptions(SLACK_C1)).toEqual([first, second]);
      expect(
        (await alerts.listSubscriptions({ platform: 'teams', conversationId: 'C1' })).map(
          (entry) => entry.id,
        ),
      ).toEqual(['al0003']);

      const twin = buildSubscription({
        target: { platform: 'slack', conversationId: 'C9' },
        queues: ['801'],
      });
      expect(await alerts.createSubscription(twin)).toBe('duplicate-id');
      expect(await alerts.getSubscription('al0001')).toEqual(first);
      expect(await alerts.listSubscriptions({ platform: 'slack', conversationId: 'C9' })).toEqual([]);
    });

    it('keeps optional fields absent rather than null, and the milliseconds of times', async () => {
      const bare = buildSubscription({
        target: { platform: 'playground', conversationId: 'playground-channel' },
        creator: { platform: 'web', id: 'playground' },
        createdAt: new Date('2026-11-02T08:00:00.789Z'),
      });
      await alerts.createSubscription(bare);
      const read = await alerts.getSubscription(bare.id);
      expect(read).toEqual(bare);
      expect(Object.keys(read!.target)).toEqual(['platform', 'conversationId']);
      expect(Object.keys(read!.creator)).toEqual(['platform', 'id']);
    });

    it('lists every conversation for the poller, oldest first', async () => {
      await alerts.createSubscription(
        buildSubscription({ id: 'al0002', createdAt: new Date('2026-11-03T00:00:00Z') }),
      );
      await alerts.createSubscription(
        buildSubscription({
          id: 'al0001',
          target: { platform: 'teams', conversationId: '19:abc@thread.tacv2' },
        }),
      );
      expect((await alerts.listAllSubscriptions()).map((entry) => entry.id)).toEqual(['al0001', 'al0002']);
    });

    it('holds at most 20 per conversation: the 21st is full, other conversations are not, and removing one makes room', async () => {
      for (let index = 1; index <= 20; index++) {
        expect(await alerts.createSubscription(buildSubscription({ id: subscriptionId(index) }))).toBe(
          'created',
        );
      }
      expect(await alerts.createSubscription(buildSubscription({ id: subscriptionId(21) }))).toBe('full');
      expect(await alerts.getSubscription(subscriptionId(21))).toBeUndefined();
      const otherChannel = buildSubscription({
        id: subscriptionId(22),
        target: { platform: 'slack', conversationId: 'C2' },
      });
      expect(await alerts.createSubscription(otherChannel)).toBe('created');
      const sameIdInTeams = buildSubscription({
        id: subscriptionId(23),
        target: { platform: 'teams', conversationId: 'C1' },
      });
      expect(await alerts.createSubscription(sameIdInTeams)).toBe('created');

      expect(await alerts.deleteSubscription(subscriptionId(5))).toBe(true);
      expect(await alerts.createSubscription(buildSubscription({ id: subscriptionId(21) }))).toBe('created');
      expect(await alerts.listSubscriptions(SLACK_C1)).toHaveLength(20);
    });

    it('keeps to 20 when 30 are added to one conversation at once over several connections', async () => {
      const stores = [alerts, ...(await openMore(4))];
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, index) =>
          stores[index % stores.length]!.createSubscription(
            buildSubscription({ id: subscriptionId(index + 1) }),
          ),
        ),
      );
      expect(results.filter((result) => result === 'created')).toHaveLength(20);
      expect(results.filter((result) => result === 'full')).toHaveLength(10);
      expect(await alerts.listSubscriptions(SLACK_C1)).toHaveLength(20);
    });

    it('removes a subscription by id, leaving its posted alerts until retention ends', async () => {
      await postAlert();
      expect(await alerts.deleteSubscription('al0001')).toBe(true);
      expect(await alerts.deleteSubscription('al0001')).toBe(false);
      expect(await alerts.getSubscription('al0001')).toBeUndefined();
      expect(await alerts.getAlert('al0001', 'call-1')).toMatchObject({ delivery: 'posted', state: 'open' });
      // Nothing new is claimed for it.
      expect(await alerts.claimAlertPost('al0001', buildCall({ callKey: 'call-2' }), at(60), NOW)).toBe(
        'taken',
      );
    });
  });

  describe('the poller lease', () => {
    it('has one holder at a time, renewable by it, taken over once it ends', async () => {
      expect(await alerts.acquirePollerLease('replica-a', at(60), NOW)).toBe(true);
      expect(await alerts.acquirePollerLease('replica-b', at(90), at(30))).toBe(false);
      // The holder renews before the end.
      expect(await alerts.acquirePollerLease('replica-a', at(120), at(55))).toBe(true);
      expect(await alerts.acquirePollerLease('replica-b', at(150), at(90))).toBe(false);
      // Past its end, another takes it, and the old holder is out.
      expect(await alerts.acquirePollerLease('replica-b', at(180), at(120))).toBe(true);
      expect(await alerts.acquirePollerLease('replica-a', at(200), at(130))).toBe(false);
    });

    it('goes to exactly one of several connections asking at once', async () => {
      const stores = [alerts, ...(await openMore(5))];
      const won = await Promise.all(
        stores.map((store, index) => store.acquirePollerLease(`replica-${index}`, at(60), NOW)),
      );
      expect(won.filter(Boolean)).toHaveLength(1);
    });

    it('remembers where the last poll read up to, for every connection, apart from the lease', async () => {
      expect(await alerts.getPollerPosition()).toBeUndefined();
      await alerts.setPollerPosition(new Date('2026-11-02T09:14:30.500Z'));
      const [other] = await openMore(1);
      expect(await other!.getPollerPosition()).toEqual(new Date('2026-11-02T09:14:30.500Z'));
      expect(await other!.acquirePollerLease('replica-b', at(60), NOW)).toBe(true);
      await other!.setPollerPosition(new Date('2026-11-02T09:15:00Z'));
      expect(await alerts.getPollerPosition()).toEqual(new Date('2026-11-02T09:15:00Z'));
      expect(await alerts.acquirePollerLease('replica-a', at(60), at(1))).toBe(false);
    });
  });

  describe('posting an alert', () => {
    beforeEach(async () => {
      await alerts.createSubscription(buildSubscription());
    });

    it('claims a call once per subscription; the claim is the alert, with the call as the poller saw it', async () => {
      await alerts.createSubscription(buildSubscription({ id: 'al0002' }));
      expect(await alerts.claimAlertPost('al0001', buildCall(), at(60), NOW)).toBe('claimed');
      expect(await alerts.claimAlertPost('al0001', buildCall(), at(90), at(30))).toBe('taken');
      // Another subscription's alert of the same call is its own.
      expect(await alerts.claimAlertPost('al0002', buildCall(), at(60), NOW)).toBe('claimed');
      expect(await alerts.getAlert('al0001', 'call-1')).toEqual({
        subscriptionId: 'al0001',
        call: buildCall(),
        delivery: 'posting',
        state: 'open',
        createdAt: NOW,
      });
    });

    it('marks it posted with where the message is; a posted alert is never claimed again', async () => {
      await alerts.claimAlertPost('al0001', buildCall(), at(60), NOW);
      await alerts.markAlertPosted(
        'al0001',
        'call-1',
        { messageId: '1730538903.000100', channelId: 'C1' },
        at(2),
      );
      expect(await alerts.getAlert('al0001', 'call-1')).toMatchObject({
        delivery: 'posted',
        message: { messageId: '1730538903.000100', channelId: 'C1' },
        state: 'open',
      });
      expect(await alerts.claimAlertPost('al0001', buildCall(), at(3600), at(3000))).toBe('taken');
      // A late "post failed" cannot drop a posted alert.
      await alerts.releaseAlertPost('al0001', 'call-1');
      expect(await alerts.getAlert('al0001', 'call-1')).toMatchObject({ delivery: 'posted' });
    });

    it('keeps a message reference without a channel as it came', async () => {
      await alerts.claimAlertPost('al0001', buildCall(), at(60), NOW);
      await alerts.markAlertPosted('al0001', 'call-1', { messageId: '1:activity' }, at(2));
      expect((await alerts.getAlert('al0001', 'call-1'))?.message).toEqual({ messageId: '1:activity' });
    });

    it('lets a claim left by a crash be taken over once its lease ended, and a failed post be tried again', async () => {
      await alerts.claimAlertPost('al0001', buildCall(), at(60), NOW);
      expect(await alerts.claimAlertPost('al0001', buildCall(), at(120), at(59))).toBe('taken');
      expect(await alerts.claimAlertPost('al0001', buildCall(), at(120), at(60))).toBe('claimed');
      await alerts.releaseAlertPost('al0001', 'call-1');
      expect(await alerts.getAlert('al0001', 'call-1')).toBeUndefined();
      expect(await alerts.claimAlertPost('al0001', buildCall(), at(180), at(61))).toBe('claimed');
    });

    it('gives a contended call to exactly one of several connections', async () => {
      const stores = [alerts, ...(await openMore(5))];
      const results = await Promise.all(
        stores.map((store) => store.claimAlertPost('al0001', buildCall(), at(60), NOW)),
      );
      expect(results.filter((result) => result === 'claimed')).toHaveLength(1);
    });

    it('lists the posted alerts not yet returned, oldest call first', async () => {
      await alerts.createSubscription(buildSubscription({ id: 'al0002' }));
      const late = buildCall({ callKey: 'late', startedAt: new Date('2026-11-02T09:20:00Z') });
      const early = buildCall({ callKey: 'early', startedAt: new Date('2026-11-02T09:00:00Z') });
      for (const [id, call] of [
        ['al0001', late],
        ['al0002', early],
        ['al0001', buildCall()],
      ] as const) {
        await alerts.claimAlertPost(id, call, at(60), NOW);
        await alerts.markAlertPosted(id, call.callKey, { messageId: `m-${call.callKey}` }, NOW);
      }
      await alerts.claimAlertPost('al0001', buildCall({ callKey: 'still-posting' }), at(60), NOW);
      await alerts.markReturned('al0001', 'call-1', { extension: '101', name: 'Ben Okafor' }, at(600));
      expect(
        (await alerts.listUnreturnedAlerts()).map((alert) => [alert.subscriptionId, alert.call.callKey]),
      ).toEqual([
        ['al0002', 'early'],
        ['al0001', 'late'],
      ]);
    });
  });

  describe('call-back claims', () => {
    beforeEach(() => postAlert());

    it('gives the alert to the first claimer; a second sees who holds it; the first may click again', async () => {
      const first = await alerts.claimCallback('al0001', 'call-1', BEN, at(10));
      expect(first).toEqual({
        result: 'claimed',
        alert: expect.objectContaining({ state: 'claimed', claimedBy: BEN, claimedAt: at(10) }),
      });
      const second = await alerts.claimCallback('al0001', 'call-1', CAROL, at(20));
      expect(second).toEqual({
        result: 'taken',
        alert: expect.objectContaining({ state: 'claimed', claimedBy: BEN, claimedAt: at(10) }),
      });
      expect(await alerts.claimCallback('al0001', 'call-1', BEN, at(30))).toEqual({
        result: 'claimed',
        alert: expect.objectContaining({ claimedBy: BEN, claimedAt: at(10) }),
      });
      expect(await alerts.getAlert('al0001', 'call-1')).toMatchObject({ state: 'claimed', claimedBy: BEN });
    });

    it('keeps a claimer without a name as such', async () => {
      const anonymous = { platform: 'teams', id: 'aad-1' };
      const result = await alerts.claimCallback('al0001', 'call-1', anonymous, at(10));
      expect(result.result === 'claimed' && result.alert.claimedBy).toEqual(anonymous);
      expect((await alerts.getAlert('al0001', 'call-1'))?.claimedBy).toEqual(anonymous);
    });

    it('is released by the claimer or an admin only, and a release clears the reminder', async () => {
      await alerts.claimCallback('al0001', 'call-1', BEN, at(10));
      await alerts.markReminded('al0001', 'call-1', at(1800));
      expect((await alerts.getAlert('al0001', 'call-1'))?.remindedAt).toEqual(at(1800));

      expect(await alerts.releaseCallback('al0001', 'call-1', CAROL, false)).toEqual({
        result: 'taken',
        alert: expect.objectContaining({ claimedBy: BEN }),
      });
      const released = await alerts.releaseCallback('al0001', 'call-1', BEN, false);
      expect(released.result).toBe('released');
      const open = await alerts.getAlert('al0001', 'call-1');
      expect(open).toMatchObject({ state: 'open' });
      expect(open).not.toHaveProperty('claimedBy');
      expect(open).not.toHaveProperty('claimedAt');
      expect(open).not.toHaveProperty('remindedAt');
      expect(released.result === 'released' && released.alert).toEqual(open);

      await alerts.claimCallback('al0001', 'call-1', CAROL, at(40));
      expect(await alerts.releaseCallback('al0001', 'call-1', BEN, true)).toEqual({
        result: 'released',
        alert: expect.objectContaining({ state: 'open' }),
      });
      // Releasing what nobody holds changes nothing.
      expect((await alerts.releaseCallback('al0001', 'call-1', BEN, false)).result).toBe('released');
    });

    it('reminds a claim only while it is claimed', async () => {
      await alerts.markReminded('al0001', 'call-1', at(1800));
      expect(await alerts.getAlert('al0001', 'call-1')).not.toHaveProperty('remindedAt');
    });

    it('refuses claims and releases of a returned call, which keeps who claimed it', async () => {
      await alerts.claimCallback('al0001', 'call-1', BEN, at(10));
      await alerts.markReturned('al0001', 'call-1', { extension: '101', name: 'Ben Okafor' }, at(720));
      const returned = await alerts.getAlert('al0001', 'call-1');
      expect(returned).toMatchObject({
        state: 'returned',
        claimedBy: BEN,
        returnedBy: { extension: '101', name: 'Ben Okafor' },
        returnedAt: at(720),
      });
      expect(await alerts.claimCallback('al0001', 'call-1', CAROL, at(730))).toEqual({
        result: 'returned',
        alert: returned,
      });
      expect(await alerts.releaseCallback('al0001', 'call-1', BEN, true)).toEqual({
        result: 'returned',
        alert: returned,
      });
    });

    it('answers missing for an alert it does not have', async () => {
      expect(await alerts.claimCallback('al0001', 'nope', BEN, at(10))).toEqual({ result: 'missing' });
      expect(await alerts.releaseCallback('zz0000', 'call-1', BEN, true)).toEqual({ result: 'missing' });
    });

    it('gives a call claimed by several people at once to exactly one, the others told who holds it', async () => {
      const people = Array.from({ length: 6 }, (_, index) => ({
        platform: 'teams',
        id: `aad-${index}`,
        name: `Agent ${index}`,
      }));
      const stores = [alerts, ...(await openMore(people.length - 1))];
      for (let round = 1; round <= 5; round++) {
        const callKey = `race-${round}`;
        await postAlert('al0001', callKey);
        const results = await Promise.all(
          people.map((person, index) => stores[index]!.claimCallback('al0001', callKey, person, at(round))),
        );
        const winners = results.filter((result) => result.result === 'claimed');
        expect(winners).toHaveLength(1);
        const holder = winners[0]!.result === 'claimed' ? winners[0]!.alert.claimedBy : undefined;
        expect(results.filter((result) => result.result === 'taken')).toHaveLength(people.length - 1);
        for (const result of results) {
          expect(result.result !== 'missing' && result.alert.claimedBy).toEqual(holder);
        }
        expect((await alerts.getAlert('al0001', callKey))?.claimedBy).toEqual(holder);
      }
    });
  });

  describe('retention', () => {
    it('deletes the alerts created before a time, with their callers, and keeps the newer ones', async () => {
      await alerts.createSubscription(buildSubscription());
      await alerts.claimAlertPost(
        'al0001',
        buildCall({ callKey: 'old' }),
        at(60),
        new Date('2026-10-01T00:00:00Z'),
      );
      await alerts.markAlertPosted('al0001', 'old', { messageId: 'm-old' }, NOW);
      await alerts.claimAlertPost(
        'al0001',
        buildCall({ callKey: 'posting' }),
        at(60),
        new Date('2026-10-02T00:00:00Z'),
      );
      await alerts.claimAlertPost('al0001', buildCall({ callKey: 'new' }), at(60), NOW);
      await alerts.markAlertPosted('al0001', 'new', { messageId: 'm-new' }, NOW);

      expect(await alerts.deleteAlertsBefore(NOW)).toBe(2);
      expect(await alerts.getAlert('al0001', 'old')).toBeUndefined();
      expect(await alerts.getAlert('al0001', 'posting')).toBeUndefined();
      expect(await alerts.getAlert('al0001', 'new')).toMatchObject({ call: { fromNumber: '+442071234567' } });
      expect((await alerts.listUnreturnedAlerts()).map((alert) => alert.call.callKey)).toEqual(['new']);
      expect(await alerts.deleteAlertsBefore(NOW)).toBe(0);
      // The subscription stays.
      expect(await alerts.getSubscription('al0001')).toBeDefined();
    });
  });
});
