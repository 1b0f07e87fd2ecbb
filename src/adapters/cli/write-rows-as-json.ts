import type { RawCallLogRow } from '../../core/call-log-source';

/**
 * Where output goes: process.stdout, or a collector in tests. Text, or bytes (an XLSX export).
 * `once('drain')` enables backpressure.
 */
export interface TextSink {
  write(chunk: string | Uint8Array): unknown;
  once?(event: 'drain', listener: () => void): unknown;
}

/**
 * Streams rows as one JSON document (an array, or `{"count": N, "rows": [...]}`) without holding
 * them. If the rows fail mid-way the closing bracket is never written, so the output can't pass
 * for a complete answer.
 */
export async function writeRowsAsJson(
  rows: AsyncIterable<RawCallLogRow>,
  count: number | undefined,
  out: TextSink,
): Promise<void> {
  out.write(count === undefined ? '[' : `{"count":${count},"rows":[`);
  let first = true;
  for await (const row of rows) {
    const accepted = out.write(`${first ? '\n' : ',\n'}${JSON.stringify(row)}`);
    if (accepted === false && out.once) await new Promise<void>((resolve) => out.once?.('drain', resolve));
    first = false;
  }
  out.write(count === undefined ? '\n]\n' : '\n]}\n');
}
