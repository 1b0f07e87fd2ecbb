import { Cron } from 'croner';

/**
 * When a rule fires, computed by croner in the schedule's IANA zone: `0 8 * * *` in Europe/Berlin
 * is 08:00 local on both sides of a daylight-saving change (06:00Z in summer, 07:00Z in winter).
 * In croner's DST handling a fixed-time rule whose local time falls in a spring-forward gap
 * (02:30 on 29 Mar 2026 in Berlin) runs once at the first valid time after the gap (03:00 CEST);
 * one whose time occurs twice in the autumn runs once, at the first of the two.
 */
export function listOccurrences(
  cron: string,
  timeZone: string,
  afterExclusive: Date,
  untilInclusive: Date,
  limit: number,
): Date[] {
  const job = createJob(cron, timeZone);
  const occurrences: Date[] = [];
  let cursor = afterExclusive;
  while (occurrences.length < limit) {
    const next = job.nextRun(cursor);
    if (!next || next.getTime() > untilInclusive.getTime()) break;
    occurrences.push(next);
    cursor = next;
  }
  return occurrences;
}

/** The first occurrence strictly after `after`, or undefined when the rule never fires again. */
export function nextOccurrence(cron: string, timeZone: string, after: Date): Date | undefined {
  return createJob(cron, timeZone).nextRun(after) ?? undefined;
}

/** A croner job used only for computing times: no callback, so it never starts a timer. */
function createJob(cron: string, timeZone: string): Cron {
  return new Cron(cron, { timezone: timeZone, mode: '5-part' });
}
