/** A whole alert command that works, for hints. */
export const ALERTS_EXAMPLE = 'alerts missed queue 800';

/** `alerts help`: plain text with `code` spans, like the digests' help. */
export function alertsUsageText(): string {
  return [
    'Live alerts post each missed call into this conversation once it has ended: who called, from which number, when, where the call ended and how long they waited, with a Call link and an "I\'ll call back" button.',
    '',
    '• `alerts missed` every missed call you may see (an agent: those of their own extension)',
    '• `alerts missed queue 800` or `alerts missed queue 800,801 ext 101` only those',
    '• `alerts` lists the alerts on here, with their ids',
    '• `alerts off k3m9qa` ends one (whoever turned it on, or an admin)',
    '',
    'A conversation has at most 20. Each alert shows only what the person who turned it on may see.',
  ].join('\n');
}
