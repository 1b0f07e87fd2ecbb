import type { RawCallLogRow } from '../../src/core/call-log-source';
import { type DemoPbx, startDemoPbx } from '../../src/demo/demo-pbx';

/**
 * Two ways to make the demo PBX send rows a test chose:
 * - `pbx.serveRows(rows)` (the demo's own mode): a PBX whose log holds exactly these rows, served
 *   as any PBX would: per window, paged, newest first, `@odata.count`, row cap, clock, `$filter`,
 *   faults. Use it for what the client must get right from a well-behaved PBX.
 * - `serveCallLogRows(pbx, rows)` (this helper): a PBX that ignores the query and answers every
 *   call-log request with all of `rows` in one page, as given, `@odata.count` their number (a
 *   queued status-200 fault). Use it for what the bot must survive from a PBX that does not
 *   filter or page (e.g. rows outside the scope asked for).
 */
export function serveCallLogRows(pbx: DemoPbx, rows: readonly RawCallLogRow[]): void {
  pbx.misbehave({
    endpoint: 'calllog',
    status: 200,
    body: { '@odata.count': rows.length, value: rows },
    times: Number.MAX_SAFE_INTEGER,
  });
}

/** A demo PBX (seed 42, its clock pinned at `now`) that answers every call-log request with `rows`. */
export async function startPbxServingRows(now: Date, rows: readonly RawCallLogRow[]): Promise<DemoPbx> {
  const pbx = await startDemoPbx({ seed: 42, now });
  serveCallLogRows(pbx, rows);
  return pbx;
}

/**
 * A demo PBX (seed 42, its clock pinned at `now`) whose log holds exactly `rows` (`serveRows`),
 * 2-row pages unless `pageCap` says otherwise, newest first unless `order` says otherwise.
 */
export async function startPbxWithLog(
  now: Date,
  rows: readonly RawCallLogRow[],
  settings: { pageCap?: number; order?: 'newest-first' | 'oldest-first'; rowCap?: number } = {},
): Promise<DemoPbx> {
  const pbx = await startDemoPbx({
    seed: 42,
    now,
    rowOrder: settings.order ?? 'newest-first',
    ...(settings.rowCap === undefined ? {} : { rowCap: settings.rowCap }),
  });
  pbx.serveRows(rows);
  pbx.setPageCap(settings.pageCap ?? 2);
  return pbx;
}
