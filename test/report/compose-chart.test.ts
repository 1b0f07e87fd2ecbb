import type { Trend } from '../../src/core/answers';
import { composeChart } from '../../src/report/compose-chart';
import { buildSpecExampleReport } from '../helpers/spec-example-report';

function bucket(from: string, to: string, calls: number, answered: number, missed: number) {
  return { from, to, calls, answered, missed, serviceLevelPercent: 0, avgWaitSeconds: 0 };
}

describe('composeChart: the chart a reply carries as data', () => {
  it('draws a summary as its calls by local hour, 24 bars', () => {
    const chart = composeChart(buildSpecExampleReport());
    expect(chart).toEqual({
      kind: 'bar',
      title: 'Calls by hour (Europe/Berlin)',
      labels: [
        '00',
        '01',
        '02',
        '03',
        '04',
        '05',
        '06',
        '07',
        '08',
        '09',
        '10',
        '11',
        '12',
        '13',
        '14',
        '15',
        '16',
        '17',
        '18',
        '19',
        '20',
        '21',
        '22',
        '23',
      ],
      series: [
        { name: 'Calls', values: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
      ],
    });
  });

  it('draws a trend as lines of calls, answered and missed, one point per bucket', () => {
    const trend: Trend = {
      by: 'month',
      buckets: [
        bucket('2026-10-15T00:00:00.000+02:00', '2026-11-01T00:00:00.000+01:00', 40, 30, 10),
        bucket('2026-11-01T00:00:00.000+01:00', '2026-12-01T00:00:00.000+01:00', 90, 80, 9),
      ],
    };
    const chart = composeChart({ ...buildSpecExampleReport(), trend });
    expect(chart).toEqual({
      kind: 'line',
      title: 'Calls by month (Europe/Berlin)',
      labels: ['Oct 2026', 'Nov 2026'],
      series: [
        { name: 'Calls', values: [40, 90] },
        { name: 'Answered', values: [30, 80] },
        { name: 'Missed', values: [10, 9] },
      ],
    });
    const byDay = composeChart({ ...buildSpecExampleReport(), trend: { ...trend, by: 'day' } });
    expect(byDay?.labels).toEqual(['15 Oct', '1 Nov']);
  });

  it('draws nothing for a ranking, a comparison or a report without calls', () => {
    const report = buildSpecExampleReport();
    expect(composeChart({ ...report, ranking: { of: 'hours', by: 'calls', rows: [] } })).toBeUndefined();
    expect(composeChart({ ...report, comparison: { by: 'period', columns: [] } })).toBeUndefined();
    expect(composeChart({ ...report, totals: { ...report.totals, calls: 0 } })).toBeUndefined();
  });
});
