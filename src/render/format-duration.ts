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

/** Whole seconds in words for a sentence: `8s`, `4m 12s`, `2h 03m` (seconds dropped from an hour on). */
export function formatSpokenDuration(seconds: number): string {
  const total = Number.isFinite(seconds) ? Math.max(0, Math.round(seconds)) : 0;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = total % 60;
  if (hours > 0) return `${hours}h ${String(minutes).padStart(2, '0')}m`;
  if (minutes > 0) return `${minutes}m ${String(rest).padStart(2, '0')}s`;
  return `${rest}s`;
}
