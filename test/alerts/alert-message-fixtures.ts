import type { AlertSubscription, PostedAlert } from '../../src/alerts/alert-store';
import { buildCall, buildSubscription } from './alert-store-helpers';

/** The missed call of the alert-message tests: Jane Caller, +44 20 7946 0123, Mon 2 Nov 10:14 in Berlin, 42 s in queue 800. */
export const JANE = buildCall({
  callKey: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
  startedAt: new Date('2026-11-02T09:14:03Z'),
  endedAt: new Date('2026-11-02T09:14:45Z'),
  fromNumber: '+442079460123',
  fromName: 'Jane Caller',
});

/** `alerts missed queue 800` in Slack channel C0SUPPORT1, made in Berlin. */
export function alertSubscription(overrides: Partial<AlertSubscription> = {}): AlertSubscription {
  return buildSubscription({
    id: 'k3m9qa',
    target: { platform: 'slack', conversationId: 'C0SUPPORT1', teamId: 'T1', label: '#support' },
    ...overrides,
  });
}

/** An alert as the store gives it back: posted, open, unless `overrides` say otherwise. */
export function postedAlert(overrides: Partial<PostedAlert> = {}): PostedAlert {
  return {
    subscriptionId: 'k3m9qa',
    call: JANE,
    delivery: 'posted',
    message: { messageId: '1700000000.000001', channelId: 'C0SUPPORT1' },
    state: 'open',
    createdAt: new Date('2026-11-02T09:15:00Z'),
    ...overrides,
  };
}

/** The same alert claimed by Ben Okafor (Slack U0BEN00101) at 10:20 Berlin. */
export function claimedAlert(overrides: Partial<PostedAlert> = {}): PostedAlert {
  return postedAlert({
    state: 'claimed',
    claimedBy: { platform: 'slack', id: 'U0BEN00101', name: 'Ben Okafor' },
    claimedAt: new Date('2026-11-02T09:20:00Z'),
    ...overrides,
  });
}

/** The same alert returned by Ben Okafor (ext 101) 12 minutes after the call started. */
export function returnedAlert(overrides: Partial<PostedAlert> = {}): PostedAlert {
  return claimedAlert({
    state: 'returned',
    returnedBy: { extension: '101', name: 'Ben Okafor' },
    returnedAt: new Date('2026-11-02T09:26:03Z'),
    ...overrides,
  });
}
