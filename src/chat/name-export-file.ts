import { DateTime, IANAZone } from 'luxon';
import type { TimeWindow } from '../core/time-window';
import type { ExportFormat } from '../render/render-export';

/**
 * An export's file name from the local days its window covers in the report's zone:
 * `calls-2026-11-16.csv` for one day, `calls-2026-11-16_2026-11-22.xlsx` for a week (last day
 * inclusive). A zone luxon does not know falls back to UTC.
 */
export function nameExportFile(stem: string, window: TimeWindow, extension: ExportFormat | 'json'): string {
  const zone = IANAZone.isValidZone(window.timeZone) ? window.timeZone : 'UTC';
  const localDay = (ms: number) => DateTime.fromMillis(ms, { zone }).toFormat('yyyy-MM-dd');
  const firstDay = localDay(window.from.getTime());
  // The window is half-open: its last instant is just before `to`.
  const lastDay = localDay(Math.max(window.from.getTime(), window.to.getTime() - 1));
  const days = lastDay === firstDay ? firstDay : `${firstDay}_${lastDay}`;
  return `${stem}-${days}.${extension}`;
}
