import type { AlertSubscription, MissedCallFacts } from '../../src/alerts/alert-store';

/** A subscription with sensible defaults: `alerts missed queue 800` in Slack channel C1, by U1. */
export function buildSubscription(overrides: Partial<AlertSubscription> = {}): AlertSubscription {
  return {
    id: 'al0001',
    target: { platform: 'slack', conversationId: 'C1', teamId: 'T1', label: '#support' },
    creator: { platform: 'slack', id: 'U1', email: 'lead@example.com' },
    extensions: [],
    queues: ['800'],
    timeZone: 'Europe/Berlin',
    createdAt: new Date('2026-11-02T08:00:00.123Z'),
    ...overrides,
  };
}

/** A missed call from Jane Caller that ended in queue 800 after 42 s. */
export function buildCall(overrides: Partial<MissedCallFacts> = {}): MissedCallFacts {
  return {
    callKey: 'call-1',
    startedAt: new Date('2026-11-02T09:14:03.250Z'),
    endedAt: new Date('2026-11-02T09:14:45.250Z'),
    fromNumber: '+442071234567',
    fromName: 'Jane Caller',
    toDn: '800',
    toName: 'Sales',
    waitSeconds: 42,
    ...overrides,
  };
}

/** Six distinct ids in the digests' alphabet: `al0001`, `al0002`, … */
export function subscriptionId(index: number): string {
  return `al${String(index).padStart(4, '0')}`;
}
