import { formatCommand } from '../chat/format-command';
import type { ComparisonBy, RankingRequest, TableFirst, TrendUnit } from '../core/answers';
import type { CommandError } from '../core/errors';
import type { Report } from '../core/report';
import type { Assumption, ReportRequest } from '../core/report-request';
import type { TimeWindow } from '../core/time-window';
import { countTrendBuckets } from '../core/trend-edges';
import { copyFilters } from '../report/copy-filters';
import { ZoneClock } from '../report/zone-clock';
import { describeAnswer } from './describe-answer';
import { type ParseContext, parseCommand } from './parse-command';

/**
 * `explain <words>`: how the words read, without running a report or asking the PBX. The shape is
 * the product contract's (`npm run -s calls -- explain … --json` prints it as is); the keys after
 * `assumptions` are there only for what is asked beyond the summary (docs/command-language.md).
 */
export interface CommandExplanation {
  /** `summary`, `list`, `unreturned`, `rows`, `help`, or what is computed instead: `ranking`, `trend`, `compare`. */
  view: string;
  /** The normalised command text that buttons and digests store. */
  command: string;
  /** The resolved window, cut at now; null for commands without one (`help`). For a `compare`, the first side's. */
  window: ExplainedWindow | null;
  /** The columns' windows of a `compare`, in order; empty otherwise. */
  windows: ExplainedWindow[];
  filters: ExplainedFilters;
  /** Names not yet resolved against the directory. */
  names: string[];
  assumptions: Assumption[];
  /** What will be computed, for people: "a ranking: top 10 extensions by missed". */
  computes?: string;
  ranking?: RankingRequest;
  /** The trend's unit, where its weeks start, and how many calendar buckets the window makes. */
  trend?: { by: TrendUnit; weekStart: 'monday' | 'sunday'; buckets: number };
  /** The comparison's sides: each column's window and filters. */
  comparison?: { by: ComparisonBy; sides: Array<{ window: ExplainedWindow; filters: ExplainedFilters }> };
  tableFirst?: TableFirst;
}

export interface ExplainedWindow {
  from: string;
  to: string;
  timeZone: string;
}

/** The filters as the report's JSON writes them. */
export type ExplainedFilters = Report['filters'];

export type ExplainResult =
  | { ok: true; explanation: CommandExplanation }
  | { ok: false; error: CommandError };

/** Explains `text` (with or without a leading `explain`) as `parseCommand` reads it. */
export function explainCommand(text: string, context: ParseContext): ExplainResult {
  const words = String(text ?? '').replace(/^\s*explain(\s+|$)/i, '');
  const parsed = parseCommand(words, context);
  if (!parsed.ok) return parsed;
  const { request } = parsed;
  const hasWindow = request.view !== 'help';
  const { ranking, trend, comparison, tableFirst } = request;
  const buckets = trend && countTrendBuckets(request.window, trend.by, trend.weekStart);
  const computes = describeAnswer(request, buckets);
  const sides = comparison?.sides.map((side) => ({
    window: explainWindow(side.window),
    filters: copyFilters(side.filters, request.callLog),
  }));
  return {
    ok: true,
    explanation: {
      view: viewOf(request),
      command: hasWindow ? formatCommand(request) : 'help',
      window: hasWindow ? explainWindow(request.window) : null,
      windows: sides?.map((side) => side.window) ?? [],
      filters: copyFilters(request.filters, request.callLog),
      names: [...request.names],
      assumptions: request.assumptions.map((assumption) => ({ ...assumption })),
      ...(computes ? { computes } : {}),
      ...(ranking ? { ranking: { ...ranking } } : {}),
      ...(trend && buckets !== undefined ? { trend: { ...trend, buckets } } : {}),
      ...(comparison && sides ? { comparison: { by: comparison.by, sides } } : {}),
      ...(tableFirst ? { tableFirst } : {}),
    },
  };
}

/** The contract's `view`: what is computed when it is more than the summary. */
function viewOf(request: ReportRequest): string {
  if (request.comparison) return 'compare';
  if (request.ranking) return 'ranking';
  if (request.trend) return 'trend';
  return request.view;
}

function explainWindow(window: TimeWindow): ExplainedWindow {
  const { from, to, timeZone } = window;
  const clock = ZoneClock.of(timeZone);
  return { from: clock.formatIso(from.getTime()), to: clock.formatIso(to.getTime()), timeZone };
}
