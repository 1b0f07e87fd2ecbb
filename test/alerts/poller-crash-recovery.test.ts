import type { AlertDelivery } from '../../src/alerts/alert-delivery';
import type { AlertStore, PostedAlert, PostedMessageRef } from '../../src/alerts/alert-store';
import { parseCommand } from '../../src/commands/parse-command';
import { ReportService } from '../../src/report/report-service';
import { type ContractDatabase, listStoreKinds, stopTestPostgres } from '../schedule/store-kinds';
import { POLL_START, type PollerTestBed, startPollerTestBed } from './poller-test-bed';

/**
 * A poller killed in the middle of posting, and the one that takes over (issue 19, as
 * test/schedule/digest-scheduler-recovery.test.ts does for digests). Poller A (holder "a") polls
 * the demo PBX's live log through the real XAPI client and dies at a set point while posting
 * Jane's missed call: it is simply abandoned there (its tick never returns; it never stops, so it
 * never hands its lease on, as after a SIGKILL). Poller B (holder "b", its own connection to the
 * same database) then polls with the clock moved past A's lease (90 s) and past the posting
 * claim's lease (2 minutes). The chat platform is the recording one; each store is real (SQLite,
 * and PostgreSQL when available). What must hold (docs/alerts.md, "Posted once"):
 * - killed before the post (claimed, nothing reached the platform): B posts it, once in all;
 * - killed after the platform accepted it, before it was recorded: B posts it again, the one
 *   documented double-post window: exactly two posts, and the store keeps B's;
 * - killed after it was recorded: B posts nothing more, exactly one post.
 * In every case no missed call is lost (the posts cover exactly the missed calls a report of the
 * same span lists), nothing else is posted twice, and the return B finds later redraws the message
 * the store recorded, which is one the platform holds.
 */

const JANE = '+442079460123';
const OMAR = '+447700900456';
const SECOND = 1000;
const MINUTE = 60 * SECOND;

type SetPoint = 'before the post' | 'after the platform accepted it' | 'after it was recorded';

/** One post the platform accepted, and which poller made it. */
interface AcceptedPost {
  by: 'a' | 'b';
  callKey: string;
  message: PostedMessageRef;
}

afterAll(() => stopTestPostgres());

