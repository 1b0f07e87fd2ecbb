/** Whole seconds as a clock reading: `0:45`, `3:12`, `1:02:03`. Negative or fractional input is clamped and rounded. */
export function formatDuration(seconds: number): string {
  const total = Number.isFinite(seconds) ? Math.max(0, Math.round(seconds)) : 0;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = total % 60;
  const twoDigits = (value: number) => String(value).padStart(2, '0');
  if (hours > 0) return `${hours}:${twoDigits(minutes)}:${twoDigits(rest)}`;
  return `${minutes}:${twoDigits(rest)}`;
}

/**
 * Whole seconds in words for a sentence: `8s`, `4m 12s`, `2h 03m`; from an hour on, to the
 * nearest minute, half up (2:08:30 → `2h 09m`, 2:08:29 → `2h 08m`), as every figure is rounded.
 */
export function formatSpokenDuration(seconds: number): string {
  const total = Number.isFinite(seconds) ? Math.max(0, Math.round(seconds)) : 0;
  if (total >= 3600) {
    const totalMinutes = Math.floor((total + 30) / 60);
    return `${Math.floor(totalMinutes / 60)}h ${String(totalMinutes % 60).padStart(2, '0')}m`;
  }
  const minutes = Math.floor(total / 60);
  const rest = total % 60;
  if (minutes > 0) return `${minutes}m ${String(rest).padStart(2, '0')}s`;
  return `${rest}s`;
}
