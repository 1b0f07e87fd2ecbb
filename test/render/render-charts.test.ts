import type { ChartData } from '../../src/core/reply';
import type { Container, GroupedVerticalBarChart, VerticalBarChart } from '../../src/render/adaptive-card';
import { renderSlack } from '../../src/render/render-slack';
import { renderTeams } from '../../src/render/render-teams';
import { renderText } from '../../src/render/render-text';
import { buildReportReply } from './fixtures/build-reply';
import { expectWithinSlackLimits, sectionTexts } from './fixtures/expect-slack-limits';
import { textOf } from './fixtures/read-teams-card';

/** Calls by hour as the report service sends it: all 24 hours (the spec example: 1 call at 09, 10 and 14). */
const HOUR_CHART: ChartData = {
  kind: 'bar',
  title: 'Calls by hour (Europe/Berlin)',
  labels: Array.from({ length: 24 }, (_, hour) => String(hour).padStart(2, '0')),
  series: [
    { name: 'Calls', values: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
  ],
};
const reply = buildReportReply({ chart: HOUR_CHART });
const BARS = (width: number) => [
  `09 ${'█'.repeat(width)} 1`,
  `10 ${'█'.repeat(width)} 1`,
  `11 ${' '.repeat(width)} 0`,
  `12 ${' '.repeat(width)} 0`,
  `13 ${' '.repeat(width)} 0`,
  `14 ${'█'.repeat(width)} 1`,
];

describe('charts: a picture in Slack when there is one, Teams charts as JSON, text bars otherwise', () => {
  it('Slack with an image URL: an image block with the URL, the chart title as alt text and title', () => {
    const message = renderSlack(reply, {
      chartImage: { imageUrl: 'https://calls.example.com/charts/a1b2.png' },
    });
    expectWithinSlackLimits(message);
    const image = message.blocks.find((block) => block.type === 'image');
    expect(image).toEqual({
      type: 'image',
      image_url: 'https://calls.example.com/charts/a1b2.png',
      alt_text: 'Calls by hour (Europe/Berlin)',
      title: { type: 'plain_text', text: 'Calls by hour (Europe/Berlin)', emoji: true },
    });
    // In the place of the text bars: after the queues, before the missed calls.
    const types = message.blocks.map((block) =>
      block.type === 'section' ? block.text?.text.split('\n')[0] : block.type,
    );
    expect(types.slice(types.indexOf('*Queues*'), types.indexOf('*Missed calls (1)*') + 1)).toEqual([
      '*Queues*',
      'image',
      '*Missed calls (1)*',
    ]);
    expect(sectionTexts(message).some((text) => text.includes('█'))).toBe(false);
  });

  it('Slack with an uploaded file: an image block with slack_file {id}', () => {
    const message = renderSlack(reply, { chartImage: { slackFileId: 'F0123ABCD' } });
    expectWithinSlackLimits(message);
    expect(message.blocks.find((block) => block.type === 'image')).toEqual({
      type: 'image',
      slack_file: { id: 'F0123ABCD' },
      alt_text: 'Calls by hour (Europe/Berlin)',
      title: { type: 'plain_text', text: 'Calls by hour (Europe/Berlin)', emoji: true },
    });
  });

  it('Slack without a picture (or with a URL Slack would refuse): text bars of the busy hours', () => {
    const bars = `*Calls by hour (Europe/Berlin)*\n\`\`\`\n${BARS(20).join('\n')}\n\`\`\``;
    expect(sectionTexts(renderSlack(reply))).toContain(bars);
    const tooLong = renderSlack(reply, { chartImage: { imageUrl: `https://x.example/${'a'.repeat(3000)}` } });
    expect(sectionTexts(tooLong)).toContain(bars);
    expect(tooLong.blocks.some((block) => block.type === 'image')).toBe(false);
    // A picture of nothing: without the reply's chart there is nothing it could show.
    const noChart = renderSlack(buildReportReply(), { chartImage: { slackFileId: 'F0123ABCD' } });
    expect(noChart.blocks.some((block) => block.type === 'image')).toBe(false);
  });

  it('Teams: the reply chart as Chart.VerticalBar {title, data: [{x, y}]} over the busy hours, text bars as fallback', () => {
    const card = renderTeams(reply);
    const chart = card.body.find(
      (element): element is VerticalBarChart => element.type === 'Chart.VerticalBar',
    )!;
    expect(chart).toMatchObject({
      type: 'Chart.VerticalBar',
      title: 'Calls by hour (Europe/Berlin)',
      xAxisTitle: 'Hour',
      yAxisTitle: 'Calls',
      data: [
        { x: '09', y: 1 },
        { x: '10', y: 1 },
        { x: '11', y: 0 },
        { x: '12', y: 0 },
        { x: '13', y: 0 },
        { x: '14', y: 1 },
      ],
    });
    expect((chart.fallback as Container).items.map(textOf)).toEqual([
      'Calls by hour (Europe/Berlin)',
      ...BARS(20),
    ]);
  });

  it('Teams: a bar chart of several series as Chart.VerticalBar.Grouped {data: [{legend, values: [{x, y}]}]}', () => {
    const grouped: ChartData = {
      kind: 'bar',
      title: 'Answered and missed by hour',
      labels: ['09', '10'],
      series: [
        { name: 'Answered', values: [5, 7] },
        { name: 'Missed', values: [1, 0] },
      ],
    };
    const card = renderTeams(buildReportReply({ chart: grouped }));
    const chart = card.body.find(
      (element): element is GroupedVerticalBarChart => element.type === 'Chart.VerticalBar.Grouped',
    );
    expect(chart?.data).toEqual([
      {
        legend: 'Answered',
        values: [
          { x: '09', y: 5 },
          { x: '10', y: 7 },
        ],
      },
      {
        legend: 'Missed',
        values: [
          { x: '09', y: 1 },
          { x: '10', y: 0 },
        ],
      },
    ]);
  });

  it('text: bars of the reply chart, quiet hours before the first and after the last call left out', () => {
    const lines = renderText(reply).split('\n');
    const start = lines.indexOf('Calls by hour (Europe/Berlin)');
    expect(lines.slice(start + 1, start + 8)).toEqual([...BARS(30), '']);
  });
});
