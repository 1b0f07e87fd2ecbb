import type { CallLogQuery, RawCallLogRow } from '../../src/core/call-log-source';
import type { Directory } from '../../src/core/directory';
import type { Report } from '../../src/core/report';
import type { ReportRequest } from '../../src/core/report-request';
import { buildReport } from '../../src/report/report-builder';
import { builderOptions } from '../../src/report/report-service';
import { toCallLeg } from '../../src/threecx/call-log-row';
import { buildCallLogPath } from '../../src/threecx/call-log-url';
import { splitIntoWindows } from '../../src/threecx/call-log-windows';
import type { PbxSession } from './pbx-session';

const PAGE_SIZE = 100;
const DAY_MS = 86_400_000;

/**
 * What a user would otherwise script: one query per day (a month in one query passes the PBX
 * report's 20,000-row cap, and the demo PBX, like 3CX, then serves only the first 20,000),
 * `$top=100` pages one after another until a short page, every row kept in an array, then summed
 * (with the same report engine, so the figures can be compared). Returns the report and the
 * number of rows.
 */
export async function runSequentialReport(
  session: PbxSession,
  query: CallLogQuery,
  request: ReportRequest,
  directory: Directory,
  serviceLevelSeconds: number,
): Promise<{ report: Report; rows: number }> {
  const rows: RawCallLogRow[] = [];
  for (const day of splitIntoWindows(query.from.getTime(), query.to.getTime(), DAY_MS)) {
    const dayQuery = { ...query, from: new Date(day.startMs), to: new Date(day.endMs) };
    for (let skip = 0; ; skip += PAGE_SIZE) {
      const path = buildCallLogPath(dayQuery, { top: PAGE_SIZE, skip });
      const page = (await session.getJson(path)).value as RawCallLogRow[];
      for (const row of page) rows.push(row);
      if (page.length < PAGE_SIZE) break;
    }
  }
  const legs = rows.map((row) => toCallLeg(row)).filter((leg) => leg !== undefined);
  // As the service builds it (a trend's buckets, a ranking, …), from every leg at once.
  const report = await buildReport(
    legs,
    builderOptions(request, directory, serviceLevelSeconds, undefined, false),
  );
  return { report, rows: rows.length };
}
