import type { CallLeg } from '../../src/core/call-leg';
import type { Directory } from '../../src/core/directory';

/** Users 101–105 and queue 800; 10000 is the trunk and 8000 the IVR (neither listed). */
export const CALLBACK_DIRECTORY: Directory = {
  users: [
    { number: '101', firstName: 'Ben', lastName: 'Okafor' },
    { number: '102', firstName: 'Chloé', lastName: 'Durand' },
    { number: '103', firstName: 'Dana', lastName: 'Fox' },
    { number: '104', firstName: 'Emma', lastName: 'Nowak' },
    { number: '105', firstName: 'Farid', lastName: 'Rahman' },
  ],
  queues: [{ number: '800', name: 'Sales' }],
};

/**
 * How a call of the tests goes: an outside caller missed (hung up in the IVR, abandoned in the
 * queue, or unanswered at an extension) or answered; an extension calling out (with talk, or
 * nobody answering); two extensions talking. `direction: false` leaves 3CX's Direction out, so
 * it is read from the DNs.
 */
export type CallbackScenario =
  | { kind: 'missed'; via: 'ivr' | 'queue' | 'extension'; number?: string; extension: string }
  | { kind: 'answered'; number?: string; extension: string }
  | { kind: 'outbound'; number: string; extension: string; talkSeconds: number; dialledAsDn?: boolean }
  | { kind: 'internal'; extension: string; to: string };

/** The legs of one call starting at `startMs` (segment ids from `segment`, one per leg). */
export function callLegs(
  key: string,
  startMs: number,
  scenario: CallbackScenario,
  options: { direction?: boolean; segment?: number } = {},
): CallLeg[] {
  let segment = options.segment ?? 1;
  let atMs = startMs;
  const withDirection = options.direction !== false;
  const leg = (fields: Partial<CallLeg> & { seconds: number }): CallLeg => {
    const { seconds, ...rest } = fields;
    const built: CallLeg = {
      callKey: key,
      segmentId: segment++,
      startMs: atMs,
      ringingSeconds: 0,
      talkingSeconds: 0,
      ...rest,
    };
    if (!withDirection) delete built.direction;
    atMs += seconds * 1000;
    return built;
  };
  const caller = (number: string | undefined) => ({
    sourceDn: '10000',
    sourceCallerId: number,
    sourceDisplayName: number === undefined || number === '' ? '' : `Caller ${number.slice(-2)}`,
  });
  const extension = (dn: string) => ({
    destinationDn: dn,
    destinationCallerId: dn,
    destinationDisplayName: nameOf(dn),
  });
  switch (scenario.kind) {
    case 'missed': {
      const from = caller(scenario.number);
      const legs: CallLeg[] = [];
      if (scenario.via !== 'extension')
        legs.push(
          leg({
            ...from,
            destinationDn: '8000',
            destinationDisplayName: 'Main Menu',
            direction: 'Inbound',
            legType: 'Digital Receptionist',
            status: 'Answered',
            answered: true,
            talkingSeconds: 6,
            seconds: 6,
          }),
        );
      if (scenario.via === 'queue')
        legs.push(
          leg({
            ...from,
            destinationDn: '800',
            destinationDisplayName: 'Sales',
            direction: 'Inbound Queue',
            legType: 'Queue',
            status: 'Waiting',
            answered: true,
            ringingSeconds: 20,
            seconds: 0,
          }),
        );
      if (scenario.via !== 'ivr')
        legs.push(
          leg({
            ...from,
            ...extension(scenario.extension),
            direction: 'Inbound',
            legType: 'Extension',
            status: 'Unanswered',
            answered: false,
            ringingSeconds: 20,
            seconds: 20,
          }),
        );
      return legs;
    }
    case 'answered':
      return [
        leg({
          ...caller(scenario.number),
          ...extension(scenario.extension),
          direction: 'Inbound',
          legType: 'Extension',
          status: 'Answered',
          answered: true,
          ringingSeconds: 5,
          talkingSeconds: 60,
          seconds: 65,
        }),
      ];
    case 'outbound':
      return [
        leg({
          sourceDn: scenario.extension,
          sourceCallerId: scenario.extension,
          sourceDisplayName: nameOf(scenario.extension),
          destinationDn: scenario.dialledAsDn ? scenario.number : '10000',
          ...(scenario.dialledAsDn ? {} : { destinationCallerId: scenario.number }),
          destinationDisplayName: '',
          direction: 'Outbound',
          legType: 'External',
          status: scenario.talkSeconds > 0 ? 'Answered' : 'Unanswered',
          answered: scenario.talkSeconds > 0,
          ringingSeconds: 8,
          talkingSeconds: scenario.talkSeconds,
          seconds: 8 + scenario.talkSeconds,
        }),
      ];
    case 'internal':
      return [
        leg({
          sourceDn: scenario.extension,
          sourceCallerId: scenario.extension,
          sourceDisplayName: nameOf(scenario.extension),
          ...extension(scenario.to),
          direction: 'Internal',
          legType: 'Extension',
          status: 'Answered',
          answered: true,
          ringingSeconds: 3,
          talkingSeconds: 30,
          seconds: 33,
        }),
      ];
  }
}

function nameOf(dn: string): string {
  const user = CALLBACK_DIRECTORY.users.find((candidate) => candidate.number === dn);
  return user ? `${user.firstName} ${user.lastName}` : dn;
}
