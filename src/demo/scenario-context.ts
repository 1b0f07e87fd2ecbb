import type { LegSpec, Party } from './demo-call';
import { type DemoCompany, type DemoUser, displayNameOf } from './demo-company';
import type { ExternalContact } from './external-contacts';
import type { SeededRandom } from './seeded-random';

/** What every call scenario draws from: the day's generator, the company and its callers. */
export interface ScenarioContext {
  random: SeededRandom;
  company: DemoCompany;
  contacts: ExternalContact[];
}

export function extensionParty(user: DemoUser): Party {
  return { kind: 'extension', dn: user.number, callerId: user.number, displayName: displayNameOf(user) };
}

/** An outside party as 3CX shows it: the trunk's DN with the outside number and name. */
export function externalParty(context: ScenarioContext, contact: ExternalContact): Party {
  return {
    kind: 'external',
    dn: context.company.system.trunk.number,
    callerId: contact.number,
    displayName: contact.name,
  };
}

export function systemParty(
  kind: 'ivr' | 'voicemail' | 'park',
  entry: { number: string; name: string },
): Party {
  return { kind, dn: entry.number, callerId: entry.number, displayName: entry.name };
}

export function queueParty(queue: { number: string; name: string }): Party {
  return { kind: 'queue', dn: queue.number, callerId: queue.number, displayName: queue.name };
}

/** A random user, other than `except` when given. */
export function pickUser(context: ScenarioContext, except?: string): DemoUser {
  for (;;) {
    const user = context.random.pick(context.company.users);
    if (user.number !== except) return user;
  }
}

/** A user by extension number (the company always has it). */
export function userOf(context: ScenarioContext, number: string): DemoUser {
  const user = context.company.userByNumber.get(number);
  if (!user) throw new Error(`no demo user ${number}`);
  return user;
}

/** A talk time in ms: log-normal around `medianSeconds`, clamped to [minSeconds, maxSeconds]. */
export function drawTalkMs(
  random: SeededRandom,
  medianSeconds: number,
  minSeconds: number,
  maxSeconds: number,
): number {
  const u1 = Math.max(random.next(), 1e-9);
  const u2 = random.next();
  const normal = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  const seconds = Math.min(maxSeconds, Math.max(minSeconds, medianSeconds * Math.exp(0.8 * normal)));
  return Math.round(seconds * 1000);
}

/** A ringing time in ms between the two bounds (in seconds), to the millisecond. */
export function drawRingMs(random: SeededRandom, minSeconds: number, maxSeconds: number): number {
  return random.int(minSeconds * 1000, maxSeconds * 1000);
}

/** `Ended by X`: who hung up, by name or number. */
export function endedBy(party: Party): string {
  return `Ended by ${party.displayName.length > 0 ? party.displayName : party.callerId}`;
}

/** A shuffled copy (Fisher-Yates). */
export function shuffle<T>(random: SeededRandom, items: readonly T[]): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = random.int(0, index);
    const kept = copy[index]!;
    copy[index] = copy[other]!;
    copy[other] = kept;
  }
  return copy;
}

/** What `ringingLeg` takes: the leg's own fields and its reason either way. */
export interface RingingLegParts
  extends Pick<
    LegSpec,
    'startMs' | 'source' | 'destination' | 'ringMs' | 'talkMs' | 'direction' | 'callType'
  > {
  /** The reason when answered (it has talk time), e.g. `endedBy(caller)`. */
  endedReason: string;
  /** The reason when not. */
  missedReason: string;
}

/** A leg that rings its destination and is answered when it has talk time. */
export function ringingLeg(parts: RingingLegParts): LegSpec {
  const answered = parts.talkMs > 0;
  return {
    startMs: parts.startMs,
    source: parts.source,
    destination: parts.destination,
    actionType: answered ? 'ended' : 'notAnswered',
    ringMs: parts.ringMs,
    talkMs: parts.talkMs,
    answered,
    status: answered ? 'Answered' : 'Unanswered',
    direction: parts.direction,
    callType: parts.callType,
    reason: answered ? parts.endedReason : parts.missedReason,
  };
}
