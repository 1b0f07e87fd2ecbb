import type { AlertStore } from '../../src/alerts/alert-store';
import { parseCommand } from '../../src/commands/parse-command';
import { createLogger } from '../../src/core/logger';
import { ReportService } from '../../src/report/report-service';
import { POLL_START, type PollerTestBed, startPollerTestBed } from './poller-test-bed';

/**
 * The missed-call poller against the real demo PBX (its live day: a call is in the log once it is
 * over by the demo clock) through the real XAPI client, with the real SQLite store; only the chat
 * platform is a recording. The clock is moved by hand and `tick()` runs one poll.
 */

const JANE = '+442079460123';
const SECOND = 1000;
const MINUTE = 60 * SECOND;

let bed: PollerTestBed;

beforeEach(async () => {
  bed = await startPollerTestBed();
});
afterEach(async () => {
  await bed.close();
});

function postsOf(callKey: string, subscriptionId?: string) {
  return bed.delivery.callsOf('post', subscriptionId).filter((call) => call.alert.call.callKey === callKey);
}

describe('posting missed calls', () => {
  it('posts a missed call once, at the first poll after it has settled (15 s after its end)', async () => {
    await bed.subscribe({ id: 'al0001', queues: ['800'] });
    const poller = bed.poller();
    const call = bed.pbx.injectCall({
      kind: 'missed',
      at: new Date(bed.now().getTime() + 10 * SECOND),
      from: JANE,
      fromName: 'Jane Caller',
      to: '800',
      ringSeconds: 40,
    });
    expect(call.endsAt.getTime() - call.startedAt.getTime()).toBe(46 * SECOND);

    expect(await poller.tick()).toMatchObject({ kind: 'polled' });
    bed.setNow(new Date(call.endsAt.getTime() + 14 * SECOND));
    await poller.tick();
    expect(postsOf(call.callKey)).toEqual([]);

    bed.setNow(new Date(call.endsAt.getTime() + 15 * SECOND));
    await poller.tick();
    const [post] = postsOf(call.callKey);
    expect(post?.alert).toEqual({
      subscriptionId: 'al0001',
      call: {
        callKey: call.callKey,
        startedAt: call.startedAt,
        endedAt: call.endsAt,
        fromNumber: JANE,
        fromName: 'Jane Caller',
        toDn: '800',
        toName: 'Sales',
        // From its arrival in the queue (after the 6 s menu) until the caller hung up.
        waitSeconds: 40,
      },
      delivery: 'posting',
      state: 'open',
      createdAt: bed.now(),
    });
    expect(post?.masked).toBe(false);
    expect(await bed.alerts.getAlert('al0001', call.callKey)).toMatchObject({
      delivery: 'posted',
      state: 'open',
      message: { messageId: expect.any(String) },
    });

    for (let poll = 0; poll < 3; poll++) {
      bed.advance(30 * SECOND);
      await poller.tick();
    }
    expect(postsOf(call.callKey)).toHaveLength(1);
  });

  it('posts exactly the missed calls a report of the same window lists', async () => {
    // An admin's subscription to everything, made before the window, and no settle time: every
    // missed call of the last two hours is due, and none of the others.
    await bed.subscribe({ id: 'al0001', createdAt: new Date(POLL_START.getTime() - 3 * 60 * MINUTE) });
    const outcome = await bed.poller({ settleSeconds: 0 }).tick();
    expect(outcome).toMatchObject({
      kind: 'polled',
      window: { fromMs: POLL_START.getTime() - 120 * MINUTE },
    });

    const parsed = parseCommand('list missed from=2026-11-17T09:00 to=2026-11-17T11:00', {
      now: POLL_START,
      timeZone: 'UTC',
    });
    if (!parsed.ok) throw parsed.error;
    const report = await new ReportService({ source: bed.client, serviceLevelSeconds: 20 }).runReport(
      parsed.request,
    );
    const reported = report.missedCalls
      .map((missed) => [Date.parse(missed.start), missed.from, missed.to, missed.waitSeconds])
      .sort();
    const posted = bed.delivery
      .callsOf('post')
      .map(({ alert: { call } }) => [call.startedAt.getTime(), call.fromNumber, call.toDn, call.waitSeconds])
      .sort();
    expect(reported.length).toBeGreaterThan(3);
    expect(posted).toEqual(reported);
  });

  it("posts only what the subscription's filters name, and nothing that ended before it was made", async () => {
    const before = bed.pbx.injectCall({
      kind: 'missed',
      at: new Date(bed.now().getTime() - 5 * MINUTE),
      from: JANE,
      to: '101',
    });
    await bed.subscribe({ id: 'al0001', extensions: ['101'] });
    await bed.subscribe({ id: 'al0002', queues: ['801'] });
    await bed.subscribe({ id: 'al0003', queues: ['800'], extensions: ['101'] });
    const toBen = bed.pbx.injectCall({
      kind: 'missed',
      at: new Date(bed.now().getTime() + MINUTE),
      from: JANE,
      to: '101',
    });
    const toSales = bed.pbx.injectCall({
      kind: 'missed',
      at: new Date(bed.now().getTime() + MINUTE),
      from: '+447700900456',
      to: '800',
    });
    bed.advance(3 * MINUTE);
    await bed.poller().tick();

    expect(postsOf(before.callKey)).toEqual([]);
    expect(postsOf(toBen.callKey).map((post) => post.subscriptionId)).toEqual(['al0001']);
    // Queue 801 saw neither; "queue 800 ext 101" needs both, as report filters do.
    expect(postsOf(toSales.callKey).map((post) => post.subscriptionId)).toEqual([]);
    expect(bed.delivery.callsOf('post', 'al0002').map((post) => post.alert.call.toDn)).not.toContain('800');
  });

  it('does not claim again, at later polls, what it has posted', async () => {
    await bed.subscribe({ id: 'al0001', extensions: ['101'] });
    const claims: string[] = [];
    const store = Object.create(bed.alerts) as AlertStore;
    store.claimAlertPost = (subscriptionId, call, leaseUntil, now) => {
      claims.push(call.callKey);
      return bed.alerts.claimAlertPost(subscriptionId, call, leaseUntil, now);
    };
    const poller = bed.poller({ store });
    const call = bed.pbx.injectCall({ kind: 'missed', at: bed.now(), from: JANE, to: '101' });
    bed.advance(2 * MINUTE);
    await poller.tick();
    bed.advance(30 * SECOND);
    await poller.tick();
    expect(claims.filter((key) => key === call.callKey)).toEqual([call.callKey]);
    // Another process (a restart) asks the store, which says it is taken: still posted once.
    await bed.poller().tick();
    expect(postsOf(call.callKey)).toHaveLength(1);
  });

  it('tells the delivery to mask numbers under PRIVACY_MASK_NUMBERS', async () => {
    await bed.subscribe({ id: 'al0001', extensions: ['101'] });
    const call = bed.pbx.injectCall({ kind: 'missed', at: bed.now(), from: JANE, to: '101' });
    bed.advance(2 * MINUTE);
    await bed.poller({ maskNumbers: true }).tick();
    expect(postsOf(call.callKey).map((post) => post.masked)).toEqual([true]);
  });

  it('releases a post the platform refused, and the next poll posts it', async () => {
    await bed.subscribe({ id: 'al0001', extensions: ['101'] });
    const call = bed.pbx.injectCall({ kind: 'missed', at: bed.now(), from: JANE, to: '101' });
    bed.advance(2 * MINUTE);
    const poller = bed.poller();
    bed.delivery.failNext('post');
    await poller.tick();
    expect(postsOf(call.callKey)).toEqual([]);
    expect(await bed.alerts.getAlert('al0001', call.callKey)).toBeUndefined();

    bed.advance(30 * SECOND);
    await poller.tick();
    expect(postsOf(call.callKey)).toHaveLength(1);
  });
});

