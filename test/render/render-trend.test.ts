import type { Trend } from '../../src/core/answers';
import type { ChartData } from '../../src/core/reply';
import type { FactSet, LineChart } from '../../src/render/adaptive-card';
import { measureCardBytes, TEAMS_CARD_MAX_BYTES } from '../../src/render/adaptive-card';
import { renderSlack } from '../../src/render/render-slack';
import { renderTeams } from '../../src/render/render-teams';
import { renderText } from '../../src/render/render-text';
import { buildAnswerReply, buildBucket, buildWeeklyTrend } from './fixtures/build-answers';
import { expectWithinSlackLimits, sectionTexts } from './fixtures/expect-slack-limits';

const TABLE = [
  'Week by week',
  'Week            Calls  Answered  Missed  Service level  Avg wait',
  'week of 31 Aug    200       180      20            85%      0:12',
  'week of 7 Sep     210       189      21            85%      0:12',
];
const EMPTY_WEEK = 'week of 19 Oct      0         0       0              —         —';

/** The chart the reply carries for a trend, as the report service makes it: calls, answered, missed per bucket. */
function trendChart(trend: Trend): ChartData {
  return {
    kind: 'line',
    title: 'Calls by week (Europe/Berlin)',
    labels: trend.buckets.map((_, index) => `W${index + 1}`),
    series: [
      { name: 'Calls', values: trend.buckets.map((bucket) => bucket.calls) },
      { name: 'Answered', values: trend.buckets.map((bucket) => bucket.answered) },
      { name: 'Missed', values: trend.buckets.map((bucket) => bucket.missed) },
    ],
  };
}

