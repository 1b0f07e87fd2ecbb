import { renderSlack } from '../../src/render/render-slack';
import { teamsSummaryText } from '../../src/render/render-teams';
import { summarizeReply } from '../../src/render/summarize-reply';
import {
  buildAnswerReply,
  buildComparison,
  buildExtensionRanking,
  buildFocusReport,
  buildPrevious,
  buildTotals,
  buildWeeklyTrend,
} from './fixtures/build-answers';

const WEEK = 'Mon 16 – Sun 22 Nov 2026 (Europe/Berlin)';

describe('the notification text says what the answer is', () => {
  it('a summary: its totals, the calls against the period before', () => {
    expect(summarizeReply(buildAnswerReply({ totals: buildTotals(), previous: buildPrevious() }))).toBe(
      `${WEEK}: 69 calls (▲ 15%), 46 answered, 4 missed`,
    );
  });

  it("the extension's own view: their own counts first, then all the calls", () => {
    expect(summarizeReply(buildAnswerReply(buildFocusReport()))).toBe(
      `${WEEK}: Ben Okafor (ext 101) offered 29, answered 25, missed 3; 69 calls in all`,
    );
  });

  it('a comparison: the sides and their counts side by side', () => {
    expect(summarizeReply(buildAnswerReply({ comparison: buildComparison() }))).toBe(
      'Compared: Ben Okafor (ext 101) vs. Ana Silva (ext 102): 69 vs. 60 calls, 46 vs. 46 answered, 4 vs. 5 missed',
    );
  });

  it('a ranking: its title and the top three', () => {
    const reply = buildAnswerReply({ ranking: buildExtensionRanking() });
    expect(summarizeReply(reply)).toBe(
      `Top 3 extensions by missed calls, ${WEEK}: 1. 101 Ben Okafor 4, 2. 102 Ana Silva 2, 3. 103 Tom Berg 2`,
    );
    expect(renderSlack(reply).text).toBe(summarizeReply(reply));
    expect(teamsSummaryText(reply)).toBe(summarizeReply(reply));
  });

  it('a trend: how many buckets, and the totals', () => {
    expect(summarizeReply(buildAnswerReply({ trend: buildWeeklyTrend() }))).toBe(
      `${WEEK} by week: 13 weeks, 3 calls, 2 answered, 1 missed`,
    );
  });
});
