import { CHART_PNG_SIZE, renderChartPng } from '../../src/chart/render-chart-png';
import type { ChartData } from '../../src/core/reply';
import { decodePng, isDark, near, readPngSize } from '../helpers/inspect-png';

const BLUE = '#2563eb';
const RED = '#dc2626';
const GREEN = '#16a34a';
const HOURS = Array.from({ length: 24 }, (_, hour) => String(hour).padStart(2, '0'));
const WEEKS = Array.from({ length: 13 }, (_, index) => `${index + 1} Sep`);
const EXPECTED = {
  width: CHART_PNG_SIZE.width * CHART_PNG_SIZE.scale,
  height: CHART_PNG_SIZE.height * CHART_PNG_SIZE.scale,
};

function hourChart(values: number[]): ChartData {
  return { kind: 'bar', title: 'Calls by hour', labels: HOURS, series: [{ name: 'Calls', values }] };
}

describe('renderChartPng', () => {
  it('draws the 24 hours as a PNG of the documented size (1280 × 640)', () => {
    const png = renderChartPng(hourChart(HOURS.map((_, hour) => (hour >= 8 && hour < 18 ? hour : 0))));
    expect(readPngSize(png)).toEqual(EXPECTED);
    expect(EXPECTED).toEqual({ width: 1280, height: 640 });
    const image = decodePng(png);
    expect(image.width).toBe(1280);
    expect(image.height).toBe(640);
  });

  it('puts a bar where its hour is: one busy hour at noon is drawn in the middle, nothing at night', () => {
    const image = decodePng(renderChartPng(hourChart(HOURS.map((_, hour) => (hour === 12 ? 40 : 0)))));
    const bar = image.xs(near(BLUE));
    expect(bar.length).toBeGreaterThan(2000);
    const middle = bar.reduce((sum, x) => sum + x, 0) / bar.length / image.width;
    // Hour 12 of 0–23 sits a little right of the middle of the plot.
    expect(middle).toBeGreaterThan(0.5);
    expect(middle).toBeLessThan(0.6);
    // The night (00–06, the left quarter) has no bar.
    expect(
      image.count(near(BLUE), { x0: 0, y0: 0, x1: Math.round(image.width * 0.25), y1: image.height }),
    ).toBe(0);
  });

  it('draws no bar for a day without calls, but still its axes and labels, on white', () => {
    const image = decodePng(renderChartPng(hourChart(HOURS.map(() => 0))));
    expect(image.count(near(BLUE))).toBe(0);
    expect(image.count(isDark)).toBeGreaterThan(500);
    expect(image.at(0, 0)).toEqual([255, 255, 255, 255]);
    expect(image.at(image.width - 1, image.height - 1)).toEqual([255, 255, 255, 255]);
  });

  it('writes the title and the hour labels in the bundled font (dark text where they stand)', () => {
    const image = decodePng(renderChartPng(hourChart(HOURS.map((_, hour) => hour))));
    const titleBand = { x0: 0, y0: 0, x1: image.width, y1: 50 };
    const labelBand = { x0: 100, y0: image.height - 40, x1: image.width, y1: image.height };
    expect(image.count(isDark, titleBand)).toBeGreaterThan(400);
    expect(image.count(isDark, labelBand)).toBeGreaterThan(400);
    const untitled = decodePng(renderChartPng({ ...hourChart(HOURS.map((_, hour) => hour)), title: '' }));
    expect(untitled.count(isDark, titleBand)).toBeLessThan(image.count(isDark, titleBand) / 4);
  });

  it('draws a 13-bucket trend as lines, one colour per series, with a legend', () => {
    const chart: ChartData = {
      kind: 'line',
      title: 'Calls by week',
      labels: WEEKS,
      series: [
        { name: 'Calls', values: WEEKS.map((_, index) => 300 + index * 10) },
        { name: 'Answered', values: WEEKS.map((_, index) => 250 + index * 5) },
        { name: 'Missed', values: WEEKS.map((_, index) => 50 + (index % 3) * 10) },
      ],
    };
    const png = renderChartPng(chart);
    expect(readPngSize(png)).toEqual(EXPECTED);
    const image = decodePng(png);
    for (const colour of [BLUE, RED, GREEN]) expect(image.count(near(colour))).toBeGreaterThan(1000);
    // The lines cross the plot from the first bucket to the last.
    const blue = image.xs(near(BLUE));
    expect(Math.min(...blue)).toBeLessThan(image.width * 0.15);
    expect(Math.max(...blue)).toBeGreaterThan(image.width * 0.9);
  });

  it('keeps to the size with many buckets (92 days) and with values that do not match the labels', () => {
    const days = Array.from({ length: 92 }, (_, index) => `d${index + 1}`);
    const many = renderChartPng({
      kind: 'bar',
      title: 'Calls by day',
      labels: days,
      series: [{ name: 'Calls', values: days.map((_, i) => i % 7) }],
    });
    expect(readPngSize(many)).toEqual(EXPECTED);
    const ragged = renderChartPng({
      kind: 'line',
      title: 'Ragged',
      labels: WEEKS,
      series: [{ name: 'Calls', values: [1, Number.NaN, 3] }],
    });
    expect(readPngSize(ragged)).toEqual(EXPECTED);
  });

  it('draws at another size when asked', () => {
    const png = renderChartPng(hourChart(HOURS.map(() => 1)), { width: 300, height: 200, scale: 1 });
    expect(readPngSize(png)).toEqual({ width: 300, height: 200 });
  });
});
