import type { Report } from '../core/report';
import { cleanText, truncateText } from './clean-text';
import { describeCallee } from './describe-party';
import {
  describeCallbackState,
  describeNoMisses,
  describeUnreturnedCaller,
  groupUnreturned,
  PLAIN_STYLE,
} from './describe-unreturned';
import { formatCount } from './format-number';
import { formatTextTable } from './format-text-table';
import { formatTimeOfDay } from './format-time-of-day';

const MAX_NAME_CHARS = 40;

/**
 * The `unreturned` list for a terminal: a title, then per state (open, tried, returned,
 * anonymous) its calls oldest first as an aligned table; every entry shown.
 */
export function renderUnreturnedText(report: Report): string[] {
  const calls = report.unreturned ?? [];
  if (calls.length === 0) return [describeNoMisses(report)];
  const lines = [`Missed calls and call-backs (${formatCount(calls.length)})`];
  for (const group of groupUnreturned(calls)) {
    lines.push(
      '',
      group.title,
      ...formatTextTable(
        [{ header: 'When' }, { header: 'Caller' }, { header: 'Ended at' }, { header: 'State' }],
        group.calls.map((call) => [
          formatTimeOfDay(call.start),
          describeUnreturnedCaller(call, PLAIN_STYLE),
          truncateText(cleanText(describeCallee(call.to, call.toName)), MAX_NAME_CHARS),
          describeCallbackState(call),
        ]),
      ),
    );
  }
  return lines;
}
