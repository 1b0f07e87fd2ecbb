import { DEFAULT_CALL_LOG_PARAMETERS, emptyFilters, type ReportRequest } from '../core/report-request';
import type { TimeWindow } from '../core/time-window';
import type { AlertSubscription } from './alert-store';

/** What an alert subscription filters on: values of one kind OR, the two kinds AND, as in reports. */
export type AlertFilters = Pick<AlertSubscription, 'extensions' | 'queues'>;

/** The normalised command of a subscription, `alerts missed queue 800,801 ext 101` (explain, audit lines). */
export function alertCommandText(filters: AlertFilters): string {
  const parts = ['alerts missed'];
  if (filters.queues.length > 0) parts.push(`queue ${filters.queues.join(',')}`);
  if (filters.extensions.length > 0) parts.push(`ext ${filters.extensions.join(',')}`);
  return parts.join(' ');
}

/** What a subscription posts, for people: `every missed call`, `missed calls of queue 800 and ext 101 or 102`. */
export function describeAlertFilters(filters: AlertFilters): string {
  const parts: string[] = [];
  if (filters.queues.length > 0) {
    parts.push(`${filters.queues.length === 1 ? 'queue' : 'queues'} ${filters.queues.join(' or ')}`);
  }
  if (filters.extensions.length > 0) parts.push(`ext ${filters.extensions.join(' or ')}`);
  return parts.length === 0 ? 'every missed call' : `missed calls of ${parts.join(' and ')}`;
}

/** Whether two subscriptions post the same calls (the same numbers, in any order). */
export function sameAlertFilters(a: AlertFilters, b: AlertFilters): boolean {
  const same = (x: readonly string[], y: readonly string[]) =>
    x.length === y.length && [...x].sort().join(',') === [...y].sort().join(',');
  return same(a.extensions, b.extensions) && same(a.queues, b.queues);
}

/**
 * The report request a subscription stands for when the access rules judge it: the missed calls of
 * its extensions and queues within `window` (the rules look at the filters, not the window).
 */
export function alertSubscriptionRequest(filters: AlertFilters, window: TimeWindow): ReportRequest {
  return {
    view: 'list',
    window,
    filters: {
      ...emptyFilters(),
      extensions: [...filters.extensions],
      queues: [...filters.queues],
      status: 'missed',
    },
    callLog: { ...DEFAULT_CALL_LOG_PARAMETERS },
    odata: {},
    me: false,
    assumptions: [],
    names: [],
  };
}
