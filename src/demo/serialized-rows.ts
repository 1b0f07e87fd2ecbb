import type { DemoRow } from './demo-call';
import { projectRow } from './odata-query-options';

/**
 * One bucket's rows as served JSON, each row's JSON followed by its comma. `newestFirst` lays the
 * rows out last to first, so that a newest-first page (the PBX's default order) is copied in
 * contiguous pieces as an oldest-first page is from the other layout.
 * Row i's bytes: oldest first `json[offsets[i], offsets[i + 1])`; newest first
 * `json[offsets[i + 1], offsets[i])` (there `offsets` descends from the buffer's length to 0).
 */
export interface SerializedRows {
  /** Every row's JSON in UTF-8, each followed by a comma. */
  json: Buffer;
  /** n + 1 entries. */
  offsets: Uint32Array;
  newestFirst: boolean;
}

/**
 * Serialises a bucket's rows once, into one buffer with offsets: each row as `JSON.stringify(row)`,
 * or, with `select`, as `JSON.stringify(projectRow(row, select))` (the very bytes a `$select` page
 * held when it stringified its projected rows).
 */
export function serializeRows(
  rows: readonly DemoRow[],
  select?: readonly string[],
  newestFirst = false,
): SerializedRows {
  const count = rows.length;
  const offsets = new Uint32Array(count + 1);
  const texts: string[] = new Array(count);
  const lengths: number[] = new Array(count);
  let total = 0;
  for (let index = 0; index < count; index += 1) {
    const row = rows[index]!.row;
    const text = `${JSON.stringify(select === undefined ? row : projectRow(row, select))},`;
    texts[index] = text;
    lengths[index] = Buffer.byteLength(text, 'utf8');
    total += lengths[index]!;
  }
  // Oldest first: offsets ascend from 0. Newest first: row n - 1 starts at 0, row 0 ends at the end.
  let position = newestFirst ? total : 0;
  for (let index = 0; index < count; index += 1) {
    offsets[index] = position;
    position += newestFirst ? -lengths[index]! : lengths[index]!;
  }
  offsets[count] = position;
  const json = Buffer.allocUnsafeSlow(total);
  for (let index = 0; index < count; index += 1) {
    json.write(texts[index]!, newestFirst ? offsets[index + 1]! : offsets[index]!, 'utf8');
  }
  return { json, offsets, newestFirst };
}

/** What serialised rows hold in memory, in bytes. */
export function measureSerializedRows(rows: SerializedRows): number {
  return rows.json.length + rows.offsets.byteLength;
}
