import { DateTime } from 'luxon';
import { type ParseContext, parseCommand } from '../../src/commands/parse-command';
import type { CommandError } from '../../src/core/errors';
import type { ReportRequest } from '../../src/core/report-request';

/** The instant a wall-clock time (`2026-11-18T14:30`) names in `timeZone`. */
export function localInstant(local: string, timeZone: string): Date {
  const instant = DateTime.fromISO(local, { zone: timeZone });
  if (!instant.isValid) throw new Error(`bad local time ${local} in ${timeZone}`);
  return instant.toJSDate();
}

/** A context whose clock shows `local` in `timeZone`. */
export function contextAt(
  local: string,
  timeZone: string,
  overrides: Partial<ParseContext> = {},
): ParseContext {
  return { now: localInstant(local, timeZone), timeZone, ...overrides };
}

/** Parses and fails the test with the parser's own message when the command is refused. */
export function parseOk(text: string, context: ParseContext): ReportRequest {
  const result = parseCommand(text, context);
  if (!result.ok)
    throw new Error(`"${text}" was refused: ${result.error.message} (example: ${result.error.example})`);
  return result.request;
}

/** Parses a command that must be refused and returns the error. */
export function parseError(text: string, context: ParseContext): CommandError {
  const result = parseCommand(text, context);
  if (result.ok) throw new Error(`"${text}" was accepted: ${JSON.stringify(result.request)}`);
  return result.error;
}

/** The window's ends as ISO 8601 with milliseconds and the zone's offset. */
export function windowIso(request: ReportRequest): [string, string] {
  const zone = request.window.timeZone;
  return [toIso(request.window.from, zone), toIso(request.window.to, zone)];
}

export function toIso(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toISO() ?? 'invalid';
}

/** `2026-11-18T14:30+01:00` -> `2026-11-18T14:30:00.000+01:00` (also accepts seconds). */
export function expandIso(short: string): string {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?([+-]\d{2}:\d{2})$/.exec(short);
  if (!match) throw new Error(`bad expected time ${short}`);
  return `${match[1]}${match[2] ?? ':00'}.000${match[3]}`;
}

/** Window length in hours (real elapsed time). */
export function windowHours(request: ReportRequest): number {
  return (request.window.to.getTime() - request.window.from.getTime()) / 3_600_000;
}
