import fc from 'fast-check';
import { RANKING_MEASURES, type RankingOf } from '../../src/core/answers';
import type { CallLeg } from '../../src/core/call-leg';
import { emptyFilters } from '../../src/core/report-request';
import { buildReport, ReportBuilder } from '../../src/report/report-builder';
import { reportSchema } from '../../src/report/report-schema';
import { type ReferenceAnswers, referenceReport } from './reference-report';
import { directory, shuffled } from './report-fixtures';

/** One Berlin day; calls start from an hour before to an hour after it. */
const window = {
  from: new Date('2026-11-16T23:00:00Z'),
  to: new Date('2026-11-17T23:00:00Z'),
  timeZone: 'Europe/Berlin',
};
const DNS = ['10000', '8000', '99', '101', '102', '103', '800', '801', '555', undefined];

const legArbitrary = fc.record({
  offsetMs: fc.integer({ min: 0, max: 900_000 }),
  sourceDn: fc.constantFrom(...DNS),
  destinationDn: fc.constantFrom(...DNS),
  sourceCallerId: fc.constantFrom('+44 20 7123 4567', '101', '0201', '201', '', undefined),
  destinationCallerId: fc.constantFrom('+15551234567', '102', undefined),
  direction: fc.constantFrom('Inbound', 'Inbound Queue', 'Outbound', 'Internal', undefined),
  legType: fc.constantFrom('Extension', 'External', 'Queue', 'System', 'Digital Receptionist', undefined),
  status: fc.constantFrom('Answered', 'Unanswered', 'Waiting', 'Redirected', undefined),
  answered: fc.constantFrom(true, false, undefined),
  ringingSeconds: fc.integer({ min: 0, max: 60_000 }).map((ms) => ms / 1000),
  talkingSeconds: fc.integer({ min: 0, max: 600_000_000 }).map((micros) => micros / 1e6),
});

const callArbitrary = fc.record({
  startMs: fc.oneof(
    fc.integer({ min: window.from.getTime() - 3_600_000, max: window.to.getTime() + 3_600_000 }),
    fc.integer({ min: window.from.getTime() - 60_000, max: window.from.getTime() + 60_000 }),
    fc.integer({ min: window.to.getTime() - 60_000, max: window.to.getTime() + 60_000 }),
  ),
  legs: fc.array(legArbitrary, { minLength: 1, maxLength: 6 }),
});

/** Focus on named extensions (some unknown, one a queue), a ranking of any kind, a trend of random buckets. */
const RANKINGS = Object.entries(RANKING_MEASURES).flatMap(([of, measures]) =>
  measures.map((by) => ({ of: of as RankingOf, by })),
);
const answersArbitrary: fc.Arbitrary<ReferenceAnswers> = fc.record(
  {
    focusExtensions: fc.uniqueArray(fc.constantFrom('101', '102', '103', '99', '555', '800', '42')),
    ranking: fc
      .record({ of: fc.constantFrom(...RANKINGS), size: fc.integer({ min: 1, max: 6 }) })
      .map(({ of, size }) => ({ ...of, size })),
    trend: fc
      .uniqueArray(fc.integer({ min: window.from.getTime() + 1, max: window.to.getTime() - 1 }), {
        maxLength: 5,
      })
      .map((inner) => ({
        by: 'day' as const,
        edgesMs: [window.from.getTime(), ...inner.sort((a, b) => a - b), window.to.getTime()],
      })),
  },
  { requiredKeys: [] },
);

type GeneratedLeg = ReturnType<typeof legArbitrary.generate>['value'];

function toLegs(calls: { startMs: number; legs: GeneratedLeg[] }[]): CallLeg[] {
  return calls.flatMap((call, callIndex) =>
    call.legs.map(({ offsetMs, ...leg }, segmentId) => ({
      ...leg,
      callKey: `call-${callIndex}`,
      segmentId,
      startMs: call.startMs + (segmentId === 0 ? 0 : offsetMs),
      sourceDisplayName: leg.sourceDn ? `Name ${leg.sourceDn}` : undefined,
      destinationDisplayName: leg.destinationDn ? `Name ${leg.destinationDn}` : undefined,
    })),
  );
}

describe('ReportBuilder against a plain reading of the spec', () => {
  it('agrees on random calls, in any leg order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(callArbitrary, { maxLength: 25 }),
        fc.integer(),
        answersArbitrary,
        async (calls, seed, answers) => {
          const legs = toLegs(calls);
          const options = {
            window,
            filters: emptyFilters(),
            directory,
            serviceLevelSeconds: 20,
            includeCalls: true,
            ...answers,
          };
          const report = reportSchema.parse(await buildReport(shuffled(legs, seed), options));
          expect(report).toEqual(referenceReport(legs, window, directory, 20, answers));
          const summary = await buildReport(shuffled(legs, seed + 1), { ...options, includeCalls: false });
          const { calls: _calls, ...expectedSummary } = report;
          expect(summary).toEqual(expectedSummary);
          // The period before a summary: the same totals, nothing else counted.
          const totalsOnly = await buildReport(shuffled(legs, seed + 2), {
            window,
            filters: emptyFilters(),
            directory,
            serviceLevelSeconds: 20,
            includeCalls: false,
            totalsOnly: true,
          });
          expect(totalsOnly.totals).toEqual(report.totals);
          expect([totalsOnly.byExtension, totalsOnly.byQueue, totalsOnly.missedCalls]).toEqual([[], [], []]);
          expect(totalsOnly.byHour).toEqual(new Array(24).fill(0));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('agrees when legs come window by window (any order within one) and calls are retired as they end', async () => {
    const windowMs = 3_600_000;
    await fc.assert(
      fc.asyncProperty(
        fc.array(callArbitrary, { maxLength: 40 }),
        fc.integer(),
        answersArbitrary,
        async (calls, seed, answers) => {
          const legs = toLegs(calls);
          const builder = new ReportBuilder({
            window,
            filters: emptyFilters(),
            directory,
            serviceLevelSeconds: 20,
            includeCalls: true,
            legDisorderMs: windowMs,
            retireEveryLegs: 1,
            ...answers,
          });
          for (const leg of inWindowOrder(legs, windowMs, seed)) builder.add(leg);
          expect(reportSchema.parse(builder.finish())).toEqual(
            referenceReport(legs, window, directory, 20, answers),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** The legs as a client yields them: window after window, each window's legs in a shuffled order. */
function inWindowOrder(legs: CallLeg[], windowMs: number, seed: number): CallLeg[] {
  const windows = new Map<number, CallLeg[]>();
  for (const leg of legs) {
    const index = Math.floor(leg.startMs / windowMs);
    windows.set(index, [...(windows.get(index) ?? []), leg]);
  }
  return [...windows.keys()]
    .sort((a, b) => a - b)
    .flatMap((index) => shuffled(windows.get(index) ?? [], seed + index));
}
