import { type CommandExplanation, type ExplainResult, explainCommand } from '../commands/explain-command';
import type { ParseContext } from '../commands/parse-command';
import { emptyFilters } from '../core/report-request';
import { parseScheduleCommand, type ScheduleCommand } from './parse-schedule-command';

/**
 * `explain` of a digest command (`schedule …`, `schedules`, `unschedule <id>`): the contract's
 * object with view `schedule` and no window (a digest's window moves with every run), or undefined
 * when the text is not a digest command. A `schedule` explains the report words as read at the
 * first run, and its `command` is the rule and words as the digest keeps them. Nothing is stored
 * or looked up.
 */
export function explainScheduleCommand(text: string, context: ParseContext): ExplainResult | undefined {
  const parsed = parseScheduleCommand(text, context);
  if (!parsed) return undefined;
  if (!parsed.ok) return parsed;
  const { command } = parsed;
  if (command.kind !== 'create') return { ok: true, explanation: withoutReport(commandTextOf(command)) };
  const report = explainCommand(command.command, { ...context, now: command.firstRunAt });
  if (!report.ok) return report;
  return {
    ok: true,
    explanation: {
      ...report.explanation,
      view: 'schedule',
      command: `schedule ${command.rule.description} ${command.command}`,
      window: null,
      windows: [],
      // As read from the words typed: a name the directory resolved is stored as `ext N`, and said.
      names: [...command.request.names],
      assumptions: command.request.assumptions.map((assumption) => ({ ...assumption })),
    },
  };
}

function commandTextOf(command: Exclude<ScheduleCommand, { kind: 'create' }>): string {
  switch (command.kind) {
    case 'list':
      return 'schedules';
    case 'delete':
      return `unschedule ${command.id}`;
    case 'help':
      return 'schedule help';
  }
}

function withoutReport(command: string): CommandExplanation {
  return {
    view: 'schedule',
    command,
    window: null,
    windows: [],
    filters: emptyFilters(),
    names: [],
    assumptions: [],
  };
}
