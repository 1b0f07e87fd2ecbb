import { formatCommand } from '../chat/format-command';
import type { CommandError } from '../core/errors';
import type { Report } from '../core/report';
import type { Assumption, ReportRequest } from '../core/report-request';
import { copyFilters } from '../report/copy-filters';
import { ZoneClock } from '../report/zone-clock';
import { type ParseContext, parseCommand } from './parse-command';

/**
 * `explain <words>`: how the words read, without running a report or asking the PBX. The shape is
 * the product contract's (`npm run -s calls -- explain … --json` prints it as is).
 */
export interface CommandExplanation {
  view: string;
  /** The normalised command text that buttons and digests store. */
  command: string;
  /** The resolved window, cut at now; null for commands without one (`help`). */
  window: ExplainedWindow | null;
  /** The columns' windows of a `compare` (none in the views this parser reads). */
  windows: ExplainedWindow[];
  filters: ExplainedFilters;
  /** Names not yet resolved against the directory. */
  names: string[];
  assumptions: Assumption[];
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
  return {
    ok: true,
    explanation: {
      view: request.view,
      command: hasWindow ? formatCommand(request) : 'help',
      window: hasWindow ? explainWindow(request) : null,
      windows: [],
      filters: copyFilters(request.filters, request.callLog),
      names: [...request.names],
      assumptions: request.assumptions.map((assumption) => ({ ...assumption })),
    },
  };
}

function explainWindow(request: ReportRequest): ExplainedWindow {
  const { from, to, timeZone } = request.window;
  const clock = ZoneClock.of(timeZone);
  return { from: clock.formatIso(from.getTime()), to: clock.formatIso(to.getTime()), timeZone };
}
