import type { CallLogParameters } from '../core/report-request';
import {
  type ODataReadResult,
  readCallLogFields,
  readCallLogFilter,
  readCallLogOrderBy,
} from '../odata/read-call-log-options';
import { addUnique, type CommandDraft } from './command-draft';
import { FILTER_WORDS, lookupWord } from './command-vocabulary';
import { suggestKeyword } from './suggest-keyword';
import type { CommandToken } from './tokenize-command';

interface OptionRule {
  /** Kept for the PBX in every view (`false`) or an OData option for `rows` only (`true`). */
  odata: boolean;
  /** What the value must be, completing "`key` must be ...". */
  allowed: string;
  /** A valid value for the corrected example. */
  example: string;
  /** Stores the value; false when it is not allowed, or the reader's reason why not. */
  apply(value: string, draft: CommandDraft): boolean | string;
}

const WHOLE_NUMBER = 'a whole number, 0 or more';
const TIME_OF_DAY = /^(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?$/;
const FIELD_LIST = 'call-log field names separated by commas';

const RULES: Readonly<Record<string, OptionRule>> = {
  'source-type': callLogNumber('sourceType'),
  source: callLogText('sourceFilter'),
  'dest-type': callLogNumber('destinationType'),
  dest: callLogText('destinationFilter'),
  'calls-type': callLogNumber('callsType'),
  'time-filter': callLogNumber('callTimeFilterType', '1'),
  'time-from': callLogTime('callTimeFilterFrom'),
  'time-to': callLogTime('callTimeFilterTo'),
  pcalls: {
    odata: false,
    allowed: 'show or hide',
    example: 'show',
    apply: (value, draft) =>
      storeIf(/^(show|hide)$/i.test(value), () => {
        draft.callLog.hidePcalls = value.toLowerCase() === 'hide';
      }),
  },
  top: odataNumber('top'),
  skip: odataNumber('skip'),
  search: {
    odata: true,
    allowed: 'text',
    example: 'Smith',
    apply: (value, draft) =>
      storeIf(value.trim() !== '', () => {
        draft.odata.search = value;
      }),
  },
  filter: odataParsed('an OData expression', '"Answered eq true"', readCallLogFilter, (draft, filter) => {
    draft.odata.filter = filter;
  }),
  count: {
    odata: true,
    allowed: 'true or false (or just the word count)',
    example: 'true',
    apply: (value, draft) =>
      storeIf(/^(true|false)$/i.test(value), () => {
        draft.odata.count = value.toLowerCase() === 'true';
      }),
  },
  select: odataParsed(FIELD_LIST, 'StartTime,SourceDn,DestinationDn', readCallLogFields, (draft, fields) => {
    draft.odata.select = fields;
  }),
  orderby: odataParsed(
    'call-log field names, each optionally followed by asc or desc, separated by commas',
    '"StartTime desc"',
    readCallLogOrderBy,
    (draft, keys) => {
      draft.odata.orderby = keys;
    },
  ),
  expand: odataParsed(FIELD_LIST, 'Recordings', readCallLogFields, (draft, fields) => {
    draft.odata.expand = fields;
  }),
};

/** Spellings people use for each option (lower-case, without `-` and `_`). */
const ALIASES: Readonly<Record<string, string>> = {
  sourcetype: 'source-type',
  source: 'source',
  sourcefilter: 'source',
  desttype: 'dest-type',
  destinationtype: 'dest-type',
  dest: 'dest',
  destination: 'dest',
  destinationfilter: 'dest',
  callstype: 'calls-type',
  timefilter: 'time-filter',
  calltimefiltertype: 'time-filter',
  timefrom: 'time-from',
  calltimefilterfrom: 'time-from',
  timeto: 'time-to',
  calltimefilterto: 'time-to',
  pcalls: 'pcalls',
  top: 'top',
  skip: 'skip',
  search: 'search',
  filter: 'filter',
  count: 'count',
  select: 'select',
  orderby: 'orderby',
  expand: 'expand',
  from: 'from',
  to: 'to',
};

/** Every option name, as the usage text and error messages list them. */
export const OPTION_NAMES: readonly string[] = [...Object.keys(RULES), 'from', 'to'];

/** Reads the `key=value` token at `index` into the draft, or records why it cannot. */
export function applyOption(tokens: readonly CommandToken[], index: number, draft: CommandDraft): void {
  const token = tokens[index]!;
  const option = token.option!;
  const name = lookupWord(ALIASES, option.key.replace(/[-_]/g, ''));
  if (name === undefined) {
    reportUnknownOption(token, index, draft);
    return;
  }
  // `from=`/`to=` once per side of a comparison (`compare from=… to=… with from=… to=…`).
  const instant = name === 'from' || name === 'to' ? name : undefined;
  const earlier = instant ? draft.instants[instant] : draft.seenOptions.get(name);
  if (earlier !== undefined) {
    draft.issues.push({
      message: `"${name}=" is given twice ("${tokens[earlier]!.raw}" and "${token.raw}"): give it once.`,
      edits: [{ start: index, end: index + 1, text: '' }],
    });
    return;
  }
  if (instant) {
    draft.instants[instant] = index;
    return;
  }
  draft.seenOptions.set(name, index);
  const rule = RULES[name]!;
  if (rule.odata) draft.odataTokens.push(index);
  const outcome = rule.apply(option.value, draft);
  if (outcome !== true) {
    const reason = typeof outcome === 'string' ? `${outcome.replace(/\.$/, '')}; ` : '';
    draft.issues.push({
      message: `"${token.raw}" is not valid: ${reason}${name} must be ${rule.allowed}, e.g. ${name}=${rule.example}.`,
      edits: [{ start: index, end: index + 1, text: `${name}=${rule.example}` }],
    });
  }
}

/** The bare word `count`: the same as `count=true`. */
export function applyCountWord(index: number, draft: CommandDraft): void {
  if (!draft.seenOptions.has('count')) {
    draft.seenOptions.set('count', index);
    draft.odata.count = true;
  }
  addUnique(draft.odataTokens, [index]);
}

function reportUnknownOption(token: CommandToken, index: number, draft: CommandDraft): void {
  const key = token.option!.key;
  if (lookupWord(FILTER_WORDS, key) !== undefined) {
    const fixed = `${key} ${token.option!.value}`;
    draft.issues.push({
      message: `Filters take a space, not "=": write "${fixed}" instead of "${token.raw}".`,
      edits: [{ start: index, end: index + 1, text: fixed }],
    });
    return;
  }
  const suggestion = suggestKeyword(key, OPTION_NAMES);
  const valueText = token.raw.slice(token.raw.indexOf('=') + 1);
  draft.issues.push({
    message:
      `I don't know the option "${token.raw}"${suggestion ? ` (did you mean "${suggestion}="?)` : ''}. ` +
      `Options are ${OPTION_NAMES.map((name) => `${name}=`).join(', ')} and the word count.`,
    edits: [{ start: index, end: index + 1, text: suggestion ? `${suggestion}=${valueText}` : '' }],
  });
}

function storeIf(valid: boolean, store: () => void): boolean {
  if (valid) store();
  return valid;
}

function parseWholeNumber(value: string): number | undefined {
  return /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}

type NumberKey = 'sourceType' | 'destinationType' | 'callsType' | 'callTimeFilterType';
type TextKey = 'sourceFilter' | 'destinationFilter';
type TimeKey = 'callTimeFilterFrom' | 'callTimeFilterTo';

function callLogNumber(key: NumberKey, example = '0'): OptionRule {
  return {
    odata: false,
    allowed: WHOLE_NUMBER,
    example,
    apply: (value, draft) => {
      const number = parseWholeNumber(value);
      return storeIf(number !== undefined, () => {
        draft.callLog[key] = number!;
      });
    },
  };
}

function callLogText(key: TextKey): OptionRule {
  return {
    odata: false,
    allowed: 'text',
    example: '101',
    apply: (value, draft) => {
      draft.callLog[key] = value;
      return true;
    },
  };
}

function callLogTime(key: TimeKey & keyof CallLogParameters): OptionRule {
  return {
    odata: false,
    allowed: 'a time of day H:MM:SS from 0:00:00 to 23:59:59',
    example: key === 'callTimeFilterFrom' ? '8:00:00' : '17:00:00',
    apply: (value, draft) => {
      const time = readTimeOfDay(value);
      return storeIf(time !== undefined, () => {
        draft.callLog[key] = time!;
      });
    },
  };
}

/** `H:MM:SS` as stored (`H:MM` becomes `H:MM:00`); undefined when not a time of day. */
function readTimeOfDay(value: string): string | undefined {
  const match = TIME_OF_DAY.exec(value);
  if (match === null) return undefined;
  const [hours, minutes, seconds] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59 || match[2]!.length !== 2) return undefined;
  return match[3] === undefined ? `${hours}:${match[2]}:00` : value;
}

