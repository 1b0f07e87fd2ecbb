import type { DemoRow } from './demo-call';
import { projectRow } from './odata-query-options';

/** One bucket's rows as served JSON: row i's JSON and its comma are `json[offsets[i], offsets[i + 1])`. */
export interface SerializedRows {
  /** Every row's JSON in UTF-8, each followed by a comma. */
  json: Buffer;
  /** n + 1 entries. */
  offsets: Uint32Array;
}

/**
 * Serialises a bucket's rows once, into one buffer with offsets: each row as `JSON.stringify(row)`,
 * or, with `select`, as `JSON.stringify(projectRow(row, select))` (the very bytes a `$select` page
 * held when it stringified its projected rows).
 */
export function serializeRows(rows: readonly DemoRow[], select?: readonly string[]): SerializedRows {
  const count = rows.length;
  const offsets = new Uint32Array(count + 1);
  const texts: string[] = new Array(count);
  let bytes = 0;
  for (let index = 0; index < count; index += 1) {
    const row = rows[index]!.row;
    const text = `${JSON.stringify(select === undefined ? row : projectRow(row, select))},`;
    texts[index] = text;
    offsets[index] = bytes;
    bytes += Buffer.byteLength(text, 'utf8');
  }
  offsets[count] = bytes;
  const json = Buffer.allocUnsafeSlow(bytes);
  for (let index = 0; index < count; index += 1) json.write(texts[index]!, offsets[index]!, 'utf8');
  return { json, offsets };
}

/** What serialised rows hold in memory, in bytes. */
export function measureSerializedRows(rows: SerializedRows): number {
  return rows.json.length + rows.offsets.byteLength;
}
