import { buildCall } from './call-builder';
import { type MissedInbound, planAnonymousMisses, planCallBacks } from './callback-scenarios';
import type { DemoCall, DemoRow, LegSpec } from './demo-call';
import type { DemoCompany } from './demo-company';
import type { ExternalContact } from './external-contacts';
import {
  generateClosedCall,
  generateDirectCall,
  generateIvrHangup,
  generateQueueCall,
} from './inbound-scenarios';
import { describeLocalDay, type LocalDay, localSecondToMs } from './local-days';
import { generateInternalCall, generateOutboundCall } from './outbound-scenarios';
import type { ScenarioContext } from './scenario-context';
import { createSeededRandom, mixSeed, type SeededRandom } from './seeded-random';

/** Everything that shapes the generated traffic. */
export interface TrafficProfile {
  seed: number;
  callsPerDay: number;
  timeZone: string;
  company: DemoCompany;
  contacts: ExternalContact[];
}

/** The calls that start on one local day, and their rows sorted by StartTime then SegmentId. */
export interface DemoDay {
  day: LocalDay;
  calls: DemoCall[];
  rows: DemoRow[];
}

type ScenarioKind =
  | 'queueAnswered'
  | 'queueAbandoned'
  | 'ivrHangup'
  | 'directAnswered'
  | 'directMissed'
  | 'outboundAnswered'
  | 'outboundUnanswered'
  | 'internalAnswered'
  | 'internalUnanswered'
  | 'closed'
  | 'lateOutbound';

type Weighted<T> = ReadonlyArray<readonly [T, number]>;

const BUSINESS_SCENARIOS: Weighted<ScenarioKind> = [
  ['queueAnswered', 36],
  ['queueAbandoned', 8],
  ['ivrHangup', 2],
  ['directAnswered', 10],
  ['directMissed', 5],
  ['outboundAnswered', 20],
  ['outboundUnanswered', 6],
  ['internalAnswered', 9],
  ['internalUnanswered', 4],
];
const OUT_OF_HOURS_SCENARIOS: Weighted<ScenarioKind> = [
  ['closed', 6],
  ['outboundAnswered', 3],
  ['outboundUnanswered', 1],
];
/** Local hours 08-17: a late-morning and a mid-afternoon peak. */
const WEEKDAY_HOURS: Weighted<number> = [8, 9, 10, 11, 12, 13, 14, 15, 16, 17].map(
  (hour, index) => [hour, [5, 8, 11, 12, 8, 6, 9, 11, 9, 5][index] ?? 1] as const,
);
const WEEKEND_HOURS: Weighted<number> = [9, 10, 11, 12, 13, 14, 15, 16].map((hour) => [hour, 1] as const);
const OUT_OF_HOURS: Weighted<number> = [
  [6, 1],
  [7, 3],
  [18, 4],
  [19, 2],
  [20, 1],
  [21, 1],
  [22, 1],
];
/** Share of calls outside business hours, weekdays and weekends. */
const OUT_OF_HOURS_SHARE = { weekday: 0.04, weekend: 0.1 };
/** Weekend traffic relative to a weekday. */
const WEEKEND_FACTOR = 0.1;
/** Chance that a day has one long call starting just before midnight and running past it. */
const LATE_CALL_CHANCE = 0.25;
/** Salt of the per-day random stream of call-backs and withheld numbers. */
const FOLLOW_UP_STREAM = 0xca11bac;
/** Per-day spaces for CallId and SegmentId, so that ids grow from day to day. */
const CALL_IDS_PER_DAY = 100_000;
const SEGMENT_IDS_PER_DAY = 1_000_000;

const TOTAL_WEIGHTS = new WeakMap<object, number>();

function pickWeighted<T>(random: SeededRandom, items: Weighted<T>): T {
  let total = TOTAL_WEIGHTS.get(items);
  if (total === undefined) {
    total = items.reduce((sum, [, weight]) => sum + weight, 0);
    TOTAL_WEIGHTS.set(items, total);
  }
  let roll = random.next() * total;
  for (const [item, weight] of items) {
    roll -= weight;
    if (roll < 0) return item;
  }
  return items[items.length - 1]![0];
}

