import type { CallLogParameters } from '../core/report-request';

/** The 11 arguments of `Pbx.GetCallLogData(...)`, parsed. */
export interface CallLogArguments extends CallLogParameters {
  periodFromMs: number;
  periodToMs: number;
}

/** Why the arguments were refused: 404 for a bad call shape, 500 for a bad value (as 3CX does). */
export type CallLogArgumentsResult =
  | { ok: true; value: CallLogArguments }
  | { ok: false; status: 404 | 500; message: string };

type ArgumentType = 'date' | 'int' | 'string' | 'bool';

const PARAMETERS: ReadonlyArray<readonly [string, ArgumentType]> = [
  ['periodFrom', 'date'],
  ['periodTo', 'date'],
  ['sourceType', 'int'],
  ['sourceFilter', 'string'],
  ['destinationType', 'int'],
  ['destinationFilter', 'string'],
  ['callsType', 'int'],
  ['callTimeFilterType', 'int'],
  ['callTimeFilterFrom', 'string'],
  ['callTimeFilterTo', 'string'],
  ['hidePcalls', 'bool'],
];

/**
 * `callTimeFilterType` as the demo reads it: 1 = the call's start time of day, in the company's
 * zone, within [callTimeFilterFrom, callTimeFilterTo). 3CX does not document its codes; a real PBX
 * may read 1 (or any other code) differently. Other codes are accepted and filter nothing.
 */
export const START_TIME_OF_DAY_FILTER = 1;

/** A TimeSpan within one day: `H:MM`, `H:MM:S[S]` with up to 7 decimals (`0:00:0`, `17:30:00`). */
const TIME_OF_DAY = /^(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,7}))?)?$/;

/** The milliseconds after midnight a TimeSpan within one day names; undefined when it is not one. */
export function readTimeOfDayMs(text: string): number | undefined {
  const match = TIME_OF_DAY.exec(text);
  if (match === null) return undefined;
  const [hours, minutes, seconds] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  const fraction = Number(`0.${match[4] ?? '0'}`);
  return Math.floor(((hours * 60 + minutes) * 60 + seconds + fraction) * 1000);
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$/;

function notFound(detail: string): CallLogArgumentsResult {
  return {
    ok: false,
    status: 404,
    message: `No HTTP resource was found that matches the request URI: ${detail}`,
  };
}

function badValue(name: string, raw: string, type: string): CallLogArgumentsResult {
  return {
    ok: false,
    status: 500,
    message: `The value '${raw}' of parameter '${name}' is not a valid ${type}.`,
  };
}

/** `'O''Brien'` -> `O'Brien`; undefined when not a well-formed OData string literal. */
function parseStringLiteral(raw: string): string | undefined {
  if (raw.length < 2 || !raw.startsWith("'") || !raw.endsWith("'")) return undefined;
  const inner = raw.slice(1, -1);
  if (inner.replace(/''/g, '').includes("'")) return undefined;
  return inner.replace(/''/g, "'");
}

/**
 * Parses the text between the parentheses of the function call, as received (still
 * percent-encoded): split on literal `,`, then on the first `=`, then decode each value.
 */
export function parseCallLogArguments(argumentText: string): CallLogArgumentsResult {
  const parts = argumentText.split(',');
  if (parts.length !== PARAMETERS.length) {
    return notFound(`expected ${PARAMETERS.length} arguments, got ${parts.length}`);
  }
  const values: Record<string, unknown> = {};
  for (let index = 0; index < PARAMETERS.length; index += 1) {
    const [name, type] = PARAMETERS[index]!;
    const part = parts[index]!;
    const equals = part.indexOf('=');
    if (equals < 0 || part.slice(0, equals) !== name)
      return notFound(`argument ${index + 1} must be '${name}'`);
    let raw: string;
    try {
      raw = decodeURIComponent(part.slice(equals + 1));
    } catch {
      return notFound(`argument '${name}' is not valid percent-encoding`);
    }
    if (type === 'string') {
      const text = parseStringLiteral(raw);
      if (text === undefined) return notFound(`argument '${name}' must be a quoted string`);
      values[name] = text;
    } else if (type === 'int') {
      if (!/^-?\d{1,9}$/.test(raw)) return badValue(name, raw, 'Edm.Int32');
      values[name] = Number(raw);
    } else if (type === 'bool') {
      if (!/^(true|false)$/i.test(raw)) return badValue(name, raw, 'Edm.Boolean');
      values[name] = raw.toLowerCase() === 'true';
    } else {
      const ms = DATE_TIME.test(raw) ? Date.parse(raw) : Number.NaN;
      if (Number.isNaN(ms)) return badValue(name, raw, 'Edm.DateTimeOffset');
      values[`${name}Ms`] = ms;
    }
  }
  const args = values as unknown as CallLogArguments;
  if (args.callTimeFilterType === START_TIME_OF_DAY_FILTER) {
    for (const name of ['callTimeFilterFrom', 'callTimeFilterTo'] as const) {
      if (readTimeOfDayMs(args[name]) === undefined) return badValue(name, args[name], 'time of day');
    }
  }
  return { ok: true, value: args };
}
