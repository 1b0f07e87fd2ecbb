import type { BucketRun } from './row-selection';
import type { SerializedRows } from './serialized-rows';

/**
 * `head` + the page's rows' cached JSON joined by commas + `tail`, in one buffer: the same bytes
 * as `JSON.stringify` of the rows inside the frame. Rows that follow each other in a bucket's
 * layout are copied as one piece (each row's JSON already ends with its comma): a page in the
 * layout's order (see `SerializedRows.newestFirst`) is a few copies, one in the other order a copy
 * per row.
 */
export function joinRowsJson(
  page: readonly BucketRun[],
  descending: boolean,
  bucketOf: (dayNumber: number) => SerializedRows,
  head: string,
  tail: string,
): Buffer {
  const buckets: SerializedRows[] = [];
  // Triples (bucket number in `buckets`, start byte, end byte), merged where contiguous.
  const pieces: number[] = [];
  let rowsBytes = 0;
  for (const run of page) {
    const bucket = bucketOf(run.dayNumber);
    buckets.push(bucket);
    const bucketNumber = buckets.length - 1;
    const { offsets, newestFirst } = bucket;
    const indices = run.indices;
    for (let step = 0; step < run.to - run.from; step += 1) {
      const index = indices[descending ? run.to - 1 - step : run.from + step]!;
      const start = newestFirst ? offsets[index + 1]! : offsets[index]!;
      const end = newestFirst ? offsets[index]! : offsets[index + 1]!;
      rowsBytes += end - start;
      const last = pieces.length - 3;
      if (last >= 0 && pieces[last] === bucketNumber && pieces[last + 2] === start) pieces[last + 2] = end;
      else pieces.push(bucketNumber, start, end);
    }
  }
  const headBytes = Buffer.byteLength(head, 'utf8');
  // The last row's comma is left out: the tail takes its place.
  const bodyBytes = headBytes + Math.max(0, rowsBytes - 1) + Buffer.byteLength(tail, 'utf8');
  const body = Buffer.allocUnsafe(bodyBytes);
  let position = body.write(head, 0, 'utf8');
  for (let piece = 0; piece < pieces.length; piece += 3) {
    const bucket = buckets[pieces[piece]!]!;
    position += bucket.json.copy(body, position, pieces[piece + 1]!, pieces[piece + 2]!);
  }
  if (rowsBytes > 0) position -= 1;
  body.write(tail, position, 'utf8');
  return body;
}
