import { DateTime } from 'luxon';
import { DEFAULT_CALL_LOG_PARAMETERS, emptyFilters, type ReportRequest } from '../core/report-request';
import type { PeriodClock } from './resolve-period';

/** The `help` request: its window is today so far (yesterday in the first millisecond of a day). */
export function createHelpRequest(clock: PeriodClock, timeZone: string): ReportRequest {
  const { now, today } = clock;
  const hasBegun = today < now;
  const from = hasBegun ? today : today.minus({ days: 1 }).startOf('day');
  const to = DateTime.max(today, now);
  return {
    view: 'help',
    window: { from: from.toJSDate(), to: to.toJSDate(), timeZone },
    filters: emptyFilters(),
    callLog: { ...DEFAULT_CALL_LOG_PARAMETERS },
    odata: {},
    me: false,
    assumptions: [],
    names: [],
  };
}