function generateLegs(context: ScenarioContext, kind: ScenarioKind, startMs: number): LegSpec[] {
  switch (kind) {
    case 'queueAnswered':
      return generateQueueCall(context, startMs, true);
    case 'queueAbandoned':
      return generateQueueCall(context, startMs, false);
    case 'ivrHangup':
      return generateIvrHangup(context, startMs);
    case 'directAnswered':
      return generateDirectCall(context, startMs, true);
    case 'directMissed':
      return generateDirectCall(context, startMs, false);
    case 'outboundAnswered':
      return generateOutboundCall(context, startMs, true);
    case 'outboundUnanswered':
      return generateOutboundCall(context, startMs, false);
    case 'internalAnswered':
      return generateInternalCall(context, startMs, true);
    case 'internalUnanswered':
      return generateInternalCall(context, startMs, false);
    case 'closed':
      return generateClosedCall(context, startMs);
    case 'lateOutbound':
      return generateOutboundCall(context, startMs, true, context.random.int(15 * 60_000, 40 * 60_000));
  }
}

/** Plans the day's calls: when each starts (local seconds) and what happens. */
function planDay(random: SeededRandom, day: LocalDay, callsPerDay: number): Array<[number, ScenarioKind]> {
  const weekend = day.weekday >= 6;
  const base = weekend ? callsPerDay * WEEKEND_FACTOR : callsPerDay;
  const count = Math.round(base * (0.85 + 0.3 * random.next()));
  const outShare = weekend ? OUT_OF_HOURS_SHARE.weekend : OUT_OF_HOURS_SHARE.weekday;
  const plan: Array<[number, ScenarioKind]> = [];
  for (let index = 0; index < count; index += 1) {
    const outOfHours = random.chance(outShare);
    const hour = pickWeighted(random, outOfHours ? OUT_OF_HOURS : weekend ? WEEKEND_HOURS : WEEKDAY_HOURS);
    const kind = pickWeighted(random, outOfHours ? OUT_OF_HOURS_SCENARIOS : BUSINESS_SCENARIOS);
    plan.push([hour * 3600 + random.int(0, 3_599_999) / 1000, kind]);
  }
  if (count > 0 && random.chance(LATE_CALL_CHANCE)) {
    plan.push([23 * 3600 + 50 * 60 + random.int(0, 599_999) / 1000, 'lateOutbound']);
  }
  return plan.sort((a, b) => a[0] - b[0]);
}

function compareRows(a: DemoRow, b: DemoRow): number {
  return a.startMs - b.startMs || a.segmentId - b.segmentId;
}

/** Generates one local day, deterministically from (seed, day number). */
export function generateDay(profile: TrafficProfile, dayNumber: number): DemoDay {
  const day = describeLocalDay(dayNumber, profile.timeZone);
  const random = createSeededRandom(mixSeed(profile.seed, dayNumber));
  const context: ScenarioContext = { random, company: profile.company, contacts: profile.contacts };
  const calls: DemoCall[] = [];
  const rows: DemoRow[] = [];
  let nextSegmentId = dayNumber * SEGMENT_IDS_PER_DAY + 1;
  const add = (legs: LegSpec[], callRandom: SeededRandom) => {
    const call = buildCall(callRandom, dayNumber * CALL_IDS_PER_DAY + calls.length + 1, nextSegmentId, legs);
    nextSegmentId += legs.length;
    calls.push(call);
    rows.push(...call.rows);
    return call;
  };
  const misses: MissedInbound[] = [];
  for (const [secondOfDay, kind] of planDay(random, day, profile.callsPerDay)) {
    const legs = generateLegs(context, kind, localSecondToMs(day, secondOfDay));
    const miss = toMissedInbound(legs, add(legs, random));
    if (miss) misses.push(miss);
  }
  // Call-backs and withheld numbers draw from a stream of their own: the planned calls stay as they were.
  const followRandom = createSeededRandom(mixSeed(profile.seed, dayNumber, FOLLOW_UP_STREAM));
  const followContext: ScenarioContext = { ...context, random: followRandom };
  const followUps = [
    ...misses.flatMap((miss) => planCallBacks(followContext, miss)),
    ...planAnonymousMisses(followContext, day, profile.callsPerDay),
  ].sort((a, b) => (a[0]?.startMs ?? 0) - (b[0]?.startMs ?? 0));
  for (const legs of followUps) add(legs, followRandom);
  rows.sort(compareRows);
  return { day, calls, rows };
}

/** An outside caller's inbound call that no person answered, with whom it rang last. */
function toMissedInbound(legs: readonly LegSpec[], call: DemoCall): MissedInbound | undefined {
  const first = legs[0];
  if (!first || call.answered || first.source.kind !== 'external' || first.direction === 'Outbound')
    return undefined;
  const rang = legs.filter((leg) => leg.destination.kind === 'extension').at(-1);
  return { endMs: call.endMs, caller: first.source, ...(rang && { offeredTo: rang.destination.dn }) };
}
