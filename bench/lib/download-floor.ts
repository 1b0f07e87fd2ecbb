import type { CallLogParameters } from '../../src/core/report-request';
import { buildCallLogPath } from '../../src/threecx/call-log-url';
import type { FetchWindow } from '../../src/threecx/call-log-windows';
import type { PbxSession } from './pbx-session';

/**
 * The floor: the same windows and pages the client requests (with the same `$select`),
 * `concurrency` at a time (each lane takes the next window as soon as it is done), each page
 * downloaded and JSON.parse-d, nothing else. Returns the number of rows.
 */
export async function downloadFloor(
  session: PbxSession,
  windows: readonly FetchWindow[],
  options: { concurrency: number; pageSize: number; callLog: CallLogParameters; select?: readonly string[] },
): Promise<number> {
  let next = 0;
  let rows = 0;
  const lane = async () => {
    while (next < windows.length) {
      const window = windows[next++]!;
      for (let skip = 0; ; ) {
        const path = buildCallLogPath(
          { from: new Date(window.startMs), to: new Date(window.endMs), callLog: options.callLog },
          { top: options.pageSize, skip, count: true, select: options.select },
        );
        const page = await session.getJson(path);
        const value = page.value as unknown[];
        rows += value.length;
        skip += value.length;
        if (value.length === 0 || skip >= Number(page['@odata.count'])) break;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, lane));
  return rows;
}
