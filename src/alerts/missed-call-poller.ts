import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { readCallbackCalls } from '../callbacks/callback-call-reader';
import type { CallLeg } from '../core/call-leg';
import type { CallLogSource } from '../core/call-log-source';
import type { Directory } from '../core/directory';
import type { Logger } from '../core/logger';
import { DEFAULT_CALL_LOG_PARAMETERS } from '../core/report-request';
import { TickLoop } from '../core/tick-loop';
import { FETCH_MARGIN_MS } from '../report/report-service';
import type { AlertDelivery } from './alert-delivery';
import { AlertRetention } from './alert-retention';
import type { AlertStore, AlertSubscription } from './alert-store';
import { PollerAccessMemo } from './poller-access-memo';
import { followUpAlerts } from './poller-follow-ups';
import { readMissedCalls } from './poller-missed-calls';
import { postMissedCalls, reasonOf } from './poller-post-alerts';
import { PostedAlertMemo } from './poller-posted-memo';
import { ReturnFinder } from './poller-returns';
import type { SubscriberAccessCheck } from './poller-subscriber-access';
import { type PollWindow, pollWindow } from './poller-window';

export interface MissedCallPollerOptions {
  store: AlertStore;
  /** The PBX: one call-log query set per poll, however many subscriptions there are. */
  source: CallLogSource;
  /** Posts, updates and reminders, routed by the subscription's platform. */
  delivery: AlertDelivery;
  /** The subscriber's access, looked up afresh (`createSubscriberAccessCheck`); default: every call. */
  access?: SubscriberAccessCheck;
  now: () => Date;
  logger: Logger;
  /** ALERT_POLL_SECONDS. */
  pollSeconds: number;
  /** ALERT_SETTLE_SECONDS. */
  settleSeconds: number;
  /** ALERT_CLAIM_REMINDER_MINUTES (0: never). */
  claimReminderMinutes: number;
  /** ALERT_RETENTION_DAYS. */
  retentionDays: number;
  /** PRIVACY_MASK_NUMBERS; default false. */
  maskNumbers?: boolean;
  /** Who holds the lease; default this process (host, pid and a random part). */
  holderId?: string;
  /** How long the poller's lease lasts when not renewed; default 3 polls, at least a minute. */
  leaseMs?: number;
  /** How long a claimed post holds before another poller may take over; default 2 minutes. */
  claimLeaseMs?: number;
}

/** What one poll did (for tests, the benchmark and the debug log). */
export type PollOutcome =
  | { kind: 'standby' }
  | { kind: 'idle' }
  | { kind: 'failed'; step: 'store' | 'pbx' | 'alerts'; reason: string }
  | {
      kind: 'polled';
      window: PollWindow;
      legs: number;
      missed: number;
      posted: number;
      returned: number;
      reminded: number;
    };

const MIN_LEASE_MS = 60_000;
const DEFAULT_CLAIM_LEASE_MS = 2 * 60_000;

/**
 * The one missed-call poller of a deployment (product spec, "Call-backs (round 2)"). Every
 * `pollSeconds` each bot process ticks; only the one holding the lease in the store polls: it
 * re-reads the trailing window from the PBX (poller-window.ts), finds the missed calls that have
 * settled, posts each to every subscription it belongs to once (poller-post-alerts.ts), records
 * and shows the returns of posted alerts and reminds old claims (poller-follow-ups.ts), deletes
 * alerts past retention, and records how far it read. A failing PBX or store is logged and tried
 * again at the next tick; nothing here crashes the process.
 */
export class MissedCallPoller {
  readonly holderId: string;
  private readonly access: PollerAccessMemo;
  private readonly retention: AlertRetention;
  private readonly posted = new PostedAlertMemo();
  private readonly ticks = new TickLoop(
    () => this.runTick(),
    (startedMs) => Math.max(0, this.pollMs - (Date.now() - startedMs)),
  );
  private leader = false;

  constructor(private readonly options: MissedCallPollerOptions) {
    this.holderId = options.holderId ?? `${hostname()}/${process.pid}/${randomBytes(3).toString('hex')}`;
    this.access = new PollerAccessMemo(options.access ?? (async () => ({ kind: 'allowed' })), options.logger);
    this.retention = new AlertRetention(options.store, options.retentionDays, options.logger);
  }

  private get pollMs(): number {
    return this.options.pollSeconds * 1000;
  }

  /** One tick now (after one in progress); never rejects. */
  tick(): Promise<PollOutcome> {
    return this.ticks.tick();
  }

  /** Ticks now, then every `pollSeconds` (from the start of one tick to the next), until `stop()`. */
  start(): void {
    this.ticks.start();
  }

  /** Stops the timer, waits for a tick in progress and hands the lease on (another replica may poll at once). */
  async stop(): Promise<void> {
    await this.ticks.stop();
    if (!this.leader) return;
    this.leader = false;
    const now = this.options.now();
    try {
      await this.options.store.acquirePollerLease(this.holderId, now, now);
    } catch (error) {
      this.options.logger.warn('alert poller could not hand its lease on', { reason: reasonOf(error) });
    }
  }

