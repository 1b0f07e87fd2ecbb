import type { CallLeg } from '../../src/core/call-leg';

/** 2026-11-17 08:00:00 UTC (09:00 in Berlin), a Tuesday inside the default test window. */
export const BASE_MS = Date.parse('2026-11-17T08:00:00.000Z');

/**
 * One call-log leg with readable defaults: an inbound call from Jane Caller over trunk 10000,
 * answered by extension 101 (Ben Okafor) after 5 s of ringing, 60 s of talk. Override any field;
 * `{ direction: undefined }` gives a leg without that field.
 */
export function buildLeg(overrides: Partial<CallLeg> = {}): CallLeg {
  return {
    callKey: 'call-1',
    segmentId: 1,
    startMs: BASE_MS,
    sourceDn: '10000',
    sourceCallerId: '+442071234567',
    sourceDisplayName: 'Jane Caller',
    destinationDn: '101',
    destinationCallerId: '101',
    destinationDisplayName: 'Ben Okafor',
    direction: 'Inbound',
    legType: 'Extension',
    status: 'Answered',
    answered: true,
    ringingSeconds: 5,
    talkingSeconds: 60,
    ...overrides,
  };
}

/** `BASE_MS` plus a number of seconds (fractions allowed). */
export function at(seconds: number): number {
  return BASE_MS + Math.round(seconds * 1000);
}
