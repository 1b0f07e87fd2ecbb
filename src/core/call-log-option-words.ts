import { type CallLogParameters, DEFAULT_CALL_LOG_PARAMETERS } from './report-request';

/** The 3CX report parameters as the command language names them, in the order they are written. */
export const CALL_LOG_OPTION_NAMES: Readonly<Record<keyof CallLogParameters, string>> = Object.freeze({
  sourceType: 'source-type',
  sourceFilter: 'source',
  destinationType: 'dest-type',
  destinationFilter: 'dest',
  callsType: 'calls-type',
  callTimeFilterType: 'time-filter',
  callTimeFilterFrom: 'time-from',
  callTimeFilterTo: 'time-to',
  hidePcalls: 'pcalls',
});

/**
 * The 3CX report options in effect, as the command words that set them (`calls-type=2`,
 * `pcalls=show`, ...): every parameter that differs from 3CX's default, and with a time filter
 * both of its times (they are what it filters by, defaults or not). Parsing the words gives the
 * same parameters back. [] when every parameter is the default.
 */
export function callLogOptionWords(callLog: CallLogParameters): string[] {
  const timed = callLog.callTimeFilterType !== DEFAULT_CALL_LOG_PARAMETERS.callTimeFilterType;
  const words: string[] = [];
  for (const key of Object.keys(CALL_LOG_OPTION_NAMES) as (keyof CallLogParameters)[]) {
    const value = callLog[key];
    const isTime = key === 'callTimeFilterFrom' || key === 'callTimeFilterTo';
    if (value === DEFAULT_CALL_LOG_PARAMETERS[key] && !(isTime && timed)) continue;
    const text = key === 'hidePcalls' ? (value ? 'hide' : 'show') : String(value);
    words.push(`${CALL_LOG_OPTION_NAMES[key]}=${quoteOptionValue(text)}`);
  }
  return words;
}

/** A value as one command word: bare when it can be, else in double (or, holding `"`, single) quotes. */
export function quoteOptionValue(text: string): string {
  if (text !== '' && !/[\s"']/.test(text)) return text;
  return text.includes('"') ? `'${text}'` : `"${text}"`;
}
