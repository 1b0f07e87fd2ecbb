import type { RawCallLogRow } from '../../src/core/call-log-source';
import type { DemoCall, DemoRow } from '../../src/demo/demo-call';
import { measureSerializedRows, serializeRows } from '../../src/demo/serialized-rows';

function demoRow(startMs: number, name: string): DemoRow {
  const call: DemoCall = { callId: startMs, startMs, endMs: startMs, answered: true, rows: [] };
  const row = { StartTime: String(startMs), SourceDisplayName: name, CallCost: 0.5, RecordingUrl: null };
  return { startMs, segmentId: startMs, isParkLeg: false, row: row as unknown as RawCallLogRow, call };
}

const rows = [demoRow(1, 'Ann'), demoRow(2, 'Tomasz Zieliński'), demoRow(3, 'Chloé "C" O\'Brien')];

/** Row i's bytes, decoded. */
function rowText(serialized: ReturnType<typeof serializeRows>, index: number): string {
  return serialized.json.subarray(serialized.offsets[index], serialized.offsets[index + 1]).toString('utf8');
}

describe('serialized rows', () => {
  it('keeps each whole row as its JSON plus a comma, in UTF-8', () => {
    const serialized = serializeRows(rows);
    expect(rows.map((_, index) => rowText(serialized, index))).toEqual([
      '{"StartTime":"1","SourceDisplayName":"Ann","CallCost":0.5,"RecordingUrl":null},',
      '{"StartTime":"2","SourceDisplayName":"Tomasz Zieliński","CallCost":0.5,"RecordingUrl":null},',
      '{"StartTime":"3","SourceDisplayName":"Chloé \\"C\\" O\'Brien","CallCost":0.5,"RecordingUrl":null},',
    ]);
    expect(serialized.offsets).toHaveLength(4);
    expect(serialized.offsets[3]).toBe(serialized.json.length);
    expect(serialized.json.length).toBe(
      Buffer.byteLength(rows.map((_, i) => rowText(serialized, i)).join('')),
    );
    expect(measureSerializedRows(serialized)).toBe(serialized.json.length + 4 * 4);
  });

  it('cuts rows to the selected fields in the order asked, as projectRow does', () => {
    const serialized = serializeRows(rows, ['CallCost', 'SourceDisplayName', 'Missing', 'CallCost']);
    expect(rowText(serialized, 1)).toBe(
      '{"CallCost":0.5,"SourceDisplayName":"Tomasz Zieliński","Missing":null},',
    );
    expect(rowText(serialized, 2)).toBe(
      '{"CallCost":0.5,"SourceDisplayName":"Chloé \\"C\\" O\'Brien","Missing":null},',
    );
  });

  it('writes what projectRow gives for names every object has, and for no fields', () => {
    const odd = serializeRows(rows.slice(0, 1), ['constructor', 'StartTime', '__proto__', 'toString']);
    expect(rowText(odd, 0)).toBe('{"StartTime":"1"},');
    expect(rowText(serializeRows(rows.slice(0, 2), []), 1)).toBe('{},');
  });

  it('serialises no rows into an empty buffer', () => {
    const serialized = serializeRows([], ['StartTime']);
    expect(serialized.json.length).toBe(0);
    expect(Array.from(serialized.offsets)).toEqual([0]);
  });

  it('lays rows out newest first on request: the same bytes per row, the last row first', () => {
    const oldest = serializeRows(rows, ['SourceDisplayName']);
    const newest = serializeRows(rows, ['SourceDisplayName'], true);
    const newestText = (index: number) =>
      newest.json.subarray(newest.offsets[index + 1], newest.offsets[index]).toString('utf8');
    expect(rows.map((_, index) => newestText(index))).toEqual(rows.map((_, index) => rowText(oldest, index)));
    expect(newest.json.toString('utf8')).toBe([2, 1, 0].map((index) => rowText(oldest, index)).join(''));
    expect(Array.from(newest.offsets)).toEqual([
      newest.json.length,
      newest.json.length - (oldest.offsets[1]! - oldest.offsets[0]!),
      newest.json.length - oldest.offsets[2]!,
      0,
    ]);
  });
});
