import type { DemoRow } from './demo-call';

/**
 * One bucket's rows (see `call-log-store.ts`) in compact form: what counting, paging and
 * serialising need, without the row objects. Row i is the bucket's i-th row in served order.
 */
export interface ServedBucket {
  /** StartTime in epoch ms per row, ascending. */
  startMs: Float64Array;
  /** 1 for a parking-orbit leg (hidden by `hidePcalls=true`), else 0. */
  parkLeg: Uint8Array;
  /** Every row's `JSON.stringify(row)` in UTF-8, each followed by a comma. */
  json: Buffer;
  /** Row i's JSON and its comma are `json[offsets[i], offsets[i + 1])`; n + 1 entries. */
  offsets: Uint32Array;
}

/** Serialises a bucket's rows once, into one buffer with offsets. */
export function buildServedBucket(rows: readonly DemoRow[]): ServedBucket {
  const count = rows.length;
  const startMs = new Float64Array(count);
  const parkLeg = new Uint8Array(count);
  const offsets = new Uint32Array(count + 1);
  const texts: string[] = new Array(count);
  let bytes = 0;
  for (let index = 0; index < count; index += 1) {
    const demoRow = rows[index]!;
    startMs[index] = demoRow.startMs;
    parkLeg[index] = demoRow.isParkLeg ? 1 : 0;
    const text = `${JSON.stringify(demoRow.row)},`;
    texts[index] = text;
    offsets[index] = bytes;
    bytes += Buffer.byteLength(text, 'utf8');
  }
  offsets[count] = bytes;
  const json = Buffer.allocUnsafeSlow(bytes);
  for (let index = 0; index < count; index += 1) json.write(texts[index]!, offsets[index]!, 'utf8');
  return { startMs, parkLeg, json, offsets };
}

/** Roughly what a served bucket holds in memory, in bytes. */
export function measureServedBucket(bucket: ServedBucket): number {
  return (
    bucket.json.length + bucket.startMs.byteLength + bucket.parkLeg.byteLength + bucket.offsets.byteLength
  );
}
