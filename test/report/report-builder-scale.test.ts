import type { CallLeg } from '../../src/core/call-leg';
import { emptyFilters } from '../../src/core/report-request';
import { ReportBuilder } from '../../src/report/report-builder';
import { reportSchema } from '../../src/report/report-schema';
import { buildLeg } from '../helpers/build-leg';
import { berlinWeek, directory } from './report-fixtures';

const CALLS = 50_000;
/** Four legs per call, five for answered ones (a transfer): 240,000 legs. */
const LEGS = 4 * CALLS + (CALLS * 4) / 5;

/** Call n: IVR → queue 800 → 102 rings → 101 answers and transfers to 103 (unless n % 5 === 0: missed). */
function* generateLegs(): Generator<CallLeg> {
  const spanMs = berlinWeek.to.getTime() - berlinWeek.from.getTime();
  for (let n = 0; n < CALLS; n++) {
    const callKey = `${n.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;
    const startMs = berlinWeek.from.getTime() + Math.floor((n * spanMs) / CALLS);
    const answered = n % 5 !== 0;
    yield buildLeg({
      callKey,
      segmentId: 1,
      startMs,
      destinationDn: '8000',
      legType: 'Digital Receptionist',
      ringingSeconds: 0,
      talkingSeconds: 5,
    });
    yield buildLeg({
      callKey,
      segmentId: 2,
      startMs: startMs + 5000,
      destinationDn: '800',
      legType: 'Queue',
      direction: 'Inbound Queue',
      answered: false,
      status: 'Waiting',
      ringingSeconds: 30,
      talkingSeconds: 0,
    });
    yield buildLeg({
      callKey,
      segmentId: 3,
      startMs: startMs + 5000,
      destinationDn: '102',
      answered: false,
      status: 'Unanswered',
      ringingSeconds: 10,
      talkingSeconds: 0,
    });
    yield buildLeg({
      callKey,
      segmentId: 4,
      startMs: startMs + 15000,
      answered,
      status: answered ? 'Answered' : 'Unanswered',
      ringingSeconds: 4.5,
      talkingSeconds: answered ? 60.5 : 0,
    });
    if (answered) {
      yield buildLeg({
        callKey,
        segmentId: 5,
        startMs: startMs + 120000,
        direction: 'Internal',
        sourceDn: '101',
        destinationDn: '103',
        ringingSeconds: 1,
        talkingSeconds: 9.5,
      });
    }
  }
}

const DAY_MS = 86_400_000;

describe.each([
  // Legs in any order: every call is held to the end.
  { legDisorderMs: undefined, maxCallsHeld: CALLS },
  // Legs in day windows, as the client yields them: only calls of the last 30 hours or so are held
  // (a day of disorder + the 6-hour pause, 298 calls an hour), plus up to 4,096 legs' worth.
  { legDisorderMs: DAY_MS, maxCallsHeld: 10_000 },
])('ReportBuilder at scale, legDisorderMs $legDisorderMs', ({ legDisorderMs, maxCallsHeld }) => {
  it(`streams ${LEGS} legs, the totals add up, and it holds at most ${maxCallsHeld} calls`, () => {
    let legCount = 0;
    let mostCallsHeld = 0;
    const builder = new ReportBuilder({
      window: berlinWeek,
      filters: emptyFilters(),
      directory,
      serviceLevelSeconds: 20,
      includeCalls: false,
      ...(legDisorderMs !== undefined && { legDisorderMs }),
    });
    for (const leg of generateLegs()) {
      builder.add(leg);
      legCount++;
      mostCallsHeld = Math.max(mostCallsHeld, builder.callsHeld);
    }
    expect(legCount).toBe(LEGS);
    expect(mostCallsHeld).toBeLessThanOrEqual(maxCallsHeld);
    expect(mostCallsHeld).toBeGreaterThan(maxCallsHeld * 0.8);
    const report = reportSchema.parse(builder.finish());
    const answered = CALLS - CALLS / 5;
    expect(report.totals).toEqual({
      calls: CALLS,
      inbound: CALLS,
      outbound: 0,
      internal: 0,
      answered,
      missed: CALLS / 5,
      talkSeconds: answered * 70,
      avgTalkSeconds: 70,
      avgWaitSeconds: 15, // 14.5 s from the queue leg: rounded up
      longestTalkSeconds: 70,
      serviceLevelPercent: 80,
    });
    expect(report.byHour.reduce((sum, count) => sum + count, 0)).toBe(CALLS);
    expect(report.byExtension).toEqual([
      {
        extension: '101',
        name: 'Ben Okafor',
        calls: CALLS,
        answered,
        missed: CALLS / 5,
        outbound: 0,
        talkSeconds: answered * 70,
      },
      {
        extension: '102',
        name: 'Chloé Durand',
        calls: CALLS,
        answered: 0,
        missed: CALLS / 5,
        outbound: 0,
        talkSeconds: 0,
      },
      {
        extension: '103',
        name: 'Dana',
        calls: answered,
        answered,
        missed: 0,
        outbound: 0,
        talkSeconds: answered * 9.5,
      },
    ]);
    // A missed call ends in the queue (its leg ends 30 s after arrival, 101's ringing 14.5 s).
    expect(report.byQueue).toEqual([
      {
        queue: '800',
        name: 'Sales',
        calls: CALLS,
        answered,
        missed: CALLS / 5,
        avgWaitSeconds: 15,
        abandoned: CALLS / 5,
        abandonRatePercent: 20,
        longestWaitSeconds: 30,
        serviceLevelPercent: 80,
      },
    ]);
    expect(report.missedCalls).toHaveLength(CALLS / 5);
    expect(report.missedCalls[0]!.waitSeconds).toBe(30);
  });
});