describe.each(listStoreKinds('poller crash recovery tests'))(
  '$name store: a poller killed while posting',
  (kind) => {
    let bed: PollerTestBed;
    let database: ContractDatabase;
    let storeA: AlertStore;
    let storeB: AlertStore;

    beforeEach(async () => {
      bed = await startPollerTestBed();
      database = await kind.createDatabase();
      storeA = (await database.open()).alerts;
      storeB = (await database.open()).alerts;
    });
    afterEach(async () => {
      await bed.close();
      await database.tearDown();
    });

    /** The platform, through the bed's recording delivery, noting which poller's post it accepted. */
    function platformFor(by: AcceptedPost['by'], accepted: AcceptedPost[]): AlertDelivery {
      return {
        post: async (subscription, alert, masked) => {
          const message = await bed.delivery.post(subscription, alert, masked);
          accepted.push({ by, callKey: alert.call.callKey, message });
          return message;
        },
        update: (subscription, alert, masked) => bed.delivery.update(subscription, alert, masked),
        remind: (subscription, alert) => bed.delivery.remind(subscription, alert),
      };
    }

    /**
     * Poller A, made to die at `setPoint` when it posts `callKey`: its delivery (or, after the
     * record, its store) never answers again. `died` resolves when it has reached the set point.
     */
    function dyingPoller(setPoint: SetPoint, callKey: string, accepted: AcceptedPost[]) {
      let reached: () => void = () => {};
      const died = new Promise<void>((resolve) => {
        reached = resolve;
      });
      const never = new Promise<never>(() => {});
      const platform = platformFor('a', accepted);
      const delivery: AlertDelivery = {
        ...platform,
        post: async (subscription, alert, masked) => {
          if (alert.call.callKey !== callKey || setPoint === 'after it was recorded') {
            return platform.post(subscription, alert, masked);
          }
          if (setPoint === 'after the platform accepted it') await platform.post(subscription, alert, masked);
          reached();
          return never;
        },
      };
      const store = Object.create(storeA) as AlertStore;
      store.markAlertPosted = async (subscriptionId, key, message, now) => {
        await storeA.markAlertPosted(subscriptionId, key, message, now);
        if (key !== callKey || setPoint !== 'after it was recorded') return;
        reached();
        return never;
      };
      const poller = bed.poller({ holderId: 'a', store, delivery, settleSeconds: 0 });
      return { poller, died };
    }

    /** The missed calls a report of `from`–`to` (UTC, whole minutes) lists, as comparable tuples. */
    async function reportedMissed(from: string, to: string): Promise<string[]> {
      const parsed = parseCommand(`list missed from=${from} to=${to}`, { now: bed.now(), timeZone: 'UTC' });
      if (!parsed.ok) throw parsed.error;
      const report = await new ReportService({ source: bed.client, serviceLevelSeconds: 20 }).runReport(
        parsed.request,
      );
      return report.missedCalls
        .map((missed) => `${Date.parse(missed.start)} ${missed.from} ${missed.to} ${missed.waitSeconds}`)
        .sort();
    }

    function tupleOf(alert: PostedAlert): string {
      const { call } = alert;
      return `${call.startedAt.getTime()} ${call.fromNumber} ${call.toDn} ${call.waitSeconds}`;
    }

    it.each<{ setPoint: SetPoint; janePosts: number; says: string }>([
      { setPoint: 'before the post', janePosts: 1, says: 'B posts it: once in all' },
      {
        setPoint: 'after the platform accepted it',
        janePosts: 2,
        says: 'B posts it again: the double-post window',
      },
      { setPoint: 'after it was recorded', janePosts: 1, says: 'B posts nothing more: once in all' },
    ])('killed $setPoint: $says, and no alert is lost', async ({ setPoint, janePosts }) => {
      // Everything, subscribed before the window: every missed call of the last two hours is due.
      const created = await storeA.createSubscription({
        id: 'al0001',
        target: { platform: 'slack', conversationId: 'Cal0001', teamId: 'T1' },
        creator: { platform: 'slack', id: 'U1' },
        extensions: [],
        queues: [],
        timeZone: 'Europe/London',
        createdAt: new Date(POLL_START.getTime() - 3 * 60 * MINUTE),
      });
      expect(created).toBe('created');
      // Jane's call is where A dies; Omar's, later, is one A never reaches.
      const jane = bed.pbx.injectCall({
        kind: 'missed',
        at: new Date(POLL_START.getTime() - 10 * MINUTE),
        from: JANE,
        fromName: 'Jane Caller',
        to: '800',
        ringSeconds: 40,
      });
      const omar = bed.pbx.injectCall({
        kind: 'missed',
        at: new Date(POLL_START.getTime() - 4 * MINUTE),
        from: OMAR,
        to: '101',
      });

      // 11:00:00 — A polls, posts the calls older than Jane's, claims hers and dies at the set point.
      const accepted: AcceptedPost[] = [];
      const a = dyingPoller(setPoint, jane.callKey, accepted);
      // Its tick never returns; one that did would mean A never reached the set point.
      expect(await Promise.race([a.died.then(() => 'died'), a.poller.tick()])).toBe('died');
      const byA = accepted.map((post) => post.callKey);
      expect(byA.length).toBeGreaterThan(1);
      expect(byA.filter((key) => key === jane.callKey)).toHaveLength(setPoint === 'before the post' ? 0 : 1);
      expect(byA).not.toContain(omar.callKey);
      expect((await storeB.getAlert('al0001', jane.callKey))?.delivery).toBe(
        setPoint === 'after it was recorded' ? 'posted' : 'posting',
      );

      const b = bed.poller({
        holderId: 'b',
        store: storeB,
        delivery: platformFor('b', accepted),
        settleSeconds: 0,
      });
      const janeCount = () => accepted.filter((post) => post.callKey === jane.callKey).length;
      // 11:01:00 — A's lease (3 polls, 90 s) still holds: B stands by.
      bed.setNow(new Date(POLL_START.getTime() + MINUTE));
      expect(await b.tick()).toEqual({ kind: 'standby' });
      // 11:01:40 — B holds the lease and posts what A never reached; Jane's claim (2 minutes) still holds.
      bed.setNow(new Date(POLL_START.getTime() + 100 * SECOND));
      expect(await b.tick()).toMatchObject({ kind: 'polled' });
      expect(accepted.filter((post) => post.callKey === omar.callKey)).toEqual([
        expect.objectContaining({ by: 'b' }),
      ]);
      expect(janeCount()).toBe(setPoint === 'before the post' ? 0 : 1);
      // 11:02:30 — the claim's lease has ended: taken over and posted, unless it was recorded.
      bed.setNow(new Date(POLL_START.getTime() + 150 * SECOND));
      await b.tick();
      expect(janeCount()).toBe(janePosts);

      // Ben calls Jane back; B finds the return at its later polls and redraws her alert once.
      bed.pbx.injectCall({
        kind: 'outbound',
        at: bed.now(),
        from: '102',
        to: '020 7946 0123',
        talkSeconds: 60,
      });
      bed.setNow(new Date(POLL_START.getTime() + 5 * MINUTE));
      await b.tick();
      bed.setNow(new Date(POLL_START.getTime() + 6 * MINUTE));
      await b.tick();

      // Jane's posts: who made them, and which one the store and the redraw use.
      const janes = accepted.filter((post) => post.callKey === jane.callKey);
      expect(janes.map((post) => post.by)).toEqual(
        {
          'before the post': ['b'],
          'after the platform accepted it': ['a', 'b'],
          'after it was recorded': ['a'],
        }[setPoint],
      );
      const kept = janes.at(-1)?.message;
      expect(await storeB.getAlert('al0001', jane.callKey)).toMatchObject({
        delivery: 'posted',
        state: 'returned',
        returnedBy: { extension: '102' },
        message: kept,
      });
      const redraws = bed.delivery
        .callsOf('update')
        .filter((call) => call.alert.call.callKey === jane.callKey);
      expect(redraws.map((call) => call.alert.message)).toEqual([kept]);

      // Nothing else twice, and nothing lost: the posts are exactly the report's missed calls.
      const counts = new Map<string, number>();
      for (const post of accepted) counts.set(post.callKey, (counts.get(post.callKey) ?? 0) + 1);
      counts.delete(jane.callKey);
      expect([...counts.values()].every((count) => count === 1)).toBe(true);
      const posted = [...new Set(bed.delivery.callsOf('post').map((call) => tupleOf(call.alert)))].sort();
      const reported = await reportedMissed('2026-11-17T09:00', '2026-11-17T11:06');
      expect(reported.length).toBeGreaterThan(3);
      expect(posted).toEqual(reported);
    });
  },
);
