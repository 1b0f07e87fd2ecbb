import type { RawCallLogRow } from '../../src/core/call-log-source';
import { type DemoPbx, startDemoPbx } from '../../src/demo/demo-pbx';

/**
 * Makes the demo PBX answer every call-log request from now on with exactly `rows` (one page,
 * `@odata.count` = their number), whatever the query: a PBX whose rows the test chose, served
 * over HTTP like any other. Rows outside a request's window are dropped by the client as usual.
 */
export function serveCallLogRows(pbx: DemoPbx, rows: readonly RawCallLogRow[]): void {
  pbx.misbehave({
    endpoint: 'calllog',
    status: 200,
    body: { '@odata.count': rows.length, value: rows },
    times: Number.MAX_SAFE_INTEGER,
  });
}

/** A demo PBX (seed 42, its history ending at `now`) that answers every call-log request with `rows`. */
export async function startPbxServingRows(now: Date, rows: readonly RawCallLogRow[]): Promise<DemoPbx> {
  const pbx = await startDemoPbx({ seed: 42, now });
  serveCallLogRows(pbx, rows);
  return pbx;
}
