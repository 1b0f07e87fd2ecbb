import type { ReportTotals } from '../core/report';

/** What chat shows for a service level or an average with nothing to measure (JSON keeps 0). */
export const NOTHING_TO_MEASURE = '—';

/** `text`, or "—" when there was nothing to measure. */
export function orNothing(text: string, measurable: boolean): string {
  return measurable ? text : NOTHING_TO_MEASURE;
}

/** Which of the rates and averages a report's totals could measure. */
export interface Measurable {
  serviceLevel: boolean;
  avgWait: boolean;
}

/**
 * Totals: a service level needs inbound calls, the average wait answered inbound ones (inbound
 * minus missed), the average talk answered calls.
 */
export function measurableTotals(totals: ReportTotals): Measurable & { avgTalk: boolean } {
  return {
    serviceLevel: totals.inbound > 0,
    avgWait: totals.inbound - totals.missed > 0,
    avgTalk: totals.answered > 0,
  };
}

/**
 * A queue row or a trend bucket, which carry no inbound count. Inbound calls are either missed
 * or answered, and an answered one lowers the average wait below the service-level threshold or
 * counts in the service level; so with no missed call, a 0% service level and a 0 s average wait
 * there was no inbound call, and with a 0% service level and a 0 s wait none was answered.
 */
export function measurableRates(row: {
  calls: number;
  answered: number;
  missed: number;
  serviceLevelPercent: number;
  avgWaitSeconds: number;
}): Measurable {
  const nothingAnswered = row.serviceLevelPercent === 0 && row.avgWaitSeconds === 0;
  return {
    serviceLevel: row.calls > 0 && !(nothingAnswered && row.missed === 0),
    avgWait: row.answered > 0 && !nothingAnswered,
  };
}
