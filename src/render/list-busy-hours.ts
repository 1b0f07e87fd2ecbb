import { drawBars } from './draw-bars';

/** Calls in one local hour, `hour` as two digits (`08`). */
export interface HourCount {
  hour: string;
  calls: number;
}

/** The hours from the first to the last one with calls (quiet hours in between kept); [] when none. */
export function listBusyHours(byHour: number[]): HourCount[] {
  const first = byHour.findIndex((count) => count > 0);
  if (first < 0) return [];
  let last = byHour.length - 1;
  while (last > first && !(byHour[last]! > 0)) last -= 1;
  return byHour
    .slice(first, last + 1)
    .map((calls, offset) => ({ hour: String(first + offset).padStart(2, '0'), calls }));
}

/** One text line per busy hour: `09 ████ 12`, bars aligned. */
export function drawHourBars(hours: HourCount[], widthChars: number): string[] {
  return drawBars(
    hours.map((entry) => ({ label: entry.hour, value: entry.calls })),
    widthChars,
  );
}
