/**
 * Readers for the call log's time values, written for a million rows: no Date, no regular
 * expression and no temporary string on the common shapes 3CX sends.
 */

/**
 * An ISO date-time in epoch ms (NaN when unreadable). Reads 3CX's usual shape
 * (`2026-11-17T08:02:11.4125530+00:00`: 7 fraction digits, truncated to ms) by hand; any other
 * shape goes to `Date.parse`. A time without a zone is taken as UTC (Date.parse would take the
 * machine's zone).
 */
export function parseInstantMs(value: string): number {
  const fast = readCommonInstantMs(value);
  return fast === undefined ? parseInstantSlowly(value) : fast;
}

/** `Date.parse` with a zone-less time taken as UTC. */
function parseInstantSlowly(value: string): number {
  const timeAt = value.indexOf('T');
  if (timeAt < 0) return Date.parse(value);
  const last = value.charCodeAt(value.length - 1);
  const hasZone =
    last === 90 /* Z */ ||
    last === 122 /* z */ ||
    value.indexOf('+', timeAt) > 0 ||
    value.indexOf('-', timeAt) > 0;
  return Date.parse(hasZone ? value : `${value}Z`);
}

/**
 * `YYYY-MM-DDTHH:MM:SS[.f+][Z|±HH:MM]` with unremarkable values (a day the month has, hour ≤ 23,
 * year ≥ 1000), else undefined so that `Date.parse` decides (it is lenient in ways not worth copying).
 */
function readCommonInstantMs(value: string): number | undefined {
  const length = value.length;
  if (length < 19 || !isShape(value)) return undefined;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  const hour = digits(value, 11, 2);
  const minute = digits(value, 14, 2);
  const second = digits(value, 17, 2);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  let at = 19;
  let millis = 0;
  if (at < length && value.charCodeAt(at) === 46 /* . */) {
    const fractionStart = ++at;
    while (at < length && isDigitCode(value.charCodeAt(at))) at++;
    const fractionDigits = at - fractionStart;
    if (fractionDigits === 0) return undefined;
    const taken = Math.min(3, fractionDigits);
    millis = digits(value, fractionStart, taken) * (taken === 1 ? 100 : taken === 2 ? 10 : 1);
  }
  let offsetMinutes = 0;
  if (at < length) {
    const sign = value.charCodeAt(at);
    if (sign === 90 /* Z */ && at + 1 === length) {
      offsetMinutes = 0;
    } else if ((sign === 43 /* + */ || sign === 45) /* - */ && at + 6 === length) {
      if (value.charCodeAt(at + 3) !== 58 /* : */) return undefined;
      if (!allDigits(value, at + 1, 2) || !allDigits(value, at + 4, 2)) return undefined;
      const offsetHours = digits(value, at + 1, 2);
      const offsetMins = digits(value, at + 4, 2);
      if (offsetHours > 23 || offsetMins > 59) return undefined;
      offsetMinutes = (sign === 45 ? -1 : 1) * (offsetHours * 60 + offsetMins);
    } else {
      return undefined;
    }
  }
  const days = daysFromCivil(year, month, day);
  return ((days * 24 + hour) * 60 + minute - offsetMinutes) * 60_000 + second * 1000 + millis;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `days_from_civil`). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Digits and separators where `YYYY-MM-DDTHH:MM:SS` has them. */
function isShape(value: string): boolean {
  return (
    allDigits(value, 0, 4) &&
    value.charCodeAt(4) === 45 &&
    allDigits(value, 5, 2) &&
    value.charCodeAt(7) === 45 &&
    allDigits(value, 8, 2) &&
    value.charCodeAt(10) === 84 /* T */ &&
    allDigits(value, 11, 2) &&
    value.charCodeAt(13) === 58 &&
    allDigits(value, 14, 2) &&
    value.charCodeAt(16) === 58 &&
    allDigits(value, 17, 2)
  );
}

function allDigits(value: string, start: number, count: number): boolean {
  for (let i = start; i < start + count; i++) if (!isDigitCode(value.charCodeAt(i))) return false;
  return true;
}

/** The number written by `count` digits at `start` (already checked to be digits). */
function digits(value: string, start: number, count: number): number {
  let result = 0;
  for (let i = start; i < start + count; i++) result = result * 10 + (value.charCodeAt(i) - 48);
  return result;
}

/**
 * Seconds in a duration: ISO 8601 (`PT0S`, `PT1M12.577027S`, `P1DT2H`) or .NET TimeSpan
 * (`hh:mm:ss`, `h:mm:ss.fffffff`, `d.hh:mm:ss`). Undefined for anything else, negative included.
 */
export function parseDurationSeconds(value: string): number | undefined {
  if (value === 'PT0S') return 0;
  const first = value.charCodeAt(0);
  if (first === 80 /* P */ && isUpperCase(value)) return parseIsoDuration(value);
  const trimmed = value.trim();
  const start = trimmed.charCodeAt(0);
  if (start === 80 /* P */ || start === 112 /* p */) return parseIsoDuration(trimmed.toUpperCase());
  return parseTimeSpan(trimmed);
}

