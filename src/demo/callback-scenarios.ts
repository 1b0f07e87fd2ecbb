import type { LegSpec, Party } from './demo-call';
import { generateDirectCall } from './inbound-scenarios';
import type { LocalDay } from './local-days';
import { localSecondToMs } from './local-days';
import { generateCallBack } from './outbound-scenarios';
import { pickUser, type ScenarioContext, userOf } from './scenario-context';

/** A missed inbound call of the day: who called, and whom it reached (an extension), if anyone. */
export interface MissedInbound {
  endMs: number;
  caller: Party;
  /** The extension the call rang last, if it rang one. */
  offeredTo?: string;
}

const MINUTE_MS = 60_000;

/**
 * What follows a missed call in the demo (so that `unreturned` has every state to show): an agent
 * calls back minutes later (40%; after a first attempt nobody answered, 30% of those), the caller
 * calls again and is answered (15%), an agent tries and reaches nobody (15%, once or twice), or
 * nothing (30%: still open). Each call's legs, in start order.
 */
export function planCallBacks(context: ScenarioContext, miss: MissedInbound): LegSpec[][] {
  const { random } = context;
  const roll = random.next();
  const agent = () =>
    miss.offeredTo !== undefined && random.chance(0.6) ? userOf(context, miss.offeredTo) : pickUser(context);
  const minutesAfter = (fromMs: number, min: number, max: number) =>
    fromMs + random.int(min, max) * MINUTE_MS;
  if (roll < 0.4) {
    const calls: LegSpec[][] = [];
    let atMs = miss.endMs;
    if (random.chance(0.3)) {
      atMs = minutesAfter(atMs, 2, 15);
      calls.push(generateCallBack(context, atMs, agent(), dialled(context, miss.caller), false));
    }
    atMs = minutesAfter(atMs, 3, 45);
    calls.push(generateCallBack(context, atMs, agent(), dialled(context, miss.caller), true));
    return calls;
  }
  if (roll < 0.55) return [generateDirectCall(context, minutesAfter(miss.endMs, 5, 90), true, miss.caller)];
  if (roll < 0.7) {
    const first = minutesAfter(miss.endMs, 3, 30);
    const calls = [generateCallBack(context, first, agent(), dialled(context, miss.caller), false)];
    if (random.chance(0.4))
      calls.push(
        generateCallBack(context, minutesAfter(first, 10, 60), agent(), dialled(context, miss.caller), false),
      );
    return calls;
  }
  return [];
}

/** How withheld numbers arrive: 3CX's words, nothing at all, or a short code. */
const WITHHELD: ReadonlyArray<{ callerId: string; displayName: string }> = [
  { callerId: 'anonymous', displayName: 'Anonymous' },
  { callerId: 'Anonymous', displayName: '' },
  { callerId: '', displayName: '' },
  { callerId: 'private', displayName: 'Private' },
  { callerId: '12345', displayName: '' },
];

/**
 * A few callers who withhold their number and reach nobody (0–3 on a weekday at the default
 * traffic, fewer at weekends): the `anonymous` state of `unreturned`.
 */
export function planAnonymousMisses(
  context: ScenarioContext,
  day: LocalDay,
  callsPerDay: number,
): LegSpec[][] {
  const { random } = context;
  const weekend = day.weekday >= 6;
  const count = random.int(0, Math.round(((weekend ? 0.6 : 3) * callsPerDay) / 150));
  const calls: LegSpec[][] = [];
  for (let index = 0; index < count; index += 1) {
    const withheld = random.pick(WITHHELD);
    const caller: Party = { kind: 'external', dn: context.company.system.trunk.number, ...withheld };
    const secondOfDay = random.int(9 * 3600, 17 * 3600 - 1) + random.int(0, 999) / 1000;
    calls.push(generateDirectCall(context, localSecondToMs(day, secondOfDay), false, caller));
  }
  return calls;
}

/**
 * The caller's number as an agent dials it back: as it called (`+442071234567`), or in national
 * form for a UK number (`02071234567`) and with the international prefix otherwise
 * (`0049301234567`): calls that `unreturned` must recognise as the same number.
 */
function dialled(context: ScenarioContext, caller: Party): Party {
  const number = caller.callerId;
  if (!number.startsWith('+') || context.random.chance(0.5)) return caller;
  const national = number.startsWith('+44') ? `0${number.slice(3)}` : `00${number.slice(1)}`;
  return { ...caller, callerId: national };
}
