import { DateTime } from 'luxon';

const BLOCK_MS = 15 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
/** Offsets kept per clock (a year of 15-minute blocks is 35,040); beyond, the cache starts over. */
const MAX_CACHED_BLOCKS = 70_000;
/** Clocks kept by `ZoneClock.of`; beyond, that cache starts over. */
const MAX_SHARED_CLOCKS = 64;
const sharedClocks = new Map<string, ZoneClock>();

/**
 * Local hours and ISO strings in one IANA zone without a luxon object per call: the zone's offset
 * is looked up once per 15-minute UTC block (every offset change in use falls on such a boundary)
 * and cached. ISO strings match luxon's `toISO()` exactly ("Z" only for a fixed UTC zone).
 */
export class ZoneClock {
  readonly timeZone: string;
  private readonly offsetMinutesByBlock = new Map<number, number>();
  private readonly writesZ: boolean;

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
  }

  /** The zone's offset from UTC at `epochMs`, in minutes (e.g. 330 for Asia/Kolkata). */
  offsetMinutesAt(epochMs: number): number {
    const block = Math.floor(epochMs / BLOCK_MS);
    let offset = this.offsetMinutesByBlock.get(block);
    if (offset === undefined) {
      offset = DateTime.fromMillis(block * BLOCK_MS, { zone: this.timeZone }).offset;
      if (this.offsetMinutesByBlock.size >= MAX_CACHED_BLOCKS) this.offsetMinutesByBlock.clear();
      this.offsetMinutesByBlock.set(block, offset);
    }
    return offset;
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
    const local = new Date(epochMs + offset * MINUTE_MS).toISOString().slice(0, 23);
    return local + this.formatOffset(offset);
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
