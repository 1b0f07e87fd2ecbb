import { formatCommand } from '../chat/format-command';
import { writeNamesAsExtensions } from '../commands/natural/write-names-as-extensions';
import type { ParseContext } from '../commands/parse-command';
import { parseCommand } from '../commands/parse-command';
import { CommandError } from '../core/errors';
import type { ReportRequest } from '../core/report-request';

/**
 * The report words a digest keeps: as typed, except that people's names the directory resolved
 * (`request`, read with `context.directory`) are written as their extensions (`yesterday ext
 * 101`), as buttons store them, so each run reads the same extension without the directory and a
 * later namesake changes nothing. Refused when the rewritten words would not read the same.
 */
export function digestReportWords(
  words: string,
  request: ReportRequest,
  context: ParseContext,
): { ok: true; words: string } | { ok: false; error: CommandError } {
  const { directory, ...withoutPeople } = context;
  if (!directory || !request.assumptions.some((assumption) => assumption.code === 'name'))
    return { ok: true, words };
  const stored = writeNamesAsExtensions(words, directory);
  const check = parseCommand(stored, withoutPeople);
  if (check.ok && check.request.names.length === 0 && formatCommand(check.request) === formatCommand(request))
    return { ok: true, words: stored };
  const extensions = request.filters.extensions.map((number) => `ext ${number}`).join(' ');
  const error = new CommandError(
    `A digest keeps extensions, not names, and "${words}" could not be written with them: name the extension instead.`,
    `yesterday ${extensions}`.trim(),
  );
  return { ok: false, error };
}
