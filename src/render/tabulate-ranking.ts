import type { Ranking, RankingOf, RankingRow } from '../core/answers';
import { describeCallee, describeCaller } from './describe-party';
import { formatDuration } from './format-duration';
import { formatDay, formatHourSpan } from './format-local-date';
import { formatCount, formatPercent } from './format-number';
import { formatTimeOfDay } from './format-time-of-day';
import { measurableRates, orNothing } from './nothing-to-measure';
import { numberColumn, type StatsColumn, type StatsTable, textColumn } from './tabulate-stats';

/** `formatName` makes a PBX number, name or call route fit the renderer (clean, cut, escape). */
type FormatName = (text: string) => string;

/** A figure a ranking row may show: its header, its field, and how its value reads. */
interface RankingFigure {
  header: string;
  field: string;
  format: (value: number, row: RankingRow) => string;
}

const number = (row: RankingRow, field: string): number => {
  const value = row[field];
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
};
const text = (row: RankingRow, field: string): string => {
  const value = row[field];
  return typeof value === 'string' ? value : '';
};
const count = (header: string, field: string): RankingFigure => ({
  header,
  field,
  format: (value) => formatCount(value),
});
const duration = (header: string, field: string, measurable = (_row: RankingRow) => true): RankingFigure => ({
  header,
  field,
  format: (value, row) => orNothing(formatDuration(value), measurable(row)),
});
/** A queue row's rates and averages, which may have had nothing to measure (see `measurableRates`). */
const queueMeasurable = (row: RankingRow) =>
  measurableRates({
    calls: number(row, 'calls'),
    answered: number(row, 'answered'),
    missed: number(row, 'missed'),
    serviceLevelPercent: number(row, 'serviceLevelPercent'),
    avgWaitSeconds: number(row, 'avgWaitSeconds'),
  });
const queueRate = (header: string, field: string): RankingFigure => ({
  header,
  field,
  format: (value, row) => orNothing(formatPercent(value), queueMeasurable(row).serviceLevel),
});
const cellOf = (figure: RankingFigure, row: RankingRow) => figure.format(number(row, figure.field), row);

/** Per `of`: the figures by measure (`by`), and the couple of figures shown beside each measure. */
const FIGURES: Record<'callers' | 'extensions' | 'queues', Record<string, RankingFigure>> = {
  callers: {
    calls: count('Calls', 'calls'),
    missed: count('Missed', 'missed'),
    answered: count('Answered', 'answered'),
    talk: duration('Talk', 'talkSeconds'),
    lastCall: {
      header: 'Last call',
      field: 'lastCall',
      format: (_value, row) => formatTimeOfDay(text(row, 'lastCall')),
    },
  },
  extensions: {
    calls: count('Offered', 'offered'),
    answered: count('Answered', 'answered'),
    missed: count('Not picked up', 'notPickedUp'),
    outbound: count('Outbound', 'outbound'),
    talk: duration('Talk', 'talkSeconds'),
  },
  queues: {
    calls: count('Calls', 'calls'),
    answered: count('Answered', 'answered'),
    abandoned: count('Abandoned', 'abandoned'),
    wait: duration('Avg wait', 'avgWaitSeconds', (row) => queueMeasurable(row).avgWait),
    abandonRate: queueRate('Abandon rate', 'abandonRatePercent'),
    longestWait: duration('Longest wait', 'longestWaitSeconds'),
    serviceLevel: queueRate('Service level', 'serviceLevelPercent'),
  },
};

const EXTRAS: Record<'callers' | 'extensions' | 'queues', Record<string, string[]>> = {
  callers: {
    calls: ['missed', 'lastCall'],
    missed: ['calls', 'lastCall'],
    answered: ['calls', 'missed'],
    talk: ['calls', 'lastCall'],
  },
  extensions: {
    calls: ['answered', 'missed'],
    answered: ['calls', 'missed'],
    missed: ['calls', 'answered'],
    outbound: ['calls', 'talk'],
    talk: ['calls', 'answered'],
  },
  queues: {
    calls: ['answered', 'serviceLevel'],
    answered: ['calls', 'serviceLevel'],
    abandoned: ['calls', 'abandonRate'],
    wait: ['longestWait', 'serviceLevel'],
  },
};

