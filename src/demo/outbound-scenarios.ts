import type { LegSpec, Party } from './demo-call';
import type { DemoUser } from './demo-company';
import {
  drawRingMs,
  drawTalkMs,
  endedBy,
  extensionParty,
  externalParty,
  pickUser,
  type ScenarioContext,
} from './scenario-context';

/** Price per started minute by destination prefix (invented tariffs). */
function ratePerMinute(number: string): number {
  if (number.startsWith('+447')) return 0.03;
  if (number.startsWith('+44')) return 0.01;
  return 0.05;
}

/**
 * An extension calls an outside number through the trunk. `talkMs` forces the talk time (for
 * late calls that must run past midnight).
 */
export function generateOutboundCall(
  context: ScenarioContext,
  startMs: number,
  answered: boolean,
  talkMs?: number,
): LegSpec[] {
  const { random } = context;
  const caller = extensionParty(pickUser(context));
  const callee = externalParty(context, random.pick(context.contacts));
  return outboundLegs(context, startMs, caller, callee, answered, talkMs);
}

/**
 * `user` calls `callee` back (a number that called: as it called, or dialled in national form):
 * answered with talk, or not answered. The demo's call-backs (callback-scenarios.ts).
 */
export function generateCallBack(
  context: ScenarioContext,
  startMs: number,
  user: DemoUser,
  callee: Party,
  answered: boolean,
): LegSpec[] {
  return outboundLegs(context, startMs, extensionParty(user), callee, answered);
}

/** One outbound leg from `caller` to `callee`: not answered (no answer, busy), or answered with talk. */
function outboundLegs(
  context: ScenarioContext,
  startMs: number,
  caller: Party,
  callee: Party,
  answered: boolean,
  talkMs?: number,
): LegSpec[] {
  const { random } = context;
  if (!answered) {
    return [
      {
        startMs,
        source: caller,
        destination: callee,
        actionType: 'notAnswered',
        ringMs: drawRingMs(random, 10, 45),
        talkMs: 0,
        answered: false,
        status: 'Unanswered',
        direction: 'Outbound',
        callType: 'External',
        reason: random.chance(0.7) ? 'No answer' : 'Busy',
      },
    ];
  }
  const talk = talkMs ?? drawTalkMs(random, 200, 10, 3000);
  const cost = Math.round(Math.ceil(talk / 60_000) * ratePerMinute(callee.callerId) * 100) / 100;
  return [
    {
      startMs,
      source: caller,
      destination: callee,
      actionType: 'ended',
      ringMs: drawRingMs(random, 3, 25),
      talkMs: talk,
      answered: true,
      status: 'Answered',
      direction: 'Outbound',
      callType: 'External',
      reason: endedBy(random.chance(0.5) ? caller : callee),
      callCost: cost,
    },
  ];
}

/** One extension calls another. */
export function generateInternalCall(
  context: ScenarioContext,
  startMs: number,
  answered: boolean,
): LegSpec[] {
  const { random } = context;
  const callerUser = pickUser(context);
  const caller = extensionParty(callerUser);
  const callee = extensionParty(pickUser(context, callerUser.number));
  return [
    {
      startMs,
      source: caller,
      destination: callee,
      actionType: answered ? 'ended' : 'notAnswered',
      ringMs: answered ? drawRingMs(random, 2, 12) : drawRingMs(random, 10, 25),
      talkMs: answered ? drawTalkMs(random, 90, 5, 1800) : 0,
      answered,
      status: answered ? 'Answered' : 'Unanswered',
      direction: 'Internal',
      callType: 'Extension',
      reason: answered ? endedBy(random.chance(0.5) ? caller : callee) : 'Not answered',
    },
  ];
}
