import type { Comparison, ComparisonColumn, ExtensionFocus } from '../core/answers';
import { cleanText } from './clean-text';
import { describeCountChange, formatChange } from './describe-change';
import { formatDuration } from './format-duration';
import { formatCount, formatPercent } from './format-number';
import { listChanges } from './list-key-figures';
import { measurableTotals, orNothing } from './nothing-to-measure';
import { numberColumn, type StatsTable, textColumn } from './tabulate-stats';

/** `formatName` makes a column's label fit the renderer's table header (clean, cut, escape). */
type FormatName = (text: string) => string;

/** The counts of one side's named extensions, summed. */
type FocusSums = Pick<
  ExtensionFocus,
  'offered' | 'answered' | 'notPickedUp' | 'missed' | 'outbound' | 'talkSeconds'
>;

const FOCUS_ROWS: { label: string; field: keyof FocusSums; duration?: boolean }[] = [
  { label: 'Own: offered', field: 'offered' },
  { label: 'Own: answered', field: 'answered' },
  { label: 'Own: not picked up', field: 'notPickedUp' },
  { label: 'Own: outbound', field: 'outbound' },
  { label: 'Own: talk', field: 'talkSeconds', duration: true },
];

/**
 * A comparison side by side: its title (`Compared: this week vs. last week`) and a table with a
 * row per figure (calls, answered, missed, talk, average wait, service level; with extensions
 * named, their own offered, answered, not picked up, outbound and talk), a column per side, and
 * with two sides the change of the first against the second (▲/▼).
 */
export function tabulateComparison(
  comparison: Comparison,
  formatName: FormatName,
): { title: string; table: StatsTable } {
  const { columns } = comparison;
  const [first, second] = columns;
  const pair = columns.length === 2 && first && second ? { first, second } : null;
  const changes = pair ? listChanges(pair.first.totals, pair.second.totals) : {};
  const totalsRow = (label: string, cell: (column: ComparisonColumn) => string, change?: string) => [
    label,
    ...columns.map(cell),
    ...(pair ? [change ?? ''] : []),
  ];
  const rows = [
    totalsRow('Calls', (column) => formatCount(column.totals.calls), changes.calls),
    totalsRow('Answered', (column) => formatCount(column.totals.answered), changes.answered),
    totalsRow('Missed', (column) => formatCount(column.totals.missed), changes.missed),
    totalsRow('Talk time', (column) => formatDuration(column.totals.talkSeconds), changes.talk),
    totalsRow(
      'Avg wait',
      (column) =>
        orNothing(formatDuration(column.totals.avgWaitSeconds), measurableTotals(column.totals).avgWait),
      changes.avgWait,
    ),
    totalsRow(
      'Service level',
      (column) =>
        orNothing(
          formatPercent(column.totals.serviceLevelPercent),
          measurableTotals(column.totals).serviceLevel,
        ),
      changes.serviceLevel,
    ),
  ];
  if (columns.some((column) => column.focus.length > 0)) {
    const sums = columns.map((column) => sumFocus(column.focus));
    for (const { label, field, duration } of FOCUS_ROWS) {
      const format = duration ? formatDuration : formatCount;
      const [a, b] = sums;
      const change =
        pair && a && b
          ? formatChange(
              describeCountChange(a[field], b[field], field === 'notPickedUp' ? 'lower' : 'neither'),
            )
          : '';
      rows.push([label, ...sums.map((sum) => format(sum[field])), ...(pair ? [change] : [])]);
    }
  }
  return {
    title: `Compared: ${columns.map((column) => cleanText(column.label)).join(' vs. ')}`,
    table: {
      columns: [
        textColumn('', 2),
        ...columns.map((column) => numberColumn(formatName(column.label))),
        ...(pair ? [textColumn('Change')] : []),
      ],
      rows,
    },
  };
}

function sumFocus(focus: ExtensionFocus[]): FocusSums {
  const sum = (field: keyof FocusSums) => focus.reduce((total, entry) => total + entry[field], 0);
  return {
    offered: sum('offered'),
    answered: sum('answered'),
    notPickedUp: sum('notPickedUp'),
    missed: sum('missed'),
    outbound: sum('outbound'),
    talkSeconds: sum('talkSeconds'),
  };
}