const TIME_OPTIONS = [
  ['time-from', 'callTimeFilterFrom'],
  ['time-to', 'callTimeFilterTo'],
] as const;

/**
 * `time-from=`/`time-to=` filter nothing unless `time-filter=` says by what (3CX's codes are not
 * documented; the demo PBX reads 1 as the call's start time of day): without it, or with
 * `time-filter=0`, they are an error that says to add `time-filter=1`, with an example.
 */
export function requireTimeFilterForTimes(tokens: readonly CommandToken[], draft: CommandDraft): void {
  const given = TIME_OPTIONS.flatMap(([name, key]) => {
    const index = draft.seenOptions.get(name);
    if (index === undefined) return [];
    const valid = readTimeOfDay(tokens[index]!.option!.value) !== undefined;
    return [{ index, word: `${name}=${valid ? draft.callLog[key] : RULES[name]!.example}` }];
  });
  if (given.length === 0) return;
  const filterIndex = draft.seenOptions.get('time-filter');
  if (filterIndex !== undefined && parseWholeNumber(tokens[filterIndex]!.option!.value) === undefined) return;
  if (draft.callLog.callTimeFilterType !== 0) return;
  const quoted = given.map(({ index }) => `"${tokens[index]!.raw}"`).join(' and ');
  const example = `"time-filter=1 ${given.map(({ word }) => word).join(' ')}"`;
  const reading = "the demo PBX reads 1 as the call's start time of day; 3CX does not document its codes";
  const verb = given.length > 1 ? 'do' : 'does';
  if (filterIndex === undefined) {
    const first = given[0]!.index;
    draft.issues.push({
      message: `${quoted} ${verb} nothing without time-filter=: add time-filter=1, e.g. ${example} (${reading}).`,
      edits: [{ start: first, end: first + 1, text: `time-filter=1 ${tokens[first]!.raw}` }],
    });
    return;
  }
  draft.issues.push({
    message: `${quoted} ${verb} nothing with "${tokens[filterIndex]!.raw}": use time-filter=1, e.g. ${example} (${reading}).`,
    edits: [{ start: filterIndex, end: filterIndex + 1, text: 'time-filter=1' }],
  });
}

function odataNumber(key: 'top' | 'skip'): OptionRule {
  return {
    odata: true,
    allowed: WHOLE_NUMBER,
    example: key === 'top' ? '100' : '0',
    apply: (value, draft) => {
      const number = parseWholeNumber(value);
      return storeIf(number !== undefined, () => {
        draft.odata[key] = number!;
      });
    },
  };
}

/**
 * An OData option read into a tree or a list of fields (src/odata): what does not read is refused
 * with the reader's reason, so nothing unread ever reaches the PBX.
 */
function odataParsed<T>(
  allowed: string,
  example: string,
  read: (text: string) => ODataReadResult<T>,
  store: (draft: CommandDraft, value: T) => void,
): OptionRule {
  return {
    odata: true,
    allowed,
    example,
    apply: (value, draft) => {
      if (value.trim() === '') return false;
      const result = read(value);
      if (!result.ok) return result.reason;
      store(draft, result.value);
      return true;
    },
  };
}
