import { DateTime } from 'luxon';
import { type ParseContext, parseCommand } from '../../src/commands/parse-command';
import { CommandError } from '../../src/core/errors';
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

/**
 * What holds for any text: a refusal is a CommandError with a message (never the last-resort
 * catch); an accepted window lies in the asker's zone, ends at or before now, is not empty and is
 * at most `maxPeriodDays` long. Returns the result for further checks.
 */
export function expectSaneResult(text: string, context: ParseContext): ReturnType<typeof parseCommand> {
  const result = parseCommand(text, context);
  if (!result.ok) {
    expect(result.error).toBeInstanceOf(CommandError);
    expect(result.error.message.length).toBeGreaterThan(0);
    expect(result.error.message).not.toBe('I could not read that command.');
    return result;
  }
  const { from, to, timeZone } = result.request.window;
  expect(timeZone).toBe(context.timeZone);
  expect(from.getTime()).toBeLessThan(to.getTime());
  expect(to.getTime()).toBeLessThanOrEqual(context.now.getTime());
  const days = DateTime.fromJSDate(to, { zone: timeZone }).diff(
    DateTime.fromJSDate(from, { zone: timeZone }),
    'days',
  ).days;
  expect(days).toBeLessThanOrEqual(context.maxPeriodDays ?? 400);
  return result;
}

/** When `text` is refused with an example, the example itself is accepted. */
export function expectExampleAccepted(text: string, context: ParseContext): void {
  const result = parseCommand(text, context);
  if (result.ok || result.error.example === undefined) return;
  const again = parseCommand(result.error.example, context);
  expect(again.ok ? 'ok' : `${text} -> ${result.error.example} -> ${again.error.message}`).toBe('ok');
}
