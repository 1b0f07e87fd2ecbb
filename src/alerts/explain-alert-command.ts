import type { ExplainResult } from '../commands/explain-command';
import { emptyFilters } from '../core/report-request';
import { alertCommandWords, parseAlertCommand } from './parse-alert-command';

/**
 * `explain` of an alert command (`alerts missed …`, `alerts`, `alerts off <id>`, `alerts help`):
 * the contract's object with view `alerts` and no window (alerts follow calls as they end), the
 * normalised command, and for a subscription its filters (`status` missed); undefined when the
 * text is not an alert command. Nothing is stored or looked up: an agent's own extension is filled
 * in only when they subscribe.
 */
export function explainAlertCommand(text: string): ExplainResult | undefined {
  const parsed = parseAlertCommand(text);
  if (!parsed) return undefined;
  if (!parsed.ok) return parsed;
  const { command } = parsed;
  const filters = emptyFilters();
  if (command.kind === 'subscribe') {
    filters.extensions = [...command.filters.extensions];
    filters.queues = [...command.filters.queues];
    filters.status = 'missed';
  }
  return {
    ok: true,
    explanation: {
      view: 'alerts',
      command: alertCommandWords(command),
      window: null,
      windows: [],
      filters,
      names: [],
      assumptions: [],
    },
  };
}
