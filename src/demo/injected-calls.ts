import { buildCall } from './call-builder';
import type { RowSource } from './call-log-store';
import type { DemoCall, DemoRow, LegSpec, Party } from './demo-call';
import { type DemoCompany, displayNameOf } from './demo-company';
import { mergeSorted } from './generated-row-source';
import { localDayNumberOf } from './local-days';
import { LruCache } from './lru-cache';
import { endedBy, ringingLeg } from './scenario-context';
import { createSeededRandom, mixSeed } from './seeded-random';

/**
 * A call a test or a benchmark puts into the demo PBX's log (`DemoPbx.injectCall`), on top of the
 * generated calls (or of `serveRows`' rows), shaped like the generator's:
 * - `missed`: an outside caller `from` reaches `to` and nobody answers: a queue number (800, 801)
 *   goes through the IVR (6 s) and waits in the queue `ringSeconds`; an extension rings that long.
 * - `answered`: an outside caller `from` is answered by extension `to` after `ringSeconds`.
 * - `outbound`: extension `from` calls the outside number `to`; answered when `talkSeconds` > 0.
 * Like every call, it is in the log once it is over by the demo clock (its last leg's end).
 */
export type InjectedCall =
  | { kind: 'missed'; at: Date; from: string; fromName?: string; to: string; ringSeconds?: number }
  | {
      kind: 'answered';
      at: Date;
      from: string;
      fromName?: string;
      to: string;
      ringSeconds?: number;
      talkSeconds?: number;
    }
  | { kind: 'outbound'; at: Date; from: string; to: string; ringSeconds?: number; talkSeconds?: number };

/** What became of an injected call: its key in the log (MainCallHistoryId) and when it appears there. */
export interface InjectedCallInfo {
  callKey: string;
  startedAt: Date;
  endsAt: Date;
}

const IVR_MENU_MS = 6000;
const DEFAULT_RING_SECONDS = 20;
const DEFAULT_TALK_SECONDS = 90;
/** Far above the generator's call ids and segment ids, so injected rows never share one. */
const FIRST_CALL_ID = 900_000_000;

/** The injected calls of one demo PBX, and the row source that serves them with another's rows. */
export class InjectedCalls {
  private readonly calls: DemoCall[] = [];

  constructor(
    private readonly company: DemoCompany,
    private readonly timeZone: string,
    private readonly seed: number,
  ) {}

  get size(): number {
    return this.calls.length;
  }

  add(call: InjectedCall): InjectedCallInfo {
    const index = this.calls.length;
    const random = createSeededRandom(mixSeed(this.seed, 0x1dec7, index));
    const built = buildCall(random, FIRST_CALL_ID + index, (FIRST_CALL_ID + index) * 8, this.legsOf(call));
    this.calls.push(built);
    return {
      callKey: String(built.rows[0]!.row.MainCallHistoryId),
      startedAt: new Date(built.startMs),
      endsAt: new Date(built.endMs),
    };
  }

  /**
   * `base`'s rows with the injected calls' rows merged in, day by day. A new source for every
   * injection: a store's caches key on the day, so its days must never change under it.
   */
  over(base: RowSource): RowSource {
    const rows = this.calls
      .flatMap((call) => call.rows)
      .sort((a, b) => a.startMs - b.startMs || a.segmentId - b.segmentId);
    const own = new Map<number, DemoRow[]>();
    for (const row of rows) {
      const day = localDayNumberOf(row.startMs, this.timeZone);
      const dayRows = own.get(day);
      if (dayRows === undefined) own.set(day, [row]);
      else dayRows.push(row);
    }
    const merged = new LruCache<number, DemoRow[]>(16);
    return {
      timeZone: base.timeZone,
      firstStartMs: Math.min(base.firstStartMs, rows[0]?.startMs ?? Number.POSITIVE_INFINITY),
      lastStartMs: Math.max(base.lastStartMs, rows.at(-1)?.startMs ?? Number.NEGATIVE_INFINITY),
      bucketRows: (day) =>
        merged.getOrCreate(day, () => {
          const extra = own.get(day);
          return extra === undefined ? base.bucketRows(day) : mergeSorted(base.bucketRows(day), extra);
        }),
      nowMs: () => base.nowMs(),
      stats: () => base.stats(),
    };
  }

  private legsOf(call: InjectedCall): LegSpec[] {
    const startMs = call.at.getTime();
    const ringMs = Math.round((call.ringSeconds ?? DEFAULT_RING_SECONDS) * 1000);
    if (call.kind === 'outbound') {
      const talkMs = Math.round((call.talkSeconds ?? DEFAULT_TALK_SECONDS) * 1000);
      return [
        ringingLeg({
          startMs,
          source: this.extension(call.from),
          destination: this.outside(call.to, ''),
          ringMs,
          talkMs,
          direction: 'Outbound',
          callType: 'External',
          endedReason: 'Ended by the caller',
          missedReason: 'No answer',
        }),
      ];
    }
    const caller = this.outside(call.from, call.fromName ?? '');
    if (call.kind === 'answered') {
      const talkMs = Math.round((call.talkSeconds ?? DEFAULT_TALK_SECONDS) * 1000);
      return [this.personLeg(startMs, caller, this.extension(call.to), ringMs, talkMs)];
    }
    const queue = this.company.queues.find((candidate) => candidate.number === call.to);
    if (queue === undefined) return [this.personLeg(startMs, caller, this.extension(call.to), ringMs, 0)];
    const queueParty: Party = {
      kind: 'queue',
      dn: queue.number,
      callerId: queue.number,
      displayName: queue.name,
    };
    const { ivr } = this.company.system;
    return [
      {
        startMs,
        source: caller,
        destination: { kind: 'ivr', dn: ivr.number, callerId: ivr.number, displayName: ivr.name },
        action: queueParty,
        actionType: 'routed',
        ringMs: 0,
        talkMs: IVR_MENU_MS,
        answered: true,
        status: 'Answered',
        direction: 'Inbound',
        callType: 'Digital Receptionist',
        reason: `Routed to ${queue.name}`,
      },
      {
        startMs: startMs + IVR_MENU_MS,
        source: caller,
        destination: queueParty,
        actionType: 'ended',
        ringMs,
        talkMs: 0,
        answered: false,
        status: 'Unanswered',
        direction: 'Inbound Queue',
        callType: 'Queue',
        reason: `Ended by ${caller.displayName || caller.callerId}`,
      },
    ];
  }

  private personLeg(startMs: number, caller: Party, callee: Party, ringMs: number, talkMs: number): LegSpec {
    return ringingLeg({
      startMs,
      source: caller,
      destination: callee,
      ringMs,
      talkMs,
      direction: 'Inbound',
      callType: 'Extension',
      endedReason: endedBy(caller),
      missedReason: 'Not answered',
    });
  }

  private extension(number: string): Party {
    const user = this.company.userByNumber.get(number);
    if (user === undefined) throw new Error(`the demo company has no extension ${number}`);
    return { kind: 'extension', dn: number, callerId: number, displayName: displayNameOf(user) };
  }

  private outside(number: string, name: string): Party {
    return { kind: 'external', dn: this.company.system.trunk.number, callerId: number, displayName: name };
  }
}