describe('a post the store could not record', () => {
  it('is recorded at the next poll, never posted again, and then follows its return', async () => {
    await bed.subscribe({ id: 'al0001', queues: ['800'] });
    const store = Object.create(bed.alerts) as AlertStore;
    let failures = 1;
    store.markAlertPosted = async (...args) => {
      if (failures-- > 0) throw new Error('database is away');
      return bed.alerts.markAlertPosted(...args);
    };
    const poller = bed.poller({ store });
    const missed = bed.pbx.injectCall({ kind: 'missed', at: bed.now(), from: JANE, to: '800' });
    bed.advance(2 * MINUTE);
    await poller.tick();
    expect(postsOf(missed.callKey)).toHaveLength(1);
    expect(await bed.alerts.getAlert('al0001', missed.callKey)).toMatchObject({ delivery: 'posting' });

    bed.pbx.injectCall({ kind: 'outbound', at: bed.now(), from: '102', to: JANE, talkSeconds: 60 });
    bed.advance(3 * MINUTE);
    await poller.tick();
    expect(postsOf(missed.callKey)).toHaveLength(1);
    const [posted] = bed.delivery
      .callsOf('post')
      .filter((call) => call.alert.call.callKey === missed.callKey);
    expect(await bed.alerts.getAlert('al0001', missed.callKey)).toMatchObject({
      delivery: 'posted',
      state: 'returned',
      returnedBy: { extension: '102', name: 'Chloé Durand' },
    });
    expect(posted).toBeDefined();
    expect(bed.delivery.callsOf('update').map((call) => call.alert.call.callKey)).toEqual([missed.callKey]);
  });
});

