import type { ExplainResult } from '../commands/explain-command';
import { emptyFilters } from '../core/report-request';
import { historyCommandWords, parseHistoryCommand } from './parse-history-command';

/**
 * `explain` of a history command (`history`, `history purge`, `history purge confirm`): the
 * contract's object with view `history`, no window and no filters (the history is every call of
 * the days kept), and the normalised command; undefined when the text is not a history command.
 * Nothing is read or deleted.
 */
export function explainHistoryCommand(text: string): ExplainResult | undefined {
  const parsed = parseHistoryCommand(text);
  if (!parsed) return undefined;
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    explanation: {
      view: 'history',
      command: historyCommandWords(parsed.command),
      window: null,
      windows: [],
      filters: emptyFilters(),
      names: [],
      assumptions: [],
    },
  };
}
