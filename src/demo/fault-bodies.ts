import type { ServerResponse } from 'node:http';
import type { DemoResponse } from './demo-response';

/** Bytes written at a time when a fault streams a body. */
const CHUNK_BYTES = 64 * 1024;

function bytesOf(answer: DemoResponse): Buffer {
  return typeof answer.body === 'string' ? Buffer.from(answer.body, 'utf8') : answer.body;
}

/** Writes one chunk; resolves when the socket may take more, false once the client is gone. */
function writeChunk(response: ServerResponse, chunk: Buffer | string): Promise<boolean> {
  if (response.destroyed || response.writableEnded) return Promise.resolve(false);
  if (response.write(chunk)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (open: boolean) => {
      response.off('drain', onDrain);
      response.off('close', onClose);
      resolve(open);
    };
    const onDrain = () => done(true);
    const onClose = () => done(false);
    response.once('drain', onDrain);
    response.once('close', onClose);
  });
}

/** Sends the headers and the first half of the body (at least 1 byte), then destroys the socket. */
export function sendCut(response: ServerResponse, answer: DemoResponse): void {
  const bytes = bytesOf(answer);
  response.writeHead(answer.status, {
    ...answer.headers,
    'content-length': String(Math.max(bytes.length, 2)),
  });
  const part = bytes.subarray(0, Math.max(1, Math.floor(bytes.length / 2)));
  response.write(part, () => {
    setTimeout(() => response.socket?.destroy(), 20);
  });
}

/**
 * A 200 answer of `bytes` bytes (at least the real answer's): `padded` is the real answer then
 * spaces (valid JSON); `nested` is `{"value":[[[…]]]}` nested as deep as the size allows.
 * Streamed in chunks, so the demo never holds it whole.
 */
export async function sendOversized(
  response: ServerResponse,
  answer: DemoResponse,
  bytes: number,
  shape: 'padded' | 'nested',
): Promise<void> {
  const real = bytesOf(answer);
  const depth = Math.max(0, Math.floor((bytes - '{"value":}'.length) / 2));
  const parts: Array<[string | Buffer, number]> =
    shape === 'nested'
      ? [
          ['{"value":', 1],
          ['[', depth],
          [']', depth],
          [' ', Math.max(0, bytes - '{"value":}'.length - 2 * depth)],
          ['}', 1],
        ]
      : [
          [real, 1],
          [' ', Math.max(0, bytes - real.length)],
        ];
  const total = parts.reduce((sum, [piece, times]) => sum + Buffer.byteLength(piece) * times, 0);
  response.writeHead(200, { ...answer.headers, 'content-length': String(total) });
  for (const [piece, times] of parts) {
    if (Buffer.isBuffer(piece)) {
      if (!(await writeChunk(response, piece))) return;
      continue;
    }
    const chunk = piece.repeat(Math.min(times, CHUNK_BYTES));
    for (let left = times; left > 0; left -= CHUNK_BYTES) {
      if (!(await writeChunk(response, left >= CHUNK_BYTES ? chunk : piece.repeat(left)))) return;
    }
  }
  response.end();
}

/**
 * A 200 answer that never ends: the real answer's head, then its rows (or, without rows, an empty
 * object) over and over, comma-separated, until the client goes away or the server closes.
 */
export async function sendEndless(response: ServerResponse, answer: DemoResponse): Promise<void> {
  const text = bytesOf(answer).toString('utf8');
  const valueStart = text.indexOf('"value":[');
  const head = valueStart < 0 ? '{"value":[' : text.slice(0, valueStart + '"value":['.length);
  let rows: unknown[] = [];
  try {
    const parsed = JSON.parse(text) as { value?: unknown };
    if (Array.isArray(parsed.value)) rows = parsed.value;
  } catch {
    // Not JSON: endless empty objects.
  }
  const unit = `${(rows.length > 0 ? rows : [{}]).map((row) => JSON.stringify(row)).join(',')},`;
  const chunk = unit.repeat(Math.max(1, Math.floor(CHUNK_BYTES / Buffer.byteLength(unit))));
  const { 'content-length': _ignored, ...headers } = answer.headers;
  response.writeHead(200, headers);
  if (!(await writeChunk(response, head))) return;
  while (await writeChunk(response, chunk)) {
    // Until the client aborts or the server closes the connection.
  }
}
