import type { CallLeg } from '../../src/core/call-leg';
import { decodeDayLegs, decodeDayLegsOfCalls } from '../../src/history/decode-day-legs';
import { encodeDayLegs } from '../../src/history/encode-day-legs';
import { InvolvedCallsFilter } from '../../src/history/involved-calls-filter';

/**
 * Which calls of stored days a report filtered by `ext`/`queue` gets (issue 20's year for one
 * agent): calls with a leg from or to the DN, and every call that runs across a piece's end, whole,
 * wherever the DN turns up. Days go through the real codec, as the history stores them.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const D1 = Date.parse('2026-11-02T00:00:00Z');
const D2 = D1 + DAY;
const D3 = D2 + DAY;

let nextSegment = 1;
function leg(callKey: string, startMs: number, from: string, to: string, talkingSeconds = 60): CallLeg {
  return {
    callKey,
    segmentId: nextSegment++,
    startMs,
    sourceDn: from,
    sourceCallerId: from,
    sourceDisplayName: undefined,
    destinationDn: to,
    destinationCallerId: to,
    destinationDisplayName: undefined,
    direction: 'Inbound',
    legType: 'Extension',
    status: 'Answered',
    answered: true,
    ringingSeconds: 5,
    talkingSeconds,
  };
}

/** The day as stored (sorted by start), read back with the filter choosing the calls of `[fromMs, toMs)`. */
function readDay(filter: InvolvedCallsFilter, legs: CallLeg[], fromMs: number, toMs: number): string[] {
  const blob = encodeDayLegs([...legs].sort((a, b) => a.startMs - b.startMs));
  const kept = decodeDayLegsOfCalls(blob, (day) => filter.chooseCalls(day, fromMs, toMs));
  return [...new Set(kept.map((one) => one.callKey))];
}

describe('the calls of stored days a filtered report needs', () => {
  it('takes calls with a leg from or to the DN, and leaves out the rest of a day', () => {
    const filter = InvolvedCallsFilter.of(['101'])!;
    const day = [
      leg('to-101', D1 + 9 * HOUR, '800', '101'),
      leg('from-101', D1 + 10 * HOUR, '101', '+44201'),
      leg('others', D1 + 11 * HOUR, '800', '102'),
      leg('others', D1 + 11 * HOUR + 60_000, '102', '103'),
      // 101 only in the call's second leg: the whole call.
      leg('transferred', D1 + 12 * HOUR, '800', '102'),
      leg('transferred', D1 + 12 * HOUR + 90_000, '102', '101'),
    ];
    expect(readDay(filter, day, D1, D2).sort()).toEqual(['from-101', 'to-101', 'transferred']);
    // The legs of a chosen call come back exactly as decodeDayLegs gives them.
    const blob = encodeDayLegs(day);
    const all = decodeDayLegs(blob);
    const chosen = decodeDayLegsOfCalls(blob, (scan) => filter.chooseCalls(scan, D1, D2));
    expect(chosen).toEqual(all.filter((one) => one.callKey !== 'others'));
  });

  it('keeps a call that runs past midnight on both days, whichever day the DN is on', () => {
    const filter = InvolvedCallsFilter.of(['101'])!;
    const firstDay = [
      leg('noon', D1 + 12 * HOUR, '800', '102'),
      // The DN only after midnight: the leg before it must come too.
      leg('late-dn-after', D1 + 23 * HOUR + 50 * 60_000, '800', '102', 700),
      // The DN before midnight, the call going on after it.
      leg('late-dn-before', D1 + 23 * HOUR + 55 * 60_000, '800', '101', 400),
    ];
    const secondDay = [
      leg('late-dn-after', D2 + 2 * 60_000, '102', '101'),
      leg('late-dn-before', D2 + 3 * 60_000, '101', '103'),
      leg('morning', D2 + 9 * HOUR, '800', '103'),
    ];
    expect(readDay(filter, firstDay, D1, D2).sort()).toEqual(['late-dn-after', 'late-dn-before']);
    expect(readDay(filter, secondDay, D2, D3).sort()).toEqual(['late-dn-after', 'late-dn-before']);
  });

  it('follows a call through a day it has no leg in (one long leg), and through a run from the PBX', () => {
    const filter = InvolvedCallsFilter.of(['101'])!;
    // A 30-hour leg from 22:00 on the first day, its next leg (to 101) on the third.
    expect(readDay(filter, [leg('long', D1 + 22 * HOUR, '800', '102', 30 * 3600)], D1, D2)).toEqual(['long']);
    expect(readDay(filter, [leg('other', D2 + 12 * HOUR, '800', '102')], D2, D3)).toEqual([]);
    expect(readDay(filter, [leg('long', D3 + 4 * HOUR + 60_000, '102', '101')], D3, D3 + DAY)).toEqual([
      'long',
    ]);

    // A piece read from the PBX (passed on whole) ends the day; a call of it goes on into a stored day.
    const pbx = InvolvedCallsFilter.of(['101'])!;
    pbx.passed([leg('from-pbx', D2 - 10 * 60_000, '800', '102', 1200)], D2);
    pbx.endPiece(D2);
    expect(
      readDay(pbx, [leg('from-pbx', D2 + 15 * 60_000, '102', '103'), leg('x', D2 + HOUR, '1', '2')], D2, D3),
    ).toEqual(['from-pbx']);
  });

  it('forgets calls that ended long before a piece ends, and reads only the piece asked for', () => {
    const filter = InvolvedCallsFilter.of(['101'])!;
    // Ended at 12:01 (no 101): cannot go on past midnight, so not taken.
    expect(readDay(filter, [leg('midday', D1 + 12 * HOUR, '800', '102')], D1, D2)).toEqual([]);
    // 101 outside the piece asked for (its legs there are not the report's): not taken for it.
    const day = [leg('before', D1 + 8 * HOUR, '800', '101'), leg('inside', D1 + 14 * HOUR, '800', '101')];
    expect(readDay(filter, day, D1 + 12 * HOUR, D1 + 16 * HOUR)).toEqual(['inside']);
  });

  it('has nothing to filter without DNs', () => {
    expect(InvolvedCallsFilter.of(undefined)).toBeUndefined();
    expect(InvolvedCallsFilter.of([])).toBeUndefined();
    expect(InvolvedCallsFilter.of([''])).toBeUndefined();
  });
});
