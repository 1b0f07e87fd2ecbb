import { parseAlertCommand } from './parse-alert-command';

/** What an alert command changes in its conversation: alerts turned on, or off. */
export type AlertChange = 'subscribe' | 'unsubscribe';

/**
 * Whether `text` would turn alerts on (`alerts missed …`) or off (`alerts off <id>`); undefined for
 * listing, help, words that do not read and report commands. Adapters use it to show a successful
 * change to the whole conversation, as for digests: alerts concern everyone there.
 */
export function readAlertChange(text: string): AlertChange | undefined {
  const parsed = parseAlertCommand(text);
  if (!parsed?.ok) return undefined;
  if (parsed.command.kind === 'subscribe') return 'subscribe';
  return parsed.command.kind === 'off' ? 'unsubscribe' : undefined;
}
