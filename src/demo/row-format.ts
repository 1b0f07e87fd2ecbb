import type { SeededRandom } from './seeded-random';

const DAY_MS = 86_400_000;
let cachedDayIndex = Number.NaN;
let cachedDayPrefix = '';

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/**
 * `2026-11-17T08:02:11.4125530+00:00`: 3CX's 7 fractional digits and `+00:00`. The demo keeps
 * whole milliseconds internally; the last 4 digits are derived from the instant, so equal instants
 * print equally and parsing (which truncates to milliseconds) gives back exactly `ms`.
 */
export function formatStartTime(ms: number): string {
  const dayIndex = Math.floor(ms / DAY_MS);
  if (dayIndex !== cachedDayIndex) {
    cachedDayIndex = dayIndex;
    cachedDayPrefix = new Date(dayIndex * DAY_MS).toISOString().slice(0, 11);
  }
  const msOfDay = ms - dayIndex * DAY_MS;
  const hours = Math.floor(msOfDay / 3_600_000);
  const minutes = Math.floor((msOfDay % 3_600_000) / 60_000);
  const seconds = Math.floor((msOfDay % 60_000) / 1000);
  const fraction = String(msOfDay % 1000).padStart(3, '0');
  const subMs = String(((ms % 10000) * 7919) % 10000).padStart(4, '0');
  return `${cachedDayPrefix}${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}.${fraction}${subMs}+00:00`;
}

/** ISO 8601 duration as 3CX sends it: `PT0S`, `PT9.81S`, `PT1M12.577S`, `PT1H2M3S`. */
export function formatDuration(ms: number): string {
  if (ms <= 0) return 'PT0S';
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const restMs = ms % 60_000;
  let text = 'PT';
  if (hours > 0) text += `${hours}H`;
  if (minutes > 0) text += `${minutes}M`;
  if (restMs > 0) {
    const seconds = Math.floor(restMs / 1000);
    const fraction = String(restMs % 1000)
      .padStart(3, '0')
      .replace(/0+$/, '');
    text += fraction.length > 0 ? `${seconds}.${fraction}S` : `${seconds}S`;
  }
  return text;
}

const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** 4 hex digits of the low 16 bits. */
function hex16(value: number): string {
  return HEX_BYTES[(value >>> 8) & 0xff]! + HEX_BYTES[value & 0xff]!;
}

/** A GUID-like (version 4 shaped) lower-case string drawn from the seeded generator. */
export function generateGuid(random: SeededRandom): string {
  const a = random.uint32();
  const b = random.uint32();
  const c = random.uint32();
  const d = random.uint32();
  return (
    hex16(a >>> 16) +
    hex16(a) +
    '-' +
    hex16(b >>> 16) +
    '-' +
    hex16((b & 0x0fff) | 0x4000) +
    '-' +
    hex16(((c >>> 16) & 0x3fff) | 0x8000) +
    '-' +
    hex16(c) +
    hex16(d >>> 16) +
    hex16(d)
  );
}
