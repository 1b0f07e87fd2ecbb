import fc from 'fast-check';
import { callLogOptionWords } from '../../src/core/call-log-option-words';
import { type CallLogParameters, DEFAULT_CALL_LOG_PARAMETERS } from '../../src/core/report-request';
import { contextAt, parseOk } from '../commands/parse-helpers';

const context = contextAt('2026-11-18T14:30', 'Europe/Berlin');

describe('callLogOptionWords (the Filters line and button commands)', () => {
  it('is empty for 3CX defaults', () => {
    expect(callLogOptionWords(DEFAULT_CALL_LOG_PARAMETERS)).toEqual([]);
  });

  it('names every option that differs from the default, in the order of the 11 arguments', () => {
    const callLog: CallLogParameters = {
      sourceType: 1,
      sourceFilter: 'Jane Caller',
      destinationType: 2,
      destinationFilter: '101',
      callsType: 2,
      callTimeFilterType: 1,
      callTimeFilterFrom: '9:00:00',
      callTimeFilterTo: '17:00:00',
      hidePcalls: false,
    };
    expect(callLogOptionWords(callLog)).toEqual([
      'source-type=1',
      'source="Jane Caller"',
      'dest-type=2',
      'dest=101',
      'calls-type=2',
      'time-filter=1',
      'time-from=9:00:00',
      'time-to=17:00:00',
      'pcalls=show',
    ]);
  });

  it('shows both times with a time filter, defaults included (they are what it filters by)', () => {
    const words = callLogOptionWords({ ...DEFAULT_CALL_LOG_PARAMETERS, callTimeFilterType: 1 });
    expect(words).toEqual(['time-filter=1', 'time-from=0:00:0', 'time-to=0:00:0']);
  });

  it('gives back the same parameters when parsed again', () => {
    const time = fc
      .tuple(
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 59 }),
      )
      .map(([h, m, s]) => `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`);
    const text = fc.oneof(
      fc.constant(''),
      fc.constantFrom('101', 'Jane Caller', "O'Brien", 'a=b', 'say "hi"'),
    );
    const code = fc.integer({ min: 0, max: 20 });
    const callLog = fc
      .record({
        sourceType: code,
        sourceFilter: text,
        destinationType: code,
        destinationFilter: text,
        callsType: code,
        callTimeFilterType: code,
        callTimeFilterFrom: fc.oneof(fc.constant('0:00:0'), time),
        callTimeFilterTo: fc.oneof(fc.constant('0:00:0'), time),
        hidePcalls: fc.boolean(),
      })
      // time-from/time-to need a time filter (the parser refuses them without one).
      .filter(
        (p) =>
          p.callTimeFilterType !== 0 ||
          (p.callTimeFilterFrom === '0:00:0' && p.callTimeFilterTo === '0:00:0'),
      );
    fc.assert(
      fc.property(callLog, (parameters) => {
        const words = callLogOptionWords(parameters);
        expect(parseOk(['yesterday', ...words].join(' '), context).callLog).toEqual(parameters);
      }),
      { numRuns: 300 },
    );
  });
});
