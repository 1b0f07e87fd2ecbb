import type { CommandExplanation } from '../../commands/explain-command';
import { describeWindow } from '../../core/describe-window';
import { describeFilters } from '../../render/describe-filters';

/**
 * `explain` without `--json`: how the words read, for a person: the command as kept, the window
 * and zone, the filters, the names still to look up and every assumption. Nothing was run.
 */
export function renderExplanation(explanation: CommandExplanation): string {
  const { window } = explanation;
  const filters = describeFilters(explanation.filters);
  const lines = [
    `Command: ${explanation.command}`,
    `View: ${explanation.view}`,
    window
      ? `Window: ${describeWindow({ from: new Date(window.from), to: new Date(window.to), timeZone: window.timeZone })}`
      : 'Window: none (this command has no period)',
    ...(filters ? [`Filters: ${filters}`] : []),
    ...(explanation.names.length > 0 ? [`Names to look up: ${explanation.names.join(', ')}`] : []),
    ...(explanation.assumptions.length > 0
      ? ['Assumptions:', ...explanation.assumptions.map((assumption) => `  - ${assumption.text}`)]
      : ['Assumptions: none']),
  ];
  return `${lines.join('\n')}\n`;
}