describe('a trend: a table of buckets, then its chart', () => {
  const trend = buildWeeklyTrend();
  const reply = buildAnswerReply({ trend });

  it('text: a row per bucket labelled by its unit, "—" where a bucket had nothing to measure, then bars', () => {
    const lines = renderText(reply).split('\n').slice(3);
    expect(lines.slice(0, 4)).toEqual(TABLE);
    expect(lines[9]).toBe(EMPTY_WEEK);
    expect(lines.slice(16, 19)).toEqual([
      'Calls by week',
      `week of 31 Aug ${'█'.repeat(19)}${' '.repeat(11)} 200`,
      `week of 7 Sep  ${'█'.repeat(20)}${' '.repeat(10)} 210`,
    ]);
    expect(lines[24]).toBe(`week of 19 Oct ${' '.repeat(30)} 0`);
    expect(lines[29]).toBe(`week of 23 Nov ${'█'.repeat(30)} 320`);
  });

  it('labels days and months their own way', () => {
    const days: Trend = { by: 'day', buckets: [buildBucket('2026-11-02', '2026-11-03', 41)] };
    expect(
      renderText(buildAnswerReply({ trend: days }))
        .split('\n')
        .slice(3, 6),
    ).toEqual([
      'Day by day',
      'Day        Calls  Answered  Missed  Service level  Avg wait',
      'Mon 2 Nov     41        37       4            85%      0:12',
    ]);
    const months: Trend = { by: 'month', buckets: [buildBucket('2026-11-01', '2026-12-01', 900)] };
    expect(renderText(buildAnswerReply({ trend: months })).split('\n')[5]).toMatch(/^Nov 2026 +900 /);
  });

  it('13 weeks in Slack: the table in one monospaced section and the chart as text bars, within Block Kit limits', () => {
    const message = renderSlack(reply);
    expectWithinSlackLimits(message);
    const texts = sectionTexts(message);
    expect(texts[0]).toBe(
      `*${TABLE[0]}*\n\`\`\`\n${TABLE.slice(1).join('\n')}\n${texts[0]?.split('\n').slice(5).join('\n')}`,
    );
    expect(texts[0]).toContain(EMPTY_WEEK);
    expect(texts[0]?.split('\n')).toHaveLength(2 + 1 + 13 + 1);
    expect(texts[1]?.split('\n').slice(0, 3)).toEqual([
      '*Calls by week*',
      '```',
      `week of 31 Aug ${'█'.repeat(13)}${' '.repeat(7)} 200`,
    ]);
    expect(message.blocks.some((block) => block.type === 'image')).toBe(false);
  });

  it('13 weeks in Slack with a chart picture: the image block in place of the bars', () => {
    const message = renderSlack(buildAnswerReply({ trend }, { chart: trendChart(trend) }), {
      chartImage: { imageUrl: 'https://calls.example.com/charts/3f9a.png' },
    });
    expectWithinSlackLimits(message);
    expect(message.blocks.filter((block) => block.type === 'image')).toEqual([
      {
        type: 'image',
        image_url: 'https://calls.example.com/charts/3f9a.png',
        alt_text: 'Calls by week (Europe/Berlin)',
        title: { type: 'plain_text', text: 'Calls by week (Europe/Berlin)', emoji: true },
      },
    ]);
    expect(sectionTexts(message).some((text) => text.startsWith('*Calls by week'))).toBe(false);
  });

  it('13 weeks in Teams: the buckets as facts, the chart as Chart.Line with a series per figure', () => {
    const card = renderTeams(buildAnswerReply({ trend }, { chart: trendChart(trend) }));
    expect(measureCardBytes(card)).toBeLessThanOrEqual(TEAMS_CARD_MAX_BYTES);
    const facts = card.body.find((element): element is FactSet => element.type === 'FactSet')!;
    expect(facts.facts).toHaveLength(13);
    expect(facts.facts[0]).toEqual({
      title: 'week of 31 Aug',
      value: 'Calls 200 · Answered 180 · Missed 20 · Service level 85% · Avg wait 0:12',
    });
    expect(facts.facts[7]?.value).toBe('Calls 0 · Answered 0 · Missed 0 · Service level — · Avg wait —');
    const chart = card.body.find((element): element is LineChart => element.type === 'Chart.Line')!;
    expect(chart.title).toBe('Calls by week (Europe/Berlin)');
    expect(chart.xAxisTitle).toBe('Week');
    expect(chart.data.map((series) => series.legend)).toEqual(['Calls', 'Answered', 'Missed']);
    expect(chart.data[0]?.values.slice(0, 2)).toEqual([
      { x: 'W1', y: 200 },
      { x: 'W2', y: 210 },
    ]);
    expect(chart.data.every((series) => series.values.length === 13)).toBe(true);
  });

  it('92 days fit both: every day in the Slack table within Block Kit limits, and in Teams', () => {
    const start = Date.UTC(2026, 7, 1);
    const day = (offset: number) => new Date(start + offset * 86_400_000).toISOString().slice(0, 10);
    const days: Trend = {
      by: 'day',
      buckets: Array.from({ length: 92 }, (_, index) => buildBucket(day(index), day(index + 1), 100 + index)),
    };
    const long = buildAnswerReply({ trend: days }, { chart: { ...trendChart(days), title: 'Calls by day' } });
    const message = renderSlack(long);
    expectWithinSlackLimits(message);
    const text = sectionTexts(message).join('\n');
    expect(text).toContain('Sat 1 Aug ');
    expect(text).toContain('Fri 30 Oct ');
    const card = renderTeams(long);
    expect(measureCardBytes(card)).toBeLessThanOrEqual(TEAMS_CARD_MAX_BYTES);
    expect(card.body.find((element): element is FactSet => element.type === 'FactSet')?.facts).toHaveLength(
      92,
    );
    expect(card.body.find((element): element is LineChart => element.type === 'Chart.Line')?.fallback).toBe(
      'drop',
    );
  });

  it('106 weeks in Slack: the bars give way first, cut with "…and N more", within Block Kit limits', () => {
    const start = Date.UTC(2024, 11, 2);
    const day = (offset: number) => new Date(start + offset * 86_400_000).toISOString().slice(0, 10);
    const weeks: Trend = {
      by: 'week',
      buckets: Array.from({ length: 106 }, (_, index) =>
        buildBucket(day(index * 7), day(index * 7 + 7), 1000 + index),
      ),
    };
    const message = renderSlack(buildAnswerReply({ trend: weeks }));
    expectWithinSlackLimits(message);
    expect(sectionTexts(message).join('\n')).toMatch(/…and \d+ more/);
  });
});