describe('returns and reminders', () => {
  it('marks an alert returned by the first answered call back, and redraws its message once', async () => {
    await bed.subscribe({ id: 'al0001', queues: ['800'] });
    const poller = bed.poller();
    const missed = bed.pbx.injectCall({
      kind: 'missed',
      at: bed.now(),
      from: JANE,
      fromName: 'Jane',
      to: '800',
    });
    bed.advance(2 * MINUTE);
    await poller.tick();
    expect(postsOf(missed.callKey)).toHaveLength(1);

    // An attempt nobody answered is no return; the same number written nationally is the same caller.
    bed.pbx.injectCall({ kind: 'outbound', at: bed.now(), from: '101', to: '020 7946 0123', talkSeconds: 0 });
    bed.advance(2 * MINUTE);
    await poller.tick();
    expect(bed.delivery.callsOf('update')).toEqual([]);

    const back = bed.pbx.injectCall({
      kind: 'outbound',
      at: bed.now(),
      from: '102',
      to: '020 7946 0123',
      talkSeconds: 60,
    });
    bed.advance(3 * MINUTE);
    await poller.tick();
    const updates = bed.delivery
      .callsOf('update')
      .filter((call) => call.alert.call.callKey === missed.callKey);
    expect(updates.map((update) => update.alert)).toEqual([
      expect.objectContaining({
        state: 'returned',
        returnedBy: { extension: '102', name: 'Chloé Durand' },
        returnedAt: back.startedAt,
      }),
    ]);
    expect(await bed.alerts.getAlert('al0001', missed.callKey)).toMatchObject({ state: 'returned' });

    bed.advance(30 * SECOND);
    await poller.tick();
    expect(
      bed.delivery.callsOf('update').filter((call) => call.alert.call.callKey === missed.callKey),
    ).toHaveLength(1);
  });

  it('writes each return found to the audit log: who returned it and who had claimed it, no number', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger({ level: 'debug', write: (line) => lines.push(JSON.parse(line)) });
    await bed.subscribe({ id: 'al0001', queues: ['800'] });
    const poller = bed.poller({ logger });
    const missed = bed.pbx.injectCall({ kind: 'missed', at: bed.now(), from: JANE, to: '800' });
    bed.advance(2 * MINUTE);
    await poller.tick();
    await bed.alerts.claimCallback('al0001', missed.callKey, { platform: 'slack', id: 'U0BEN' }, bed.now());
    const back = bed.pbx.injectCall({
      kind: 'outbound',
      at: bed.now(),
      from: '101',
      to: JANE,
      talkSeconds: 90,
    });
    bed.advance(3 * MINUTE);
    await poller.tick();
    const audits = lines.filter((line) => line.audit === true);
    expect(audits).toEqual([
      expect.objectContaining({
        via: 'alert-return',
        view: 'alert',
        decision: 'recorded',
        subscription: 'al0001',
        callKey: missed.callKey,
        returnedBy: '101',
        returnedAt: back.startedAt.toISOString(),
        claimedBy: 'slack:U0BEN',
      }),
    ]);
    expect(JSON.stringify(audits)).not.toContain(JANE.slice(-9));
  });

  it('counts an answered call from the caller as a return, by whoever answered it', async () => {
    await bed.subscribe({ id: 'al0001', extensions: ['104'] });
    const poller = bed.poller();
    const missed = bed.pbx.injectCall({ kind: 'missed', at: bed.now(), from: JANE, to: '104' });
    bed.advance(2 * MINUTE);
    await poller.tick();
    bed.pbx.injectCall({
      kind: 'answered',
      at: bed.now(),
      from: '0044 20 7946 0123',
      to: '103',
      talkSeconds: 30,
    });
    bed.advance(2 * MINUTE);
    await poller.tick();
    expect(await bed.alerts.getAlert('al0001', missed.callKey)).toMatchObject({
      state: 'returned',
      returnedBy: { extension: '103', name: 'Daniel Whitfield' },
    });
  });

  it('reminds a claim once, after ALERT_CLAIM_REMINDER_MINUTES without a return', async () => {
    await bed.subscribe({ id: 'al0001', extensions: ['101'] });
    const poller = bed.poller({ claimReminderMinutes: 30 });
    const missed = bed.pbx.injectCall({ kind: 'missed', at: bed.now(), from: JANE, to: '101' });
    bed.advance(2 * MINUTE);
    await poller.tick();
    const claimedAt = bed.now();
    await bed.alerts.claimCallback(
      'al0001',
      missed.callKey,
      { platform: 'slack', id: 'U7', name: 'Ben' },
      claimedAt,
    );

    bed.setNow(new Date(claimedAt.getTime() + 29 * MINUTE));
    await poller.tick();
    expect(bed.delivery.callsOf('remind')).toEqual([]);
    bed.setNow(new Date(claimedAt.getTime() + 30 * MINUTE));
    await poller.tick();
    expect(bed.delivery.callsOf('remind').map((call) => call.alert.claimedBy)).toEqual([
      { platform: 'slack', id: 'U7', name: 'Ben' },
    ]);
    expect(await bed.alerts.getAlert('al0001', missed.callKey)).toMatchObject({ remindedAt: bed.now() });
    bed.advance(10 * MINUTE);
    await poller.tick();
    expect(bed.delivery.callsOf('remind')).toHaveLength(1);
  });

  it('never reminds with ALERT_CLAIM_REMINDER_MINUTES=0', async () => {
    await bed.subscribe({ id: 'al0001', extensions: ['101'] });
    const poller = bed.poller({ claimReminderMinutes: 0 });
    const missed = bed.pbx.injectCall({ kind: 'missed', at: bed.now(), from: JANE, to: '101' });
    bed.advance(2 * MINUTE);
    await poller.tick();
    await bed.alerts.claimCallback('al0001', missed.callKey, { platform: 'slack', id: 'U7' }, bed.now());
    bed.advance(3 * 60 * MINUTE);
    await poller.tick();
    expect(bed.delivery.callsOf('remind')).toEqual([]);
  });
});

