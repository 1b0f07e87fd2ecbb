import { personName } from '../commands/natural/read-person-name';
import { type ParseContext, parseCommand } from '../commands/parse-command';
import type { ReplyAction } from '../core/reply';
import { encodeActionValue } from './action-value';
import { formatCommand } from './format-command';
import { scanNames } from './scan-names';

/**
 * The buttons for an ambiguous name in `text` (read with `context.directory`): one per person it
 * could be, labelled `ext 101 (Ben Okafor)`, each running the command as if only that person had
 * the name, stored as the normalised command (`… ext 101`) like every button. Empty when no name
 * is ambiguous, or no candidate gives a command that reads.
 */
export function buildNameChoices(text: string, context: ParseContext): ReplyAction[] {
  const people = context.directory ?? [];
  const ambiguous = scanNames(text, people).find((read) => read.kind === 'ambiguous');
  if (ambiguous?.kind !== 'ambiguous') return [];
  const choices: ReplyAction[] = [];
  for (const person of ambiguous.candidates) {
    const others = ambiguous.candidates.filter((candidate) => candidate !== person);
    const directory = people.filter((entry) => !others.includes(entry));
    const parsed = parseCommand(text, { ...context, directory });
    if (!parsed.ok) continue;
    const { request } = parsed;
    const focus = request.filters.status === 'missed' ? 'missed' : 'summary';
    choices.push({
      id: 'summary',
      key: person.extension,
      label: `ext ${person.extension} (${personName(person)})`,
      value: encodeActionValue({ command: formatCommand(request), focus }),
    });
  }
  return choices;
}
