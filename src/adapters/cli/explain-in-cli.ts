import { explainCommand } from '../../commands/explain-command';
import type { ParseContext } from '../../commands/parse-command';
import { explainScheduleCommand } from '../../schedule/explain-schedule-command';
import { renderExplanation } from './render-explanation';
import type { TextSink } from './write-rows-as-json';

/**
 * `npm run -s calls -- explain <words> [--json]`: how the words read, without running the report
 * or asking the PBX anything. `--json` prints the contract's object alone on stdout; words that do
 * not read throw their `CommandError` (stderr, exit 2) before anything is printed.
 */
export function explainInCli(text: string, context: ParseContext, json: boolean, stdout: TextSink): void {
  const result = explainScheduleCommand(text, context) ?? explainCommand(text, context);
  if (!result.ok) throw result.error;
  stdout.write(
    json ? `${JSON.stringify(result.explanation, null, 2)}\n` : renderExplanation(result.explanation),
  );
}
