import type { CallLeg } from '../../src/core/call-leg';
import { at, buildLeg } from '../helpers/build-leg';

/**
 * The 3CX illustration: IVR (answered by the PBX) → queue 800 → agent 102 rings 18 s unanswered →
 * agent 101 answers after 6.2 s of ringing and talks 192.577 s. Starts 08:02:11.412Z (09:02 Berlin).
 * Arrival is the queue leg (08:02:21.221); answered at 08:02:39.221 + 6.2 s → wait 24.2 s.
 */
export function ivrQueueAgentCall(
  callKey = '6f1c0000-0000-4000-8000-000000000001',
  offsetSeconds = 0,
): CallLeg[] {
  const caller = {
    callKey,
    sourceDn: '10000',
    sourceCallerId: '+442071234567',
    sourceDisplayName: 'Jane Caller',
  };
  return [
    buildLeg({
      ...caller,
      segmentId: 1201,
      startMs: at(offsetSeconds + 131.412),
      destinationDn: '8000',
      destinationCallerId: '8000',
      destinationDisplayName: 'Main Menu',
      direction: 'Inbound',
      legType: 'Digital Receptionist',
      status: 'Answered',
      answered: true,
      ringingSeconds: 0,
      talkingSeconds: 9.81,
    }),
    buildLeg({
      ...caller,
      segmentId: 1202,
      startMs: at(offsetSeconds + 141.221),
      destinationDn: '800',
      destinationCallerId: '800',
      destinationDisplayName: 'Sales',
      direction: 'Inbound Queue',
      legType: 'Queue',
      status: 'Waiting',
      answered: false,
      ringingSeconds: 41.5,
      talkingSeconds: 0,
    }),
    buildLeg({
      ...caller,
      segmentId: 1203,
      startMs: at(offsetSeconds + 141.221),
      destinationDn: '102',
      destinationCallerId: '102',
      destinationDisplayName: 'Chloé Durand',
      status: 'Unanswered',
      answered: false,
      ringingSeconds: 18,
      talkingSeconds: 0,
    }),
    buildLeg({
      ...caller,
      segmentId: 1204,
      startMs: at(offsetSeconds + 159.221),
      destinationDn: '101',
      destinationDisplayName: 'Ben Okafor',
      ringingSeconds: 6.2,
      talkingSeconds: 192.577,
    }),
  ];
}

/** The same call where 101 does not answer either: missed; the caller held on 41.5 s (queue leg end). */
export function ivrQueueMissedCall(
  callKey = '6f1c0000-0000-4000-8000-000000000002',
  offsetSeconds = 0,
): CallLeg[] {
  const legs = ivrQueueAgentCall(callKey, offsetSeconds);
  legs[3] = { ...legs[3]!, status: 'Unanswered', answered: false, talkingSeconds: 0 };
  return legs;
}
