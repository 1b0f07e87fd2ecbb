import type { RawCallLogRow } from '../core/call-log-source';

/** OData-style paging applied on our side: skip `skip` rows, then give at most `top`. */
export interface RowsPage {
  skip?: number;
  top?: number;
}

/** The rows of `page`, reading no further than its last row. */
export async function* pageRows(
  rows: AsyncIterable<RawCallLogRow>,
  page: RowsPage,
): AsyncGenerator<RawCallLogRow> {
  let toSkip = Math.max(0, page.skip ?? 0);
  let remaining = page.top ?? Number.POSITIVE_INFINITY;
  if (remaining <= 0) return;
  for await (const row of rows) {
    if (toSkip > 0) {
      toSkip--;
      continue;
    }
    yield row;
    if (--remaining <= 0) return;
  }
}

/**
 * Reads every row to the end and counts them, keeping those of `page` (at most `keepRows` of them,
 * so a large result is counted without being held): the count and the page come from the same
 * rows, whatever the page asks for.
 */
export async function countRowsKeepingPage(
  rows: AsyncIterable<RawCallLogRow>,
  page: RowsPage,
  keepRows = Number.POSITIVE_INFINITY,
): Promise<{ count: number; kept: RawCallLogRow[] }> {
  const first = Math.max(0, page.skip ?? 0);
  const end = first + Math.min(page.top ?? Number.POSITIVE_INFINITY, keepRows);
  const kept: RawCallLogRow[] = [];
  let count = 0;
  for await (const row of rows) {
    if (count >= first && count < end) kept.push(row);
    count++;
  }
  return { count, kept };
}
