import { DateTime, type Zone } from 'luxon';

const BLOCK_MS = 15 * 60 * 1000;
/**
 * Offsets are asked of luxon (one `Intl` call, several µs) at span edges only, 6 hours (24 blocks)
 * apart: a span whose edges agree has that offset throughout, and one whose edges differ holds one
 * change, found by bisection. No zone changes its offset twice within 6 hours.
 */
const SPAN_BLOCKS = 24;
const HOUR_MS = 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
/** Offsets kept per clock (a year of 15-minute blocks is 35,040); beyond, the cache starts over. */
const MAX_CACHED_BLOCKS = 70_000;
/** Clocks kept by `ZoneClock.of`; beyond, that cache starts over. */
const MAX_SHARED_CLOCKS = 64;
const sharedClocks = new Map<string, ZoneClock>();
/** The largest time value a Date holds; `toISOString` of a year 0000–9999 is this long. */
const MAX_TIME_MS = 8.64e15;
const ISO_LENGTH = 24;
const COLON = 58;
const DOT = 46;
const fromCodes = String.fromCharCode;

/** The character code of the tens digit of `value` (0–99). */
function tens(value: number): number {
  return 48 + Math.floor(value / 10);
}

/** The character code of the units digit of `value` (a whole number ≥ 0). */
function units(value: number): number {
  return 48 + (value % 10);
}

/**
 * Local hours and ISO strings in one IANA zone without a luxon object per call: the zone's offset
 * is looked up once per 15-minute UTC block (every offset change in use falls on such a boundary)
 * and cached. ISO strings match luxon's `toISO()` exactly ("Z" only for a fixed UTC zone).
 */
export class ZoneClock {
  readonly timeZone: string;
  private readonly offsetMinutesByBlock = new Map<number, number>();
  private readonly writesZ: boolean;
  /** luxon's zone, asked for offsets directly (a DateTime per question looked the zone up by name each time). */
  private readonly zone: Zone;
  /** `formatOffset`'s text per offset (a report writes one for each of tens of thousands of calls). */
  private readonly offsetTexts = new Map<number, string>();
  /** The local day `formatIso` wrote last (most calls of a list share a day with the one before). */
  private isoDay = Number.NaN;
  private isoDateCodes: number[] | undefined;

  /** The clock of `timeZone`, shared by every report in that zone (with its offsets already looked up). */
  static of(timeZone: string): ZoneClock {
    let clock = sharedClocks.get(timeZone);
    if (clock === undefined) {
      clock = new ZoneClock(timeZone);
      if (sharedClocks.size >= MAX_SHARED_CLOCKS) sharedClocks.clear();
      sharedClocks.set(timeZone, clock);
    }
    return clock;
  }

  constructor(timeZone: string) {
    const probe = DateTime.fromMillis(0, { zone: timeZone });
    if (!probe.isValid) throw new RangeError(`Unknown time zone: ${timeZone}`);
    this.timeZone = timeZone;
    this.writesZ = probe.isOffsetFixed && probe.offset === 0;
    this.zone = probe.zone;
  }

  /** The zone's offset from UTC at `epochMs`, in minutes (e.g. 330 for Asia/Kolkata). */
  offsetMinutesAt(epochMs: number): number {
    const block = Math.floor(epochMs / BLOCK_MS);
    const offset = this.offsetMinutesByBlock.get(block);
    return offset === undefined ? this.learnSpanOf(block) : offset;
  }

  /**
   * Caches the offset of every block of the span holding `block` and returns `block`'s: a year of
   * a report reads 35,040 blocks, which cost luxon a quarter of a second one by one.
   */
  private learnSpanOf(block: number): number {
    if (this.offsetMinutesByBlock.size >= MAX_CACHED_BLOCKS) this.offsetMinutesByBlock.clear();
    const first = Math.floor(block / SPAN_BLOCKS) * SPAN_BLOCKS;
    const end = first + SPAN_BLOCKS;
    const startOffset = this.offsetMinutesByBlock.get(first) ?? this.luxonOffsetAt(first);
    const endOffset = this.offsetMinutesByBlock.get(end) ?? this.luxonOffsetAt(end);
    // The next span starts where this one ends: its start's offset is known already.
    this.offsetMinutesByBlock.set(end, endOffset);
    // The first block with the end's offset (the span's end when the edges agree).
    const changeBlock = startOffset === endOffset ? end : this.firstBlockWith(endOffset, first, end);
    for (let at = first; at < end; at++) {
      this.offsetMinutesByBlock.set(at, at < changeBlock ? startOffset : endOffset);
    }
    return block < changeBlock ? startOffset : endOffset;
  }

