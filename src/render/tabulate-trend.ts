import type { Trend } from '../core/answers';
import { formatDuration } from './format-duration';
import { formatBucket } from './format-local-date';
import { formatCount, formatPercent } from './format-number';
import { measurableRates, orNothing } from './nothing-to-measure';
import { numberColumn, type StatsTable, textColumn } from './tabulate-stats';

const UNIT_HEADERS = { day: 'Day', week: 'Week', month: 'Month' } as const;
const TITLES = { day: 'Day by day', week: 'Week by week', month: 'Month by month' } as const;

/** A trend's title (`Week by week`) and table: one row per bucket (`week of 2 Nov`), its calls, answered, missed, service level, average wait. */
export function tabulateTrend(trend: Trend): { title: string; table: StatsTable } {
  return {
    title: TITLES[trend.by],
    table: {
      columns: [
        textColumn(UNIT_HEADERS[trend.by], 2),
        numberColumn('Calls'),
        numberColumn('Answered'),
        numberColumn('Missed'),
        numberColumn('Service level'),
        numberColumn('Avg wait'),
      ],
      rows: trend.buckets.map((bucket) => {
        const measurable = measurableRates(bucket);
        return [
          formatBucket(bucket.from, trend.by),
          formatCount(bucket.calls),
          formatCount(bucket.answered),
          formatCount(bucket.missed),
          orNothing(formatPercent(bucket.serviceLevelPercent), measurable.serviceLevel),
          orNothing(formatDuration(bucket.avgWaitSeconds), measurable.avgWait),
        ];
      }),
    },
  };
}
