import { explainWords, toExplainReply } from '../../chat/answer-explain-text';
import type { ParseContext } from '../../commands/parse-command';
import { renderText } from '../../render/render-text';
import type { TextSink } from './write-rows-as-json';

/**
 * `npm run -s calls -- explain <words> [--json]`: how the words read, without running the report
 * or asking the PBX anything. `--json` prints the contract's object alone on stdout; without it,
 * the explanation as chat shows it (one renderer, `renderText`). Words that do not read throw their
 * `CommandError` (stderr, exit 2) before anything is printed.
 */
export function explainInCli(text: string, context: ParseContext, json: boolean, stdout: TextSink): void {
  const result = explainWords(text, context, undefined);
  if (!result.ok) throw result.error;
  stdout.write(
    json
      ? `${JSON.stringify(result.explanation, null, 2)}\n`
      : `${renderText(toExplainReply(text, result.explanation, undefined))}\n`,
  );
}