const MEASURE_WORDS: Record<string, string> = {
  calls: 'calls',
  missed: 'missed calls',
  answered: 'answered calls',
  outbound: 'outbound calls',
  talk: 'talk time',
  abandoned: 'abandoned calls',
  wait: 'average wait',
};

const KEY_HEADERS: Record<'callers' | 'extensions' | 'queues', string> = {
  callers: 'Number',
  extensions: 'Ext',
  queues: 'Queue',
};

/** A ranking as the reply shows it: its title, a numbered table, and what to say when it is empty. */
export interface RankingTable {
  title: string;
  table: StatsTable;
  emptyText: string;
}

/**
 * A ranking's title (`Top 10 extensions by missed calls`, `Busiest hours`, `Longest calls`) and
 * numbered table: for callers, extensions and queues the key, the name, the measure and a couple
 * of figures beside it; for busiest hours `09:00–10:00` and calls, busiest days `Tue 3 Nov` and
 * calls, longest calls the start, `from → to` and the talk time.
 */
export function tabulateRanking(ranking: Ranking, formatName: FormatName): RankingTable {
  const rank = textColumn('#');
  const rows = ranking.rows;
  const numbered = (cells: (row: RankingRow) => string[]) =>
    rows.map((row, index) => [`${index + 1}.`, ...cells(row)]);
  const table = (columns: StatsColumn[], cells: (row: RankingRow) => string[]): StatsTable => ({
    columns: [rank, ...columns],
    rows: numbered(cells),
  });
  switch (ranking.of) {
    case 'hours':
      return {
        title: 'Busiest hours',
        table: table([textColumn('Hour'), numberColumn('Calls')], (row) => [
          formatHourSpan(row.key),
          formatCount(row.value),
        ]),
        emptyText: 'No calls in this window.',
      };
    case 'days':
      return {
        title: 'Busiest days',
        table: table([textColumn('Day'), numberColumn('Calls')], (row) => [
          formatDay(row.key),
          formatCount(row.value),
        ]),
        emptyText: 'No calls in this window.',
      };
    case 'calls':
      return {
        title: 'Longest calls',
        table: table([textColumn('Start'), textColumn('Call', 3), numberColumn('Talk')], (row) => [
          formatTimeOfDay(row.key),
          describeRoute(row, formatName),
          formatDuration(row.value),
        ]),
        emptyText: 'No answered calls in this window.',
      };
    default:
      return tabulateNamedRanking(ranking.of, ranking, formatName, table);
  }
}

function tabulateNamedRanking(
  of: Exclude<RankingOf, 'hours' | 'days' | 'calls'>,
  ranking: Ranking,
  formatName: FormatName,
  table: (columns: StatsColumn[], cells: (row: RankingRow) => string[]) => StatsTable,
): RankingTable {
  const figures = FIGURES[of];
  const measure = figures[ranking.by] ?? count(ranking.by, 'value');
  // The measure's column shows the row's `value` (the ranking's own number for it).
  const extras = (EXTRAS[of][ranking.by] ?? []).flatMap((name) => figures[name] ?? []);
  const noun = of === 'callers' ? 'callers' : of === 'extensions' ? 'extensions' : 'queues';
  const size = ranking.rows.length > 0 ? `Top ${formatCount(ranking.rows.length)} ` : 'Top ';
  return {
    title: `${size}${noun} by ${MEASURE_WORDS[ranking.by] ?? ranking.by}`,
    table: table(
      [
        textColumn(KEY_HEADERS[of]),
        textColumn('Name', 3),
        numberColumn(measure.header),
        ...extras.map((figure) => numberColumn(figure.header)),
      ],
      (row) => [
        formatName(row.key),
        formatName(row.name),
        measure.format(row.value, row),
        ...extras.map((figure) => cellOf(figure, row)),
      ],
    ),
    emptyText: `No ${noun} to rank in this window.`,
  };
}

/** A longest call's route, `Jane Caller (+44…) → 101 Ben Okafor`, from the list entry's fields. */
function describeRoute(row: RankingRow, formatName: FormatName): string {
  const from = describeCaller(text(row, 'from'), text(row, 'fromName') || row.name);
  const to = describeCallee(text(row, 'to'), text(row, 'toName'));
  return `${formatName(from)} → ${formatName(to)}`;
}
