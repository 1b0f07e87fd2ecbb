import type { ChartData } from '../core/reply';
import type { CardElement, ChartSeriesData, TeamsChart } from './adaptive-card';
import { cleanText } from './clean-text';
import { drawChartBars } from './draw-bars';
import { textBlock } from './teams-elements';

const BAR_CHARS = 20;
/** Beyond this many points the text-bar fallback is dropped (the reply's table has every number). */
const MAX_FALLBACK_BARS = 31;

/**
 * A chart as Teams draws it (Adaptive Cards charts in Teams): `Chart.VerticalBar` for a bar chart
 * of one series (`data: [{x, y}]`), `Chart.VerticalBar.Grouped` for several, `Chart.Line` for a
 * line chart (`data: [{legend, values: [{x, y}]}]`). Other hosts show the fallback: the title and
 * text bars of the first series (none for long charts, whose numbers the reply tabulates).
 */
export function buildTeamsChart(chart: ChartData, axes: { x?: string; y?: string } = {}): TeamsChart {
  const base = {
    title: cleanText(chart.title),
    ...(axes.x ? { xAxisTitle: axes.x } : {}),
    ...(axes.y ? { yAxisTitle: axes.y } : {}),
    separator: true,
    spacing: 'Medium' as const,
  };
  const series: ChartSeriesData[] = chart.series.map((entry) => ({
    legend: cleanText(entry.name),
    values: chart.labels.map((label, index) => ({ x: label, y: entry.values[index] ?? 0 })),
  }));
  const fallback = buildFallback(chart);
  const [only] = series;
  if (chart.kind === 'line') return { type: 'Chart.Line', ...base, data: series, fallback };
  if (series.length === 1 && only) return { type: 'Chart.VerticalBar', ...base, data: only.values, fallback };
  return { type: 'Chart.VerticalBar.Grouped', ...base, data: series, fallback };
}

function buildFallback(chart: ChartData): CardElement | 'drop' {
  if (chart.labels.length > MAX_FALLBACK_BARS) return 'drop';
  return {
    type: 'Container',
    separator: true,
    spacing: 'Medium',
    items: [
      textBlock(cleanText(chart.title), { weight: 'Bolder', size: 'Medium' }),
      ...drawChartBars(chart, BAR_CHARS).map((line) =>
        textBlock(line, { fontType: 'Monospace', spacing: 'None', wrap: false }),
      ),
    ],
  };
}
