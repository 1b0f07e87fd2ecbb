/** True for IANA zone names the runtime knows (`Europe/Berlin`, `UTC`), false for anything else. */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
