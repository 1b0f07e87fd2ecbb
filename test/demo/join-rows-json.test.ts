import type { RawCallLogRow } from '../../src/core/call-log-source';
import type { DemoCall, DemoRow } from '../../src/demo/demo-call';
import { joinRowsJson } from '../../src/demo/join-rows-json';
import type { BucketRun } from '../../src/demo/row-selection';
import { buildServedBucket, measureServedBucket } from '../../src/demo/served-bucket';

function demoRow(startMs: number, name: string, isParkLeg = false): DemoRow {
  const call: DemoCall = { callId: startMs, startMs, answered: true, rows: [] };
  const row = { StartTime: String(startMs), SourceDisplayName: name, CallCost: 0.5, RecordingUrl: null };
  return { startMs, segmentId: startMs, isParkLeg, row: row as unknown as RawCallLogRow, call };
}

describe('served buckets and joined rows JSON', () => {
  const dayOne = [demoRow(1, 'Ann'), demoRow(2, 'Tomasz Zieliński', true), demoRow(3, 'Chloé "C" O\'Brien')];
  const dayTwo = [demoRow(4, 'Oscar Björk'), demoRow(5, 'Bob')];
  const buckets = new Map([
    [1, buildServedBucket(dayOne)],
    [2, buildServedBucket(dayTwo)],
  ]);
  const bucketOf = (dayNumber: number) => buckets.get(dayNumber)!;

  it('keeps each row as its JSON plus a comma in UTF-8, with start times and park flags', () => {
    const bucket = bucketOf(1);
    expect(Array.from(bucket.startMs)).toEqual([1, 2, 3]);
    expect(Array.from(bucket.parkLeg)).toEqual([0, 1, 0]);
    expect(bucket.offsets).toHaveLength(4);
    dayOne.forEach((row, index) => {
      const bytes = bucket.json.subarray(bucket.offsets[index], bucket.offsets[index + 1]);
      expect(bytes.toString('utf8')).toBe(`${JSON.stringify(row.row)},`);
    });
    expect(bucket.offsets[3]).toBe(bucket.json.length);
    expect(measureServedBucket(bucket)).toBe(bucket.json.length + 3 * 8 + 3 + 4 * 4);
  });

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

  it('frames an empty page', () => {
    expect(joinRowsJson([], false, bucketOf, '{"value":[', ']}').toString('utf8')).toBe('{"value":[]}');
  });
});