/** Whether the text has no lower-case ASCII letter and no surrounding space (3CX's own spelling). */
function isUpperCase(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if ((code >= 97 && code <= 122) || code === 32) return false;
  }
  return true;
}

/**
 * Decimal digits whose value is exact as an integer: `digits / 10^k` is then `Number(text)` itself
 * (both are the one correctly rounded double of the same exact quotient).
 */
const MAX_EXACT_DIGITS = 15;
/** 1, 10, … 10^15, each exact (products of integers below 2^53). */
const POWERS_OF_TEN = [1];
for (let power = 1; power <= MAX_EXACT_DIGITS; power++) POWERS_OF_TEN.push(POWERS_OF_TEN[power - 1]! * 10);

/**
 * `P[nW][nD][T[nH][nM][nS]]` (upper case) in seconds, read by character codes: no temporary string
 * or object per number (two per row: every leg has two durations). A number of at most 15 digits
 * is read as its digits over a power of ten, which is exactly `Number` of its text; a longer one is
 * read by `Number` (as before).
 */
function parseIsoDuration(value: string): number | undefined {
  const length = value.length;
  let seconds = 0;
  let inTime = false;
  let sawNumber = false;
  let i = 1;
  while (i < length) {
    let code = value.charCodeAt(i);
    if (code === 84 /* T */) {
      if (inTime) return undefined;
      inTime = true;
      i++;
      continue;
    }
    const start = i;
    let digits = 0;
    while (isDigitCode(code)) {
      digits = digits * 10 + (code - 48);
      code = ++i < length ? value.charCodeAt(i) : 0;
    }
    if (i === start) return undefined;
    let fractionDigits = 0;
    let separator = -1;
    if (code === 46 /* . */ || code === 44 /* , */) {
      separator = i;
      code = ++i < length ? value.charCodeAt(i) : 0;
      while (isDigitCode(code)) {
        digits = digits * 10 + (code - 48);
        code = ++i < length ? value.charCodeAt(i) : 0;
      }
      fractionDigits = i - separator - 1;
      if (fractionDigits === 0) return undefined;
    }
    // Date part W and D (Y and M have no fixed length); time part H, M and S. `code` is 0 past the end.
    const unitSeconds = inTime
      ? code === 72 /* H */
        ? 3_600
        : code === 77 /* M */
          ? 60
          : code === 83 /* S */
            ? 1
            : 0
      : code === 87 /* W */
        ? 604_800
        : code === 68 /* D */
          ? 86_400
          : 0;
    if (unitSeconds === 0) return undefined;
    const number =
      i - start - (separator < 0 ? 0 : 1) <= MAX_EXACT_DIGITS
        ? digits / POWERS_OF_TEN[fractionDigits]!
        : Number(
            separator < 0
              ? value.slice(start, i)
              : `${value.slice(start, separator)}.${value.slice(separator + 1, i)}`,
          );
    seconds += number * unitSeconds;
    sawNumber = true;
    i++;
  }
  return sawNumber && Number.isFinite(seconds) ? seconds : undefined;
}

function parseTimeSpan(value: string): number | undefined {
  const parts = value.split(':');
  if (parts.length !== 3) return undefined;
  const [dayHour, minutes, secs] = parts as [string, string, string];
  let days = 0;
  let hoursText = dayHour;
  const dot = dayHour.indexOf('.');
  if (dot >= 0) {
    days = readWhole(dayHour.slice(0, dot)) ?? Number.NaN;
    hoursText = dayHour.slice(dot + 1);
  }
  const hours = readWhole(hoursText);
  const mins = readWhole(minutes);
  const sec = readDecimal(secs, 0);
  if (Number.isNaN(days) || hours === undefined || mins === undefined || !sec || sec.end !== secs.length) {
    return undefined;
  }
  const seconds = days * 86_400 + hours * 3_600 + mins * 60 + sec.value;
  return Number.isFinite(seconds) ? seconds : undefined;
}

/** Digits with an optional `.`/`,` fraction starting at `start`; undefined when no digit is there. */
function readDecimal(value: string, start: number): { value: number; end: number } | undefined {
  let i = start;
  while (i < value.length && isDigitCode(value.charCodeAt(i))) i++;
  if (i === start) return undefined;
  let end = i;
  let comma = false;
  if (i < value.length && (value[i] === '.' || value[i] === ',')) {
    comma = value[i] === ',';
    let j = i + 1;
    while (j < value.length && isDigitCode(value.charCodeAt(j))) j++;
    if (j === i + 1) return undefined;
    end = j;
  }
  const text = value.slice(start, end);
  return { value: Number(comma ? text.replace(',', '.') : text), end };
}

function readWhole(value: string): number | undefined {
  if (value.length === 0) return undefined;
  for (let i = 0; i < value.length; i++) if (!isDigitCode(value.charCodeAt(i))) return undefined;
  return Number(value);
}

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}
