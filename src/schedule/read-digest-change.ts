import { unescapeCommandText } from '../commands/unescape-command-text';
import { splitScheduleWords } from './schedule-words';

/** What a digest command changes in its conversation: a digest created, or one removed. */
export type DigestChange = 'create' | 'remove';

const REMOVE_WORDS = ['delete', 'remove', 'rm', 'cancel'];
const LOOK_WORDS = ['help', '?', 'list', 'ls'];

/**
 * Whether `text` would create (`schedule <when> …`) or remove (`unschedule <id>`,
 * `schedule delete <id>`) a digest, by its first words only (as `parseScheduleCommand` reads
 * them); undefined for listing, help and report commands. Adapters use it to show a successful
 * change to the whole conversation, since a digest concerns everyone there.
 */
export function readDigestChange(text: string): DigestChange | undefined {
  const words = splitScheduleWords(unescapeCommandText(String(text ?? '')).trim());
  const first = words[0]?.lower;
  const second = words[1]?.lower;
  if (first === 'unschedule') return 'remove';
  if (first !== 'schedule' || second === undefined || LOOK_WORDS.includes(second)) return undefined;
  return REMOVE_WORDS.includes(second) ? 'remove' : 'create';
}
