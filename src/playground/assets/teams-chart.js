// Teams draws `Chart.VerticalBar`, `Chart.VerticalBar.Grouped` and `Chart.Line` itself; Microsoft's
// renderer does not know them and would show the card's fallback. This registers small look-alikes,
// so the pane shows what Teams shows: single bars as boxes, grouped bars and lines as SVG drawings.

const SVG = 'http://www.w3.org/2000/svg';
/** Teams' own series colours, in order. */
const LINE_COLORS = ['#5b5fc7', '#c4314b', '#13a10e', '#ca5010', '#8764b8'];

/** Registers Teams' chart elements with the Adaptive Cards renderer (once). */
export function registerTeamsCharts(AdaptiveCards) {
  const registry = AdaptiveCards.GlobalRegistry.elements;
  if (!registry.findByName('Chart.VerticalBar')) registerVerticalBar(AdaptiveCards, registry);
  if (!registry.findByName('Chart.Line')) registerSeriesChart(AdaptiveCards, registry, 'Chart.Line', 'line');
  if (!registry.findByName('Chart.VerticalBar.Grouped')) {
    registerSeriesChart(AdaptiveCards, registry, 'Chart.VerticalBar.Grouped', 'bars');
  }
}

function registerVerticalBar(AdaptiveCards, registry) {
  const { CardElement, CustomProperty, StringProperty, Versions } = AdaptiveCards;

  class VerticalBarChart extends CardElement {
    getJsonTypeName() {
      return 'Chart.VerticalBar';
    }

    internalRender() {
      const data = this.getValue(VerticalBarChart.dataProperty);
      const chart = element('div', 'tc-chart');
      chart.setAttribute('role', 'img');
      const title = this.getValue(VerticalBarChart.titleProperty);
      chart.setAttribute(
        'aria-label',
        `${title ?? 'Chart'}: ${data.map((point) => `${point.x} ${point.y}`).join(', ')}`,
      );
      if (title) chart.append(text('div', 'tc-title', title));
      const yTitle = this.getValue(VerticalBarChart.yAxisTitleProperty);
      if (yTitle) chart.append(text('div', 'tc-axis tc-y-title', yTitle));
      const plot = element('div', 'tc-plot');
      const highest = Math.max(1, ...data.map((point) => point.y));
      for (const point of data) {
        const column = element('div', 'tc-column');
        const bar = element('div', 'tc-bar');
        bar.style.height = `${Math.max(2, Math.round((point.y / highest) * 100))}%`;
        bar.title = `${point.x}: ${point.y}`;
        column.append(text('span', 'tc-value', String(point.y)), bar, text('span', 'tc-label', point.x));
        plot.append(column);
      }
      chart.append(plot);
      const xTitle = this.getValue(VerticalBarChart.xAxisTitleProperty);
      if (xTitle) chart.append(text('div', 'tc-axis tc-x-title', xTitle));
      return chart;
    }
  }
  VerticalBarChart.titleProperty = new StringProperty(Versions.v1_0, 'title');
  VerticalBarChart.xAxisTitleProperty = new StringProperty(Versions.v1_0, 'xAxisTitle');
  VerticalBarChart.yAxisTitleProperty = new StringProperty(Versions.v1_0, 'yAxisTitle');
  VerticalBarChart.dataProperty = new CustomProperty(
    Versions.v1_0,
    'data',
    (_sender, _property, source) =>
      (Array.isArray(source.data) ? source.data : [])
        .filter((point) => point && typeof point.y === 'number' && Number.isFinite(point.y))
        .map((point) => ({ x: String(point.x ?? ''), y: Math.max(0, point.y) })),
    (_sender, _property, target, value, context) => context.serializeValue(target, 'data', value),
    () => [],
  );
  registry.register('Chart.VerticalBar', VerticalBarChart, Versions.v1_0);
}

/**
 * `Chart.Line` (`shape` 'line') and `Chart.VerticalBar.Grouped` ('bars'): `data` is
 * `[{ legend, values: [{ x, y }] }]`, one line (or one bar at each x) per entry, x as categories.
 */
function registerSeriesChart(AdaptiveCards, registry, typeName, shape) {
  const { CardElement, CustomProperty, StringProperty, Versions } = AdaptiveCards;

  class SeriesChart extends CardElement {
    getJsonTypeName() {
      return typeName;
    }

    internalRender() {
      const series = this.getValue(SeriesChart.dataProperty);
      const title = this.getValue(SeriesChart.titleProperty);
      const chart = element('div', `tc-chart tc-series-chart tc-${shape}`);
      chart.setAttribute('role', 'img');
      chart.setAttribute(
        'aria-label',
        `${title ?? 'Chart'}: ${series
          .map((line) => `${line.legend}: ${line.values.map((point) => `${point.x} ${point.y}`).join(', ')}`)
          .join('; ')}`,
      );
      if (title) chart.append(text('div', 'tc-title', title));
      const yTitle = this.getValue(SeriesChart.yAxisTitleProperty);
      if (yTitle) chart.append(text('div', 'tc-axis tc-y-title', yTitle));
      chart.append(drawSeries(series, shape));
      if (series.length > 1) chart.append(legendOf(series));
      const xTitle = this.getValue(SeriesChart.xAxisTitleProperty);
      if (xTitle) chart.append(text('div', 'tc-axis tc-x-title', xTitle));
      return chart;
    }
  }
  SeriesChart.titleProperty = new StringProperty(Versions.v1_0, 'title');
  SeriesChart.xAxisTitleProperty = new StringProperty(Versions.v1_0, 'xAxisTitle');
  SeriesChart.yAxisTitleProperty = new StringProperty(Versions.v1_0, 'yAxisTitle');
  SeriesChart.dataProperty = new CustomProperty(
    Versions.v1_0,
    'data',
    (_sender, _property, source) =>
      (Array.isArray(source.data) ? source.data : [])
        .filter((line) => line && Array.isArray(line.values))
        .map((line) => ({
          legend: String(line.legend ?? ''),
          values: line.values
            .filter((point) => point && typeof point.y === 'number' && Number.isFinite(point.y))
            .map((point) => ({ x: String(point.x ?? ''), y: point.y })),
        })),
    (_sender, _property, target, value, context) => context.serializeValue(target, 'data', value),
    () => [],
  );
  registry.register(typeName, SeriesChart, Versions.v1_0);
}

