import type { Report } from '../../src/core/report';
import { type ReportJson, reportSchema } from '../../src/report/report-schema';
import { buildSpecExampleReport, buildSpecListedCall } from '../helpers/spec-example-report';

const specExample = buildSpecExampleReport();
const listedCall = buildSpecListedCall();

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
    const parsed: Report = reportSchema.parse(specExample);
    const back: ReportJson = parsed;
    expect(back.totals.calls).toBe(3);
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
