import type { SeededRandom } from './seeded-random';

/**
 * `2026-11-17T08:02:11.4125530+00:00`: 3CX's 7 fractional digits and `+00:00`. The demo keeps
 * whole milliseconds internally; the last 4 digits are derived from the instant, so equal instants
 * print equally and parsing (which truncates to milliseconds) gives back exactly `ms`.
 */
export function formatStartTime(ms: number): string {
  const iso = new Date(ms).toISOString(); // 2026-11-17T08:02:11.412Z
  const subMs = String(((ms % 10000) * 7919) % 10000).padStart(4, '0');
  return `${iso.slice(0, 23)}${subMs}+00:00`;
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

/** A GUID-like lower-case string drawn from the seeded generator. */
export function generateGuid(random: SeededRandom): string {
  const hex = random.hex8() + random.hex8() + random.hex8() + random.hex8();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