/** The series on one SVG as lines or grouped bars: x the categories in order of first appearance, y from 0 to the highest value. */
function drawSeries(series, shape) {
  const width = 560;
  const height = 180;
  const pad = { left: 36, right: 10, top: 8, bottom: 24 };
  const categories = [...new Set(series.flatMap((line) => line.values.map((point) => point.x)))];
  const highest = Math.max(1, ...series.flatMap((line) => line.values.map((point) => point.y)));
  const plotWidth = width - pad.left - pad.right;
  // Lines run from edge to edge; bar groups sit in the middle of equal slots.
  const slot = plotWidth / Math.max(1, categories.length);
  const xOf = (x) => {
    const index = categories.indexOf(x);
    if (shape === 'bars') return pad.left + (index + 0.5) * slot;
    return pad.left + (index / Math.max(1, categories.length - 1)) * plotWidth;
  };
  const yOf = (y) => pad.top + (1 - Math.max(0, y) / highest) * (height - pad.top - pad.bottom);
  const svg = svgElement('svg', { viewBox: `0 0 ${width} ${height}`, class: 'tc-series-plot' });
  for (const fraction of [0, 0.5, 1]) {
    const y = yOf(highest * fraction);
    svg.append(svgElement('line', { x1: pad.left, x2: width - pad.right, y1: y, y2: y, class: 'tc-grid' }));
    svg.append(
      svgText(String(Math.round(highest * fraction)), { x: pad.left - 4, y: y + 4, class: 'tc-y-tick' }),
    );
  }
  const every = Math.max(1, Math.ceil(categories.length / 12));
  categories.forEach((category, index) => {
    if (index % every !== 0 && index !== categories.length - 1) return;
    svg.append(svgText(category, { x: xOf(category), y: height - 6, class: 'tc-x-tick' }));
  });
  if (shape === 'bars') {
    drawBars(svg, series, { xOf, yOf, slot, base: yOf(0) });
    return svg;
  }
  series.forEach((line, index) => {
    const color = LINE_COLORS[index % LINE_COLORS.length];
    const points = line.values.map((point) => `${xOf(point.x)},${yOf(point.y)}`).join(' ');
    const path = svgElement('polyline', { points, fill: 'none', stroke: color, 'stroke-width': 2 });
    path.dataset.legend = line.legend;
    svg.append(path);
    for (const point of line.values) {
      const dot = svgElement('circle', { cx: xOf(point.x), cy: yOf(point.y), r: 2.5, fill: color });
      const tip = document.createElementNS(SVG, 'title');
      tip.textContent = `${line.legend} ${point.x}: ${point.y}`;
      dot.append(tip);
      svg.append(dot);
    }
  });
  return svg;
}

function drawBars(svg, series, { xOf, yOf, slot, base }) {
  const barWidth = Math.max(2, (slot * 0.8) / Math.max(1, series.length));
  series.forEach((group, index) => {
    const color = LINE_COLORS[index % LINE_COLORS.length];
    for (const point of group.values) {
      const x = xOf(point.x) - (barWidth * series.length) / 2 + index * barWidth;
      const top = yOf(point.y);
      const bar = svgElement('rect', {
        x,
        y: top,
        width: barWidth,
        height: Math.max(0, base - top),
        fill: color,
      });
      bar.dataset.legend = group.legend;
      const tip = document.createElementNS(SVG, 'title');
      tip.textContent = `${group.legend} ${point.x}: ${point.y}`;
      bar.append(tip);
      svg.append(bar);
    }
  });
}

function legendOf(series) {
  const legend = element('div', 'tc-legend');
  series.forEach((line, index) => {
    const item = element('span', 'tc-legend-item');
    const swatch = element('span', 'tc-swatch');
    swatch.style.background = LINE_COLORS[index % LINE_COLORS.length];
    item.append(swatch, document.createTextNode(line.legend));
    legend.append(item);
  });
  return legend;
}

function svgElement(tag, attributes) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
}

function svgText(content, attributes) {
  const node = svgElement('text', attributes);
  node.textContent = content;
  return node;
}

function element(tag, className) {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}

function text(tag, className, content) {
  const node = element(tag, className);
  node.textContent = content;
  return node;
}
