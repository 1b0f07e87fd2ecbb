import type { AlertDelivery } from '../../src/alerts/alert-delivery';
import type {
  AlertStore,
  AlertSubscription,
  PostedAlert,
  PostedMessageRef,
} from '../../src/alerts/alert-store';
import { MissedCallPoller, type MissedCallPollerOptions } from '../../src/alerts/missed-call-poller';
import { silentLogger } from '../../src/core/logger';
import { type DemoPbx, startDemoPbx } from '../../src/demo/demo-pbx';
import { SqliteScheduleStore } from '../../src/schedule/sqlite-schedule-store';
import { XapiClient } from '../../src/threecx/xapi-client';

/** Tue 17 Nov 2026, 11:00 in London: the demo company's busy morning. */
export const POLL_START = new Date('2026-11-17T11:00:00Z');

/** One recorded call of an `AlertDelivery`. */
export interface RecordedAlertCall {
  method: 'post' | 'update' | 'remind';
  subscriptionId: string;
  alert: PostedAlert;
  masked?: boolean;
}

/**
 * A recording `AlertDelivery`: the platforms are not under test here. `failNext` makes the next
 * call of a method throw, as a platform refusing would.
 */
export class RecordingAlertDelivery implements AlertDelivery {
  readonly calls: RecordedAlertCall[] = [];
  private readonly failures: { method: RecordedAlertCall['method']; message: string }[] = [];

  failNext(method: RecordedAlertCall['method'], message = 'channel_not_found'): void {
    this.failures.push({ method, message });
  }

  callsOf(method: RecordedAlertCall['method'], subscriptionId?: string): RecordedAlertCall[] {
    return this.calls.filter(
      (call) =>
        call.method === method && (subscriptionId === undefined || call.subscriptionId === subscriptionId),
    );
  }

  async post(
    subscription: AlertSubscription,
    alert: PostedAlert,
    masked: boolean,
  ): Promise<PostedMessageRef> {
    this.record('post', subscription, alert, masked);
    return { messageId: `m${this.calls.length}`, channelId: subscription.target.conversationId };
  }

  async update(subscription: AlertSubscription, alert: PostedAlert, masked: boolean): Promise<void> {
    this.record('update', subscription, alert, masked);
  }

  async remind(subscription: AlertSubscription, alert: PostedAlert): Promise<void> {
    this.record('remind', subscription, alert);
  }

  private record(
    method: RecordedAlertCall['method'],
    subscription: AlertSubscription,
    alert: PostedAlert,
    masked?: boolean,
  ): void {
    const failure = this.failures.findIndex((candidate) => candidate.method === method);
    if (failure >= 0) {
      const [refused] = this.failures.splice(failure, 1);
      throw new Error(`Slack said ${refused?.message}`);
    }
    this.calls.push({
      method,
      subscriptionId: subscription.id,
      alert: structuredClone(alert),
      ...(masked !== undefined && { masked }),
    });
  }
}

/**
 * The real pieces the poller works with: the demo PBX (pinned clock, moved by `advance`), the
 * XAPI client on it (reading the demo's clock, so its cache treats the live window as live), and
 * a SQLite store in memory. `startPoller` makes pollers that share them.
 */
export interface PollerTestBed {
  pbx: DemoPbx;
  client: XapiClient;
  store: SqliteScheduleStore;
  alerts: AlertStore;
  delivery: RecordingAlertDelivery;
  now(): Date;
  /** Moves the PBX's and the poller's clock on. */
  advance(ms: number): void;
  setNow(at: Date): void;
  poller(options?: Partial<MissedCallPollerOptions>): MissedCallPoller;
  /** Call-log requests the PBX has answered so far. */
  callLogRequests(): number;
  subscribe(subscription: Partial<AlertSubscription> & { id: string }): Promise<AlertSubscription>;
  close(): Promise<void>;
}

export async function startPollerTestBed(
  options: { now?: Date; callsPerDay?: number } = {},
): Promise<PollerTestBed> {
  const pbx = await startDemoPbx({
    now: options.now ?? POLL_START,
    days: 3,
    callsPerDay: options.callsPerDay ?? 150,
  });
  const now = () => pbx.now();
  const client = new XapiClient({
    baseUrl: pbx.url,
    clientId: pbx.clientId,
    clientSecret: pbx.clientSecret,
    now: () => pbx.now().getTime(),
    retry: { maxRetries: 0 },
  });
  const store = new SqliteScheduleStore({ path: ':memory:', now });
  const delivery = new RecordingAlertDelivery();
  return {
    pbx,
    client,
    store,
    alerts: store.alerts,
    delivery,
    now,
    advance: (ms) => pbx.advanceClock(ms),
    setNow: (at) => pbx.setNow(at),
    poller: (overrides = {}) =>
      new MissedCallPoller({
        store: store.alerts,
        source: client,
        delivery,
        now,
        logger: silentLogger,
        pollSeconds: 30,
        settleSeconds: 15,
        claimReminderMinutes: 30,
        retentionDays: 30,
        ...overrides,
      }),
    callLogRequests: () => pbx.requests.filter((request) => request.endpoint === 'calllog').length,
    subscribe: async (overrides) => {
      const subscription: AlertSubscription = {
        target: { platform: 'slack', conversationId: `C${overrides.id}`, teamId: 'T1' },
        creator: { platform: 'slack', id: 'U1' },
        extensions: [],
        queues: [],
        timeZone: 'Europe/London',
        createdAt: now(),
        ...overrides,
      };
      const created = await store.alerts.createSubscription(subscription);
      if (created !== 'created') throw new Error(`subscription ${subscription.id} not created: ${created}`);
      return subscription;
    },
    close: async () => {
      await client.close();
      await store.close();
      await pbx.close();
    },
  };
}
