// Teams draws `Chart.VerticalBar` itself; Microsoft's renderer does not know it and would show
// the card's fallback. This registers a small look-alike, so the pane shows what Teams shows.

/** Registers `Chart.VerticalBar` with the Adaptive Cards renderer (once). */
export function registerTeamsCharts(AdaptiveCards) {
  const registry = AdaptiveCards.GlobalRegistry.elements;
  if (registry.findByName('Chart.VerticalBar')) return;
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
