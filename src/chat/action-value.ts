import { DateTime } from 'luxon';
import { z } from 'zod';
import { CommandError } from '../core/errors';
import type { ReportFocus } from '../core/reply';
import { formatLocalDateTime } from '../schedule/format-local-time';

/**
 * What a button carries: the command to run again and what to show first. It comes back from
 * the chat platform as untrusted input, so it is decoded strictly and the command is re-parsed
 * (and access re-checked) like typed text.
 */
export interface ActionValue {
  command: string;
  focus: ReportFocus;
}

/** Slack allows 2,000 characters in a button value; commands are far shorter. */
const MAX_VALUE_LENGTH = 2000;

const actionValueSchema = z.strictObject({
  v: z.literal(1),
  c: z.string().max(1500),
  f: z.enum(['summary', 'missed', 'extensions']),
});

export function encodeActionValue(value: ActionValue): string {
  return JSON.stringify({ v: 1, c: value.command, f: value.focus });
}

export function decodeActionValue(text: unknown): ActionValue | undefined {
  if (typeof text !== 'string' || text.length > MAX_VALUE_LENGTH) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = actionValueSchema.safeParse(json);
  return parsed.success ? { command: parsed.data.c, focus: parsed.data.f } : undefined;
}

/** `from=<ISO>` as `formatCommand` writes it (a forged value spelled otherwise meets the parser's own check). */
const WINDOW_START = /(?:^|\s)from=(\S+)/i;

/**
 * Refuses a button whose period starts at or after `now` (the reply's clock): the bot never offers
 * one, so it is forged or from a broken build, and it is refused before anything is looked up. A
 * period that starts before now but ends after it is answered up to now, as typed `from=… to=…` is.
 */
export function refuseUnbegunWindow(value: ActionValue, now: Date, timeZone: string): void {
  const text = WINDOW_START.exec(value.command)?.[1];
  if (text === undefined) return;
  const start = DateTime.fromISO(text, { zone: timeZone });
  if (!start.isValid || start.toMillis() < now.getTime()) return;
  throw new CommandError(
    `That button asks for a period starting ${formatLocalDateTime(start.toJSDate(), timeZone)}, which has not begun: it is now ${formatLocalDateTime(now, timeZone)} (${timeZone}). Nothing was looked up.`,
    'today',
  );
}
