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
  return { ok: true, value: values as unknown as CallLogArguments };
}