  /** The first block in `(before, atEnd]` whose offset is `offset` (`atEnd`'s), by bisection. */
  private firstBlockWith(offset: number, before: number, atEnd: number): number {
    let low = before;
    let high = atEnd;
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (this.luxonOffsetAt(middle) === offset) high = middle;
      else low = middle;
    }
    return high;
  }

  private luxonOffsetAt(block: number): number {
    return this.zone.offset(block * BLOCK_MS);
  }

  /** The local hour of the day (0–23) at `epochMs`. */
  localHourAt(epochMs: number): number {
    const localMs = epochMs + this.offsetMinutesAt(epochMs) * MINUTE_MS;
    const hour = Math.floor(localMs / HOUR_MS) % 24;
    return hour < 0 ? hour + 24 : hour;
  }

  /** The local date at `epochMs` as a day number: whole days from 1970-01-01 to it (see `formatLocalDay`). */
  localDayAt(epochMs: number): number {
    return Math.floor((epochMs + this.offsetMinutesAt(epochMs) * MINUTE_MS) / DAY_MS);
  }

  /** ISO 8601 with milliseconds and the zone's offset, e.g. `2026-11-20T14:03:11.000+01:00`. */
  formatIso(epochMs: number): string {
    const offset = this.offsetMinutesAt(epochMs);
    return this.localIsoText(epochMs + offset * MINUTE_MS) + this.offsetTextOf(offset);
  }

  /**
   * `new Date(localMs).toISOString()` without its `Z`, written from the day's cached date and the
   * time's digits as one flat string: `toISOString` cost about 1 µs, for every listed call.
   */
  private localIsoText(localMs: number): string {
    const ms = Math.trunc(localMs); // as a Date clips its time value
    const day = Math.floor(ms / DAY_MS);
    if (day !== this.isoDay) this.learnIsoDay(day);
    const date = this.isoDateCodes;
    // Years outside 0000–9999 (six digits and a sign), and invalid times (a RangeError), as Date does.
    if (date === undefined) return new Date(localMs).toISOString().slice(0, 23);
    let rest = ms - day * DAY_MS;
    const hours = Math.floor(rest / HOUR_MS);
    rest -= hours * HOUR_MS;
    const minutes = Math.floor(rest / MINUTE_MS);
    rest -= minutes * MINUTE_MS;
    const seconds = Math.floor(rest / 1000);
    const millis = rest - seconds * 1000;
    // biome-ignore format: `YYYY-MM-DDT` then `hh:mm:ss.mmm`
    return fromCodes(
      date[0]!, date[1]!, date[2]!, date[3]!, date[4]!, date[5]!, date[6]!, date[7]!, date[8]!, date[9]!, date[10]!,
      tens(hours), units(hours), COLON, tens(minutes), units(minutes), COLON, tens(seconds), units(seconds), DOT,
      units(Math.floor(millis / 100)), tens(millis % 100), units(millis),
    );
  }

  /** Caches the character codes of `YYYY-MM-DDT` for the local day `day` (none outside years 0000–9999). */
  private learnIsoDay(day: number): void {
    this.isoDay = day;
    const time = day * DAY_MS;
    const text = Math.abs(time) <= MAX_TIME_MS ? new Date(time).toISOString() : '';
    this.isoDateCodes =
      text.length === ISO_LENGTH
        ? Array.from(text.slice(0, 11), (character) => character.charCodeAt(0))
        : undefined;
  }

  /** `formatOffset`, once per offset. */
  private offsetTextOf(offsetMinutes: number): string {
    let text = this.offsetTexts.get(offsetMinutes);
    if (text === undefined) {
      text = this.formatOffset(offsetMinutes);
      this.offsetTexts.set(offsetMinutes, text);
    }
    return text;
  }

  /** A `localDayAt` day number as its date, `YYYY-MM-DD`. */
  static formatLocalDay(day: number): string {
    return new Date(day * DAY_MS).toISOString().slice(0, 10);
  }

  private formatOffset(offsetMinutes: number): string {
    if (offsetMinutes === 0 && this.writesZ) return 'Z';
    const sign = offsetMinutes < 0 ? '-' : '+';
    const absolute = Math.abs(offsetMinutes);
    const hours = String(Math.floor(absolute / 60)).padStart(2, '0');
    const minutes = String(absolute % 60).padStart(2, '0');
    return `${sign}${hours}:${minutes}`;
  }
}
