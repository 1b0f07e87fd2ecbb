import fc from 'fast-check';
import type { CallLeg } from '../../src/core/call-leg';
import type { CallScope } from '../../src/core/report-request';
import { emptyFilters } from '../../src/core/report-request';
import { buildReportWithUnreturned } from '../../src/report/build-unreturned-report';
import { reportSchema } from '../../src/report/report-schema';
import { CALLBACK_DIRECTORY, type CallbackScenario, callLegs } from './callback-legs';
import { referenceUnreturned } from './reference-unreturned';

/** One Berlin day: Tue 17 Nov 2026. */
const FROM_MS = Date.parse('2026-11-16T23:00:00Z');
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MARGIN_MS = HOUR_MS;
const TIME_ZONE = 'Europe/Berlin';

/** Callers, each in the forms a PBX may write them (national, international, with 00, spaced). */
const CALLERS = [
  ['020 7946 0123', '+44 20 7946 0123', '0044 20 7946 0123', '+442079460123'],
  ['07700 900123', '+44 7700 900123', '+447700900123'],
  ['+49 30 1234567', '0049301234567', '030 1234567'],
  ['7946 0124'],
  // The same last 8 digits as the first caller, another 9th: another caller.
  ['+44 161 7946 0123', '0161 7946 0123'],
];
/** Callers who left no usable number. */
const WITHHELD = [
  'anonymous',
  'Anonymous',
  'private',
  'unknown',
  'anonymous@192.168.1.20',
  'Private 0123 456789',
  '',
  '12345',
  '123 456',
  undefined,
];
const EXTENSIONS = ['101', '102', '103', '104', '105'];

const numberArbitrary = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...CALLERS).chain((forms) => fc.constantFrom(...forms)) },
  { weight: 1, arbitrary: fc.constantFrom(...WITHHELD) },
);
const outsideNumber = fc.constantFrom(...CALLERS).chain((forms) => fc.constantFrom(...forms));
const extension = fc.constantFrom(...EXTENSIONS);

const scenarioArbitrary: fc.Arbitrary<CallbackScenario> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('missed' as const),
      via: fc.constantFrom('ivr' as const, 'queue' as const, 'extension' as const),
      number: numberArbitrary,
      extension,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('answered' as const), number: numberArbitrary, extension }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('outbound' as const),
      number: outsideNumber,
      extension,
      talkSeconds: fc.constantFrom(0, 0, 45, 300),
      dialledAsDn: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('internal' as const), extension, to: extension }) },
);

/** Calls from half an hour before the day until up to two days after it; now somewhere after the day's start. */
const caseArbitrary = fc.record({
  nowOffsetMs: fc.integer({ min: HOUR_MS, max: 3 * DAY_MS }),
  calls: fc.array(
    fc.record({
      // Whole minutes: over the days, at a few instants early in the day (calls at the same instant), or
      // around now (calls after it are not returns yet).
      start: fc.oneof(
        fc.record({ from: fc.constant('day' as const), minute: fc.integer({ min: -30, max: 3 * 24 * 60 }) }),
        fc.record({
          from: fc.constant('day' as const),
          minute: fc.constantFrom(0, 10, 20),
        }),
        fc.record({ from: fc.constant('now' as const), minute: fc.integer({ min: -40, max: 50 }) }),
      ),
      scenario: scenarioArbitrary,
      direction: fc.boolean(),
    }),
    { maxLength: 30 },
  ),
  scope: fc.option(
    fc.record({
      extensions: fc.uniqueArray(extension, { maxLength: 3 }),
      queues: fc.uniqueArray(fc.constant('800'), { maxLength: 1 }),
    }),
    { nil: undefined },
  ),
  seed: fc.integer(),
});

/** Legs as a source sends them: time windows in order, each window's legs in any order. */
function inWindowsShuffled(legs: readonly CallLeg[], windowMs: number, seed: number): CallLeg[][] {
  const windows = new Map<number, CallLeg[]>();
  for (const leg of legs) {
    const window = Math.floor(leg.startMs / windowMs);
    windows.set(window, [...(windows.get(window) ?? []), leg]);
  }
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return [...windows.keys()]
    .sort((a, b) => a - b)
    .map((window) => {
      const page = [...windows.get(window)!];
      for (let index = page.length - 1; index > 0; index -= 1) {
        const other = Math.floor(random() * (index + 1));
        [page[index], page[other]] = [page[other]!, page[index]!];
      }
      return page;
    });
}

async function* pagesOf(pages: CallLeg[][]): AsyncGenerator<readonly CallLeg[]> {
  yield* pages;
}

describe('unreturned: the engine against the plain reference', () => {
  it('classifies every miss as the reference does, in the same order, whatever the legs order', async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary, async ({ nowOffsetMs, calls, scope, seed }) => {
        const nowMs = FROM_MS + nowOffsetMs;
        const toMs = Math.min(FROM_MS + DAY_MS, nowMs);
        const legs = calls
          .flatMap((call, index) =>
            callLegs(
              `c${index}`,
              (call.start.from === 'day' ? FROM_MS : nowMs) + call.start.minute * 60_000,
              call.scenario,
              {
                direction: call.direction,
              },
            ),
          )
          // What the fetch reads: up to now and its margin (a PBX clock a little ahead shows calls after now).
          .filter((leg) => leg.startMs < Math.max(toMs, nowMs) + MARGIN_MS);
        const window = { from: new Date(FROM_MS), to: new Date(toMs), timeZone: TIME_ZONE };
        const report = await buildReportWithUnreturned(
          pagesOf(inWindowsShuffled(legs, HOUR_MS, seed)),
          {
            window,
            filters: emptyFilters(),
            directory: CALLBACK_DIRECTORY,
            serviceLevelSeconds: 20,
            includeCalls: false,
            legDisorderMs: HOUR_MS,
            // Calls are finished and forgotten every few legs, as in a long period.
            retireEveryLegs: 2,
            ...(scope && { scope: scope as CallScope }),
          },
          {
            nowMs,
            reportLegsBeforeMs: toMs + MARGIN_MS,
            fetchEndMs: Math.max(toMs, nowMs) + MARGIN_MS,
          },
        );
        reportSchema.parse(report);
        const expected = referenceUnreturned({
          legs,
          directory: CALLBACK_DIRECTORY,
          window: { fromMs: FROM_MS, toMs, timeZone: TIME_ZONE },
          nowMs,
          ...(scope && { scope }),
        });
        expect(report.unreturned).toEqual(expected);
        // Exactly the report's missed calls, no other definition.
        const parties = (call: {
          start: string;
          from: string;
          fromName: string;
          to: string;
          toName: string;
        }) => [call.start, call.from, call.fromName, call.to, call.toName].join('|');
        expect((report.unreturned ?? []).map(parties).sort()).toEqual(report.missedCalls.map(parties).sort());
      }),
      { numRuns: 400 },
    );
  });
});
