import { createCanvas } from '@napi-rs/canvas';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  type ChartDataset,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  type Plugin,
  PointElement,
  Title,
} from 'chart.js';
import type { ChartData } from '../core/reply';
import { CHART_BOLD_FONT_FAMILY, CHART_FONT_FAMILY, registerChartFont } from './chart-font';

/** The drawing size in CSS pixels and the pixel ratio: the PNG is `width × scale` by `height × scale`. */
export interface ChartPngSize {
  width: number;
  height: number;
  scale: number;
}

/** 640 × 320 drawn at 2×: sharp where Slack shows an image block (about 360–600 px wide), on high-density screens too. */
export const CHART_PNG_SIZE: ChartPngSize = { width: 640, height: 320, scale: 2 };

/** Series colours, in order (a blue, then red, green, amber, purple): distinct for colour-blind readers too. */
const PALETTE = ['#2563eb', '#dc2626', '#16a34a', '#d97706', '#7c3aed'];
const TEXT_COLOR = '#1f2937';
const GRID_COLOR = '#e5e7eb';
const MAX_TITLE_CHARS = 90;
/** Values are written on the bars, and every label under them, while there is room for them. */
const MAX_LABELLED_BARS = 31;

let ready = false;

/**
 * A chart as PNG bytes, drawn with Chart.js on a Skia canvas (`@napi-rs/canvas`) in the bundled
 * DejaVu Sans: bars or lines, one colour per series, a legend when there are several, the values
 * on the bars while they fit, integer ticks from zero, on white (Slack's dark mode included).
 * Pure but for registering the font and Chart.js's parts once per process.
 */
export function renderChartPng(chart: ChartData, size: ChartPngSize = CHART_PNG_SIZE): Buffer {
  prepare();
  const canvas = createCanvas(size.width, size.height);
  const drawn = new Chart(
    canvas.getContext('2d') as unknown as ConstructorParameters<typeof Chart>[0],
    toConfiguration(chart, size.scale),
  );
  try {
    return canvas.toBuffer('image/png');
  } finally {
    drawn.destroy();
  }
}

function prepare(): void {
  if (ready) return;
  Chart.register(
    BarController,
    BarElement,
    LineController,
    LineElement,
    PointElement,
    CategoryScale,
    LinearScale,
    Title,
    Legend,
  );
  registerChartFont();
  Chart.defaults.font.family = CHART_FONT_FAMILY;
  Chart.defaults.font.size = 12;
  Chart.defaults.color = TEXT_COLOR;
  ready = true;
}

function toConfiguration(chart: ChartData, scale: number): ChartConfiguration<'bar' | 'line'> {
  const labels = chart.labels.map((label) => String(label));
  const datasets = chart.series.map((series, index) =>
    toDataset(chart.kind, series.name, fitValues(series.values, labels.length), index),
  );
  const labelBars = chart.kind === 'bar' && datasets.length === 1 && labels.length <= MAX_LABELLED_BARS;
  return {
    type: chart.kind,
    data: { labels, datasets },
    options: {
      responsive: false,
      animation: false,
      devicePixelRatio: scale,
      layout: { padding: { top: 4, right: 12, bottom: 4, left: 4 } },
      plugins: {
        title: {
          display: chart.title.trim() !== '',
          text: truncate(chart.title.trim(), MAX_TITLE_CHARS),
          font: { family: CHART_BOLD_FONT_FAMILY, size: 15 },
          padding: { top: 4, bottom: labelBars ? 14 : 8 },
        },
        legend: { display: datasets.length > 1, labels: { boxWidth: 14, boxHeight: 14 } },
      },
      scales: {
        x: {
          offset: true,
          grid: { display: false },
          ticks: { autoSkip: labels.length > MAX_LABELLED_BARS, autoSkipPadding: 8, maxRotation: 60 },
        },
        y: {
          beginAtZero: true,
          grace: labelBars ? '8%' : 0,
          grid: { color: GRID_COLOR },
          ticks: { precision: 0 },
        },
      },
    },
    plugins: [whiteBackground, ...(labelBars ? [barValues] : [])],
  };
}

function toDataset(
  kind: ChartData['kind'],
  label: string,
  data: number[],
  index: number,
): ChartDataset<'bar' | 'line'> {
  const color = PALETTE[index % PALETTE.length] ?? '#2563eb';
  if (kind === 'bar') {
    return { type: 'bar', label, data, backgroundColor: color, borderRadius: 2, maxBarThickness: 48 };
  }
  return {
    type: 'line',
    label,
    data,
    borderColor: color,
    backgroundColor: color,
    borderWidth: 2.5,
    pointRadius: data.length > 40 ? 0 : 3,
    tension: 0,
  };
}

/** One finite, non-negative value per label: missing ones are 0, extra ones dropped. */
function fitValues(values: number[], count: number): number[] {
  return Array.from({ length: count }, (_, index) => {
    const value = values[index];
    return typeof value === 'number' && Number.isFinite(value) ? value : 0;
  });
}

function truncate(text: string, maxChars: number): string {
  return text.length <= maxChars ? text : `${text.slice(0, maxChars - 1)}…`;
}

/** Chart.js leaves the canvas transparent; a PNG on Slack's dark theme needs its own background. */
const whiteBackground: Plugin<'bar' | 'line'> = {
  id: 'calls-bot-white-background',
  beforeDraw: (chart) => {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/** Each non-zero bar's value just above it. */
const barValues: Plugin<'bar' | 'line'> = {
  id: 'calls-bot-bar-values',
  afterDatasetsDraw: (chart) => {
    const { ctx } = chart;
    const meta = chart.getDatasetMeta(0);
    const values = chart.data.datasets[0]?.data ?? [];
    ctx.save();
    ctx.fillStyle = TEXT_COLOR;
    ctx.font = `11px "${CHART_FONT_FAMILY}"`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    meta.data.forEach((bar, index) => {
      const value = values[index];
      if (typeof value !== 'number' || value === 0) return;
      ctx.fillText(formatValue(value), bar.x, bar.y - 2);
    });
    ctx.restore();
  },
};

function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
