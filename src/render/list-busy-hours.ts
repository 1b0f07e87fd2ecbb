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

/** A bar of `█` proportional to `count / maxCount`, at most `widthChars` long, at least 1 for any calls. */
export function drawBar(count: number, maxCount: number, widthChars: number): string {
  if (count <= 0 || maxCount <= 0) return '';
  return '█'.repeat(Math.max(1, Math.round((count / maxCount) * widthChars)));
}

/** One text line per busy hour: `09 ████ 12`, bars aligned. */
export function drawHourBars(hours: HourCount[], widthChars: number): string[] {
  const maxCount = Math.max(0, ...hours.map((entry) => entry.calls));
  return hours.map((entry) => {
    const bar = drawBar(entry.calls, maxCount, widthChars);
    return `${entry.hour} ${bar.padEnd(widthChars)} ${entry.calls}`.trimEnd();
  });
}
