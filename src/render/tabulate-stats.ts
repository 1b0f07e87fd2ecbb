import type { ExtensionStats, QueueStats } from '../core/report';
import { formatDuration } from './format-duration';
import { formatCount, formatPercent } from './format-number';
import { measurableRates, orNothing } from './nothing-to-measure';

/** A column of a per-extension or per-queue table: numbers align right; `width` is relative. */
export interface StatsColumn {
  header: string;
  numeric: boolean;
  width: number;
}

/** A report's per-extension or per-queue table as text cells, for any renderer's table. */
export interface StatsTable {
  columns: StatsColumn[];
  rows: string[][];
}

/** `formatName` makes a PBX number or name fit the renderer (clean, cut, escape). */
type FormatName = (text: string) => string;

export const textColumn = (header: string, width = 1): StatsColumn => ({ header, numeric: false, width });
export const numberColumn = (header: string): StatsColumn => ({ header, numeric: true, width: 1 });
const text = textColumn;
const number = numberColumn;

/** Number, name, calls, answered and missed: the columns both tables start with. */
function leadColumns(numberHeader: string): StatsColumn[] {
  return [text(numberHeader), text('Name', 3), number('Calls'), number('Answered'), number('Missed')];
}

function leadCells(
  numberText: string,
  row: { name: string; calls: number; answered: number; missed: number },
  formatName: FormatName,
): string[] {
  return [
    formatName(numberText),
    formatName(row.name),
    formatCount(row.calls),
    formatCount(row.answered),
    formatCount(row.missed),
  ];
}

/** Ext, Name, Calls, Answered, Missed, Outbound, Talk. */
export function tabulateExtensions(rows: ExtensionStats[], formatName: FormatName): StatsTable {
  return {
    columns: [...leadColumns('Ext'), number('Outbound'), number('Talk')],
    rows: rows.map((row) => [
      ...leadCells(row.extension, row, formatName),
      formatCount(row.outbound),
      formatDuration(row.talkSeconds),
    ]),
  };
}

/**
 * Queue, Name, Calls, Answered, Missed, Abandoned, Abandon rate, Avg wait, Longest wait, Service
 * level; rates and averages with nothing to measure "—".
 */
export function tabulateQueues(rows: QueueStats[], formatName: FormatName): StatsTable {
  return {
    columns: [
      ...leadColumns('Queue'),
      number('Abandoned'),
      number('Abandon rate'),
      number('Avg wait'),
      number('Longest wait'),
      number('Service level'),
    ],
    rows: rows.map((row) => {
      const measurable = measurableRates(row);
      return [
        ...leadCells(row.queue, row, formatName),
        formatCount(row.abandoned),
        orNothing(formatPercent(row.abandonRatePercent), measurable.serviceLevel),
        orNothing(formatDuration(row.avgWaitSeconds), measurable.avgWait),
        formatDuration(row.longestWaitSeconds),
        orNothing(formatPercent(row.serviceLevelPercent), measurable.serviceLevel),
      ];
    }),
  };
}
