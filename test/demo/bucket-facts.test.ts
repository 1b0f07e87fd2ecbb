import type { RawCallLogRow } from '../../src/core/call-log-source';
import { buildBucketFacts, measureBucketFacts } from '../../src/demo/bucket-facts';
import type { DemoCall, DemoRow } from '../../src/demo/demo-call';

function demoRow(startMs: number, isParkLeg: boolean): DemoRow {
  const call: DemoCall = { callId: startMs, startMs, endMs: startMs + 10, answered: true, rows: [] };
  return { startMs, segmentId: startMs, isParkLeg, row: {} as RawCallLogRow, call };
}

describe('bucket facts', () => {
  it('keeps each row start time, park flag and call end, in row order', () => {
    const facts = buildBucketFacts([demoRow(5, false), demoRow(7, true), demoRow(7, false)]);
    expect(Array.from(facts.startMs)).toEqual([5, 7, 7]);
    expect(Array.from(facts.parkLeg)).toEqual([0, 1, 0]);
    expect(Array.from(facts.callEndMs)).toEqual([15, 17, 17]);
    expect(facts.lastCallEndMs).toBe(17);
    expect(measureBucketFacts(facts)).toBe(3 * 8 + 3 + 3 * 8);
  });

  it('describes an empty bucket', () => {
    const facts = buildBucketFacts([]);
    expect(facts.startMs).toHaveLength(0);
    expect(measureBucketFacts(facts)).toBe(0);
  });
});