describe('the lease, the window and failures', () => {
  it('polls in one process at a time; a stopping one hands the lease on, a dead one after its lease', async () => {
    await bed.subscribe({ id: 'al0001', extensions: ['101'] });
    const first = bed.poller({ holderId: 'replica-1' });
    const second = bed.poller({ holderId: 'replica-2' });
    const third = bed.poller({ holderId: 'replica-3' });
    expect(await first.tick()).toMatchObject({ kind: 'polled' });
    expect(await second.tick()).toEqual({ kind: 'standby' });
    await first.stop();
    expect(await second.tick()).toMatchObject({ kind: 'polled' });
    // replica-2 dies without a word: replica-3 waits out its lease (3 polls, 90 s).
    bed.advance(89 * SECOND);
    expect(await third.tick()).toEqual({ kind: 'standby' });
    bed.advance(2 * SECOND);
    expect(await third.tick()).toMatchObject({ kind: 'polled' });
  });

  it('asks the PBX one query set per poll, whatever the number of subscriptions', async () => {
    await bed.subscribe({ id: 'al0000', extensions: ['101'] });
    const poller = bed.poller();
    await poller.tick();
    const before = bed.callLogRequests();
    bed.advance(30 * SECOND);
    await poller.tick();
    const withOne = bed.callLogRequests() - before;
    for (let index = 1; index < 50; index++) {
      await bed.subscribe({ id: `al${String(index).padStart(4, '0')}`, queues: [index % 2 ? '800' : '801'] });
    }
    const middle = bed.callLogRequests();
    bed.advance(30 * SECOND);
    await poller.tick();
    expect(withOne).toBe(1);
    expect(bed.callLogRequests() - middle).toBe(withOne);
  });

  it('does not ask the PBX while nobody subscribed and no alert is open', async () => {
    expect(await bed.poller().tick()).toEqual({ kind: 'idle' });
    expect(bed.callLogRequests()).toBe(0);
  });

  it('catches up on the time it was away: a call that began over 2 hours ago but ended meanwhile is posted', async () => {
    await bed.subscribe({ id: 'al0001', queues: ['801'] });
    const poller = bed.poller();
    await poller.tick();
    await poller.stop();
    const start = bed.now().getTime();
    const longWait = bed.pbx.injectCall({
      kind: 'missed',
      at: new Date(start + 30 * MINUTE),
      from: JANE,
      to: '801',
      ringSeconds: 20 * 60,
    });
    bed.setNow(new Date(start + 3 * 60 * MINUTE));
    const outcome = await bed.poller().tick();
    expect(outcome).toMatchObject({ kind: 'polled', window: { fromMs: start - 120 * MINUTE } });
    expect(postsOf(longWait.callKey)).toHaveLength(1);
  });

  it('survives a failing PBX: nothing posted, the window kept, the next poll catches up', async () => {
    await bed.subscribe({ id: 'al0001', extensions: ['101'] });
    const poller = bed.poller();
    await poller.tick();
    const position = await bed.alerts.getPollerPosition();
    const missed = bed.pbx.injectCall({ kind: 'missed', at: bed.now(), from: JANE, to: '101' });
    bed.advance(2 * MINUTE);
    bed.pbx.misbehave({ status: 503 });
    expect(await poller.tick()).toMatchObject({ kind: 'failed', step: 'pbx' });
    expect(await bed.alerts.getPollerPosition()).toEqual(position);
    expect(postsOf(missed.callKey)).toEqual([]);

    bed.advance(30 * SECOND);
    expect(await poller.tick()).toMatchObject({ kind: 'polled', posted: 1 });
    expect(postsOf(missed.callKey)).toHaveLength(1);
  });

  it('deletes alerts past ALERT_RETENTION_DAYS, looking at most once an hour', async () => {
    const subscription = await bed.subscribe({ id: 'al0001', extensions: ['101'] });
    const old = new Date(bed.now().getTime() - 31 * 24 * 60 * MINUTE);
    const postOld = async (callKey: string, at: Date) => {
      const call = {
        callKey,
        startedAt: at,
        endedAt: at,
        fromNumber: JANE,
        fromName: '',
        toDn: '101',
        toName: '',
        waitSeconds: 1,
      };
      await bed.alerts.claimAlertPost(subscription.id, call, new Date(at.getTime() + MINUTE), at);
      await bed.alerts.markAlertPosted(subscription.id, callKey, { messageId: 'old' }, at);
    };
    await postOld('old-1', old);
    const poller = bed.poller({ retentionDays: 30 });
    await poller.tick();
    expect(await bed.alerts.getAlert(subscription.id, 'old-1')).toBeUndefined();

    await postOld('old-2', old);
    bed.advance(30 * MINUTE);
    await poller.tick();
    expect(await bed.alerts.getAlert(subscription.id, 'old-2')).toBeDefined();
    bed.advance(31 * MINUTE);
    await poller.tick();
    expect(await bed.alerts.getAlert(subscription.id, 'old-2')).toBeUndefined();
  });
});