  private async runTick(): Promise<PollOutcome> {
    try {
      return await this.poll();
    } catch (error) {
      const reason = reasonOf(error);
      this.options.logger.error('alert poll failed; the next poll tries again', { reason });
      return { kind: 'failed', step: 'alerts', reason };
    }
  }

  private async poll(): Promise<PollOutcome> {
    const { store, logger } = this.options;
    const now = this.options.now();
    const nowMs = now.getTime();
    let state: { subscriptions: AlertSubscription[]; position: Date | undefined; open: number };
    try {
      if (!(await this.holdLease(now))) return { kind: 'standby' };
      await this.retention.sweepIfDue(now);
      const [subscriptions, position, open] = await Promise.all([
        store.listAllSubscriptions(),
        store.getPollerPosition(),
        store.listUnreturnedAlerts(),
      ]);
      state = { subscriptions, position, open: open.length };
    } catch (error) {
      const reason = reasonOf(error);
      logger.warn('alert poll could not use the store; the next poll tries again', { reason });
      return { kind: 'failed', step: 'store', reason };
    }
    if (state.subscriptions.length === 0 && state.open === 0) {
      // Nothing to post nor to follow up: the PBX is not asked (a subscription sees only later calls).
      await store.setPollerPosition(now);
      return { kind: 'idle' };
    }
    const window = pollWindow(nowMs, state.position);
    if (window.droppedGapMs > 0) {
      logger.warn('alert poller was away too long: calls that ended more than a day ago are not alerted', {
        since: state.position?.toISOString(),
      });
    }
    let read: { legs: CallLeg[]; directory: Directory };
    try {
      read = await this.readWindow(window);
    } catch (error) {
      const reason = reasonOf(error);
      logger.warn('alert poll could not read the call log; the next poll tries again', { reason });
      return { kind: 'failed', step: 'pbx', reason };
    }
    const settledBeforeMs = nowMs - this.options.settleSeconds * 1000;
    const missed = readMissedCalls(read.legs, read.directory, window.fromMs).filter(
      (call) => call.facts.endedAt.getTime() <= settledBeforeMs,
    );
    this.access.startPoll();
    this.posted.forgetBefore(window.fromMs);
    const deps = {
      store,
      delivery: this.options.delivery,
      access: this.access,
      maskNumbers: this.options.maskNumbers ?? false,
      now: this.options.now,
      logger,
    };
    const posted = await postMissedCalls(
      { ...deps, posted: this.posted, claimLeaseMs: this.options.claimLeaseMs ?? DEFAULT_CLAIM_LEASE_MS },
      state.subscriptions,
      missed,
    );
    const returns = new ReturnFinder(readCallbackCalls(read.legs, read.directory), nowMs);
    const followed = await followUpAlerts(
      { ...deps, reminderMs: this.options.claimReminderMinutes * 60_000 },
      await store.listUnreturnedAlerts(),
      new Map(state.subscriptions.map((subscription) => [subscription.id, subscription])),
      returns,
    );
    await store.setPollerPosition(now);
    const outcome = {
      kind: 'polled' as const,
      window,
      legs: read.legs.length,
      missed: missed.length,
      posted,
      ...followed,
    };
    logger.debug('alert poll done', { ...outcome, window: undefined, fromMs: window.fromMs });
    return outcome;
  }

  /** Takes or renews the lease; logs when this process starts or stops being the poller. */
  private async holdLease(now: Date): Promise<boolean> {
    const leaseMs = this.options.leaseMs ?? Math.max(MIN_LEASE_MS, 3 * this.pollMs);
    const held = await this.options.store.acquirePollerLease(
      this.holderId,
      new Date(now.getTime() + leaseMs),
      now,
    );
    if (held !== this.leader) {
      this.options.logger.info(
        held ? 'alert poller took the lease' : 'alert poller lease is held elsewhere',
        {
          holder: this.holderId,
        },
      );
    }
    this.leader = held;
    return held;
  }

  /** The window's legs (from `FETCH_MARGIN_MS` before it, as reports read) and the directory, side by side. */
  private async readWindow(window: PollWindow): Promise<{ legs: CallLeg[]; directory: Directory }> {
    const { source } = this.options;
    const query = {
      from: new Date(window.fromMs - FETCH_MARGIN_MS),
      to: new Date(window.toMs + 1),
      callLog: { ...DEFAULT_CALL_LOG_PARAMETERS },
    };
    const readLegs = async () => {
      const legs: CallLeg[] = [];
      if (source.streamLegPages) {
        for await (const page of source.streamLegPages(query)) for (const leg of page) legs.push(leg);
      } else {
        for await (const leg of source.streamLegs(query)) legs.push(leg);
      }
      return legs;
    };
    const [legs, directory] = await Promise.all([readLegs(), source.getDirectory()]);
    return { legs, directory };
  }
}
