import type { CallLogQuery, RawCallLogRow } from '../../src/core/call-log-source';
import type { Directory } from '../../src/core/directory';
import type { Report } from '../../src/core/report';
import type { ReportRequest } from '../../src/core/report-request';
import { buildReport } from '../../src/report/report-builder';
import { toCallLeg } from '../../src/threecx/call-log-row';
import { buildCallLogPath } from '../../src/threecx/call-log-url';
import type { PbxSession } from './pbx-session';

const PAGE_SIZE = 100;

/**
 * What a user would otherwise script: one query for the whole period, `$top=100` pages one after
 * another until a short page, every row kept in an array, then summed (with the same report
 * engine, so the figures can be compared). Returns the report and the number of rows.
 */
export async function runSequentialReport(
  session: PbxSession,
  query: CallLogQuery,
  request: ReportRequest,
  directory: Directory,
  serviceLevelSeconds: number,
): Promise<{ report: Report; rows: number }> {
  const rows: RawCallLogRow[] = [];
  for (let skip = 0; ; skip += PAGE_SIZE) {
    const path = buildCallLogPath(query, { top: PAGE_SIZE, skip });
    const page = (await session.getJson(path)).value as RawCallLogRow[];
    rows.push(...page);
    if (page.length < PAGE_SIZE) break;
  }
  const legs = rows.map((row) => toCallLeg(row)).filter((leg) => leg !== undefined);
  const report = await buildReport(legs, {
    window: request.window,
    filters: request.filters,
    directory,
    serviceLevelSeconds,
    includeCalls: false,
  });
  return { report, rows: rows.length };
}
