import { z } from 'zod';
import type { ReportFocus } from '../core/reply';

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
