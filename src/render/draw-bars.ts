import type { ChartData } from '../core/reply';

/** One bar: its label and value. */
export interface BarEntry {
  label: string;
  value: number;
}

/** A bar of `█` proportional to `count / maxCount`, at most `widthChars` long, at least 1 for any count. */
export function drawBar(count: number, maxCount: number, widthChars: number): string {
  if (count <= 0 || maxCount <= 0) return '';
  return '█'.repeat(Math.max(1, Math.round((count / maxCount) * widthChars)));
}

/** One text line per entry: `09 ████ 12`, labels padded so that the bars line up. */
export function drawBars(entries: BarEntry[], widthChars: number): string[] {
  const maxCount = Math.max(0, ...entries.map((entry) => entry.value));
  const labelWidth = Math.max(0, ...entries.map((entry) => Array.from(entry.label).length));
  return entries.map((entry) => {
    const label = entry.label + ' '.repeat(labelWidth - Array.from(entry.label).length);
    const bar = drawBar(entry.value, maxCount, widthChars);
    return `${label} ${bar.padEnd(widthChars)} ${entry.value}`.trimEnd();
  });
}

/** A chart as text bars: its first series (the others are in the reply's table). */
export function drawChartBars(chart: ChartData, widthChars: number): string[] {
  const values = chart.series[0]?.values ?? [];
  return drawBars(
    chart.labels.map((label, index) => ({ label, value: values[index] ?? 0 })),
    widthChars,
  );
}
