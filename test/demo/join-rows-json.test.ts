import type { RawCallLogRow } from '../../src/core/call-log-source';
import type { DemoCall, DemoRow } from '../../src/demo/demo-call';
import { joinRowsJson } from '../../src/demo/join-rows-json';
import type { BucketRun } from '../../src/demo/row-selection';
import { serializeRows } from '../../src/demo/serialized-rows';

function demoRow(startMs: number, name: string): DemoRow {
  const call: DemoCall = { callId: startMs, startMs, endMs: startMs, answered: true, rows: [] };
  const row = { StartTime: String(startMs), SourceDisplayName: name, CallCost: 0.5, RecordingUrl: null };
  return { startMs, segmentId: startMs, isParkLeg: false, row: row as unknown as RawCallLogRow, call };
}

describe('joined rows JSON', () => {
  const dayOne = [demoRow(1, 'Ann'), demoRow(2, 'Tomasz Zieliński'), demoRow(3, 'Chloé "C" O\'Brien')];
  const dayTwo = [demoRow(4, 'Oscar Björk'), demoRow(5, 'Bob')];
  const buckets = new Map([
    [1, serializeRows(dayOne)],
    [2, serializeRows(dayTwo)],
  ]);
  const bucketOf = (dayNumber: number) => buckets.get(dayNumber)!;

  const page: BucketRun[] = [
    { dayNumber: 1, indices: new Uint32Array([0, 1, 2]), from: 0, to: 3 },
    { dayNumber: 2, indices: new Uint32Array([0, 1]), from: 1, to: 2 },
  ];

  it('gives the bytes of JSON.stringify for the rows inside the frame, ascending', () => {
    const body = joinRowsJson(page, false, bucketOf, '{"count":4,"value":[', ']}');
    const rows = [dayOne[0]!, dayOne[1]!, dayOne[2]!, dayTwo[1]!].map((row) => row.row);
    expect(body.toString('utf8')).toBe(JSON.stringify({ count: 4, value: rows }));
  });

  it('gives the bytes of JSON.stringify for the rows read backwards, descending', () => {
    const body = joinRowsJson(page, true, bucketOf, '{"value":[', ']}');
    const rows = [dayOne[2]!, dayOne[1]!, dayOne[0]!, dayTwo[1]!].map((row) => row.row);
    expect(body.toString('utf8')).toBe(JSON.stringify({ value: rows }));
  });

  it('joins rows cut to a field selection', () => {
    const selected = new Map([
      [1, serializeRows(dayOne, ['SourceDisplayName', 'CallCost'])],
      [2, serializeRows(dayTwo, ['SourceDisplayName', 'CallCost'])],
    ]);
    const body = joinRowsJson(page, true, (dayNumber) => selected.get(dayNumber)!, '[', ']');
    expect(body.toString('utf8')).toBe(
      '[{"SourceDisplayName":"Chloé \\"C\\" O\'Brien","CallCost":0.5},{"SourceDisplayName":"Tomasz Zieliński","CallCost":0.5},' +
        '{"SourceDisplayName":"Ann","CallCost":0.5},{"SourceDisplayName":"Bob","CallCost":0.5}]',
    );
  });

  it('frames an empty page', () => {
    expect(joinRowsJson([], false, bucketOf, '{"value":[', ']}').toString('utf8')).toBe('{"value":[]}');
  });

  it('gives the same bytes from newest-first layouts, in either order', () => {
    const newest = new Map([
      [1, serializeRows(dayOne, undefined, true)],
      [2, serializeRows(dayTwo, undefined, true)],
    ]);
    for (const descending of [false, true]) {
      const expected = joinRowsJson(page, descending, bucketOf, '{"value":[', ']}');
      const body = joinRowsJson(page, descending, (dayNumber) => newest.get(dayNumber)!, '{"value":[', ']}');
      expect(body.toString('utf8')).toBe(expected.toString('utf8'));
    }
  });
});
