import type { RawCallLogRow } from '../../src/core/call-log-source';
import { countRowsKeepingPage, pageRows } from '../../src/report/page-rows';

/** Rows 0..count-1, handed out one at a time; `read` says how many were taken. */
function numberedRows(count: number) {
  const state = { read: 0 };
  async function* rows(): AsyncGenerator<RawCallLogRow> {
    for (let n = 0; n < count; n++) {
      state.read++;
      yield { n };
    }
  }
  return { rows: rows(), state };
}

const numbers = (rows: readonly RawCallLogRow[]) => rows.map((row) => row.n);

async function collect(rows: AsyncIterable<RawCallLogRow>): Promise<RawCallLogRow[]> {
  const out: RawCallLogRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

describe('paging rows on our side', () => {
  it('skips, then gives at most top, reading no further', async () => {
    const { rows, state } = numberedRows(100);
    expect(numbers(await collect(pageRows(rows, { skip: 2, top: 3 })))).toEqual([2, 3, 4]);
    expect(state.read).toBe(5);
    expect(numbers(await collect(pageRows(numberedRows(4).rows, { skip: 3 })))).toEqual([3]);
    expect(await collect(pageRows(numberedRows(4).rows, { top: 0 }))).toEqual([]);
  });

  it('counts every row whatever the page, keeping only the page (and at most keepRows of it)', async () => {
    const { rows, state } = numberedRows(100);
    const { count, kept } = await countRowsKeepingPage(rows, { skip: 10, top: 5 });
    expect(count).toBe(100);
    expect(state.read).toBe(100);
    expect(numbers(kept)).toEqual([10, 11, 12, 13, 14]);
    const capped = await countRowsKeepingPage(numberedRows(100).rows, { skip: 1 }, 3);
    expect({ count: capped.count, kept: numbers(capped.kept) }).toEqual({ count: 100, kept: [1, 2, 3] });
  });
});
