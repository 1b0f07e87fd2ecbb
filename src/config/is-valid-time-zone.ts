/** True for IANA zone names the runtime knows (`Europe/Berlin`, `UTC`), false for anything else. */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Loads the runtime's time-zone data now (20-25 ms, once per process: the first formatter with any
 * zone pays it, later ones take well under a millisecond), so that the first command after a start
 * does not wait for it. Called by entry points at start-up.
 */
export function loadTimeZoneData(): void {
  isValidTimeZone('UTC');
}
