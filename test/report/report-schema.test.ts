import type { ExtensionFocus, Ranking, RankingOf } from '../../src/core/answers';
import type { Report } from '../../src/core/report';
import { type ReportJson, reportSchema } from '../../src/report/report-schema';
import { buildSpecExampleReport, buildSpecListedCall } from '../helpers/spec-example-report';

const specExample = buildSpecExampleReport();
const listedCall = buildSpecListedCall();

const focus: ExtensionFocus = {
  extension: '101',
  name: 'Ben Okafor',
  offered: 2,
  answered: 1,
  notPickedUp: 1,
  missed: 1,
  outbound: 1,
  talkSeconds: 412,
  avgTalkSeconds: 206,
  avgRingSeconds: 6,
};
const bucket = {
  from: '2026-11-16T00:00:00.000+01:00',
  to: '2026-11-17T00:00:00.000+01:00',
  calls: 1,
  answered: 1,
  missed: 0,
  serviceLevelPercent: 100,
  avgWaitSeconds: 9,
};
const { queue: _queue, name: _queueName, ...queueFigures } = specExample.byQueue[0]!;
const { start, ...callFields } = buildSpecListedCall();
const rankings = {
  callers: {
    of: 'callers',
    by: 'calls',
    rows: [
      {
        key: '+442071234567',
        name: 'Jane Caller',
        value: 2,
        calls: 2,
        answered: 1,
        missed: 1,
        talkSeconds: 112,
        lastCall: start,
      },
    ],
  },
  extensions: {
    of: 'extensions',
    by: 'missed',
    rows: [(({ extension, name, ...figures }) => ({ key: extension, name, value: 1, ...figures }))(focus)],
  },
  queues: { of: 'queues', by: 'abandoned', rows: [{ key: '800', name: 'Sales', value: 1, ...queueFigures }] },
  hours: { of: 'hours', by: 'calls', rows: [{ key: '9', name: '', value: 1 }] },
  days: { of: 'days', by: 'calls', rows: [{ key: '2026-11-20', name: '', value: 2 }] },
  calls: { of: 'calls', by: 'talk', rows: [{ key: start, name: 'Jane Caller', value: 300, ...callFields }] },
} satisfies Record<RankingOf, Ranking>;
const round2 = {
  focus: [focus],
  previous: { window: specExample.window, totals: specExample.totals },
  comparison: {
    by: 'extension',
    columns: [
      {
        label: 'Ben Okafor (ext 101)',
        window: specExample.window,
        filters: { extensions: ['101'], queues: [] },
        totals: specExample.totals,
        focus: [focus],
      },
    ],
  },
  ranking: rankings.callers,
  trend: { by: 'day', buckets: [bucket] },
} satisfies Partial<Report>;

describe('reportSchema', () => {
  it('accepts the spec’s example, and with a list view’s calls', () => {
    expect(reportSchema.safeParse(specExample).success).toBe(true);
    expect(reportSchema.safeParse({ ...specExample, calls: [listedCall] }).success).toBe(true);
    expect(
      reportSchema.safeParse({
        ...specExample,
        window: { ...specExample.window, from: '2026-11-16T00:00:00.000Z' },
      }).success,
    ).toBe(true);
  });

  it('types the same shape as core’s Report', () => {
    const parsed: Report = reportSchema.parse({ ...specExample, ...round2 });
    // Core's ranking rows are open (`[field]: …`); the schema knows each kind's fields exactly.
    const { ranking: _ranking, ...rest } = parsed;
    const back: Omit<ReportJson, 'ranking'> = rest;
    expect(back.totals.calls).toBe(3);
  });

  it('accepts every round-2 part, and each kind of ranking', () => {
    expect(reportSchema.safeParse({ ...specExample, ...round2 }).success).toBe(true);
    for (const ranking of Object.values(rankings)) {
      expect(reportSchema.safeParse({ ...specExample, ranking }).error).toBeUndefined();
    }
  });

  it.each([
    ['a focus entry without avgRingSeconds', { focus: [{ ...focus, avgRingSeconds: undefined }] }],
    [
      'a queue’s abandon rate over 100',
      { byQueue: [{ ...specExample.byQueue[0]!, abandonRatePercent: 101 }] },
    ],
    [
      'a queue without its service level',
      { byQueue: [{ ...specExample.byQueue[0]!, serviceLevelPercent: undefined }] },
    ],
    ['a ranking by a measure not of its kind', { ranking: { ...rankings.hours, by: 'talk' } }],
    ['an hour 24', { ranking: { ...rankings.hours, rows: [{ key: '24', name: '', value: 1 }] } }],
    ['an hour written 09', { ranking: { ...rankings.hours, rows: [{ key: '09', name: '', value: 1 }] } }],
    [
      'a day that is not a date',
      { ranking: { ...rankings.days, rows: [{ key: 'Fri', name: '', value: 1 }] } },
    ],
    [
      'a caller row with another kind’s field',
      { ranking: { ...rankings.callers, rows: [{ ...rankings.callers.rows[0]!, offered: 1 }] } },
    ],
    [
      'a call row without its direction',
      { ranking: { ...rankings.calls, rows: [{ ...rankings.calls.rows[0]!, direction: undefined }] } },
    ],
    ['an unknown trend unit', { trend: { ...round2.trend, by: 'hour' } }],
    [
      'a trend bucket without avgWaitSeconds',
      { trend: { by: 'day', buckets: [{ ...bucket, avgWaitSeconds: undefined }] } },
    ],
    ['previous without totals', { previous: { window: specExample.window } }],
    ['a comparison by person', { comparison: { ...round2.comparison, by: 'person' } }],
  ])('rejects %s', (_label, parts) => {
    expect(reportSchema.safeParse({ ...specExample, ...parts }).success).toBe(false);
  });

  it.each([
    ['an extra key', { ...specExample, extra: 1 }],
    ['an extra key in totals', { ...specExample, totals: { ...specExample.totals, median: 1 } }],
    ['a missing key', { ...specExample, byQueue: undefined }],
    ['a fractional second', { ...specExample, totals: { ...specExample.totals, talkSeconds: 412.5 } }],
    ['a negative count', { ...specExample, totals: { ...specExample.totals, missed: -1 } }],
    [
      'a percentage over 100',
      { ...specExample, totals: { ...specExample.totals, serviceLevelPercent: 101 } },
    ],
    ['23 hours', { ...specExample, byHour: specExample.byHour.slice(1) }],
    [
      'a time without offset',
      { ...specExample, window: { ...specExample.window, to: '2026-11-23T00:00:00.000' } },
    ],
    [
      'a time without milliseconds',
      { ...specExample, window: { ...specExample.window, to: '2026-11-23T00:00:00+01:00' } },
    ],
    [
      'an unknown direction filter',
      { ...specExample, filters: { ...specExample.filters, directions: ['sideways'] } },
    ],
    ['an unknown status', { ...specExample, filters: { ...specExample.filters, status: 'both' } }],
    ['an extra key in a listed call', { ...specExample, calls: [{ ...listedCall, cost: 0 }] }],
    ['a listed call without answered', { ...specExample, calls: [{ ...listedCall, answered: undefined }] }],
  ])('rejects %s', (_label, candidate) => {
    expect(reportSchema.safeParse(candidate).success).toBe(false);
  });
});
