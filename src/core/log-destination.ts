import type { DestinationStream } from 'pino';
import type pretty from 'pino-pretty';

/** Where log lines go: a writable stream (stderr) that tells whether it is a terminal. */
export type LogStream = NodeJS.WritableStream & { isTTY?: boolean };

/**
 * The logger's destination for `stream`: the stream itself (one JSON object per line) unless it is
 * a terminal, then pino-pretty's readable lines, in-process (no worker thread) and written
 * synchronously, so nothing is lost when the process exits right after a line.
 */
export function logDestination(stream: LogStream): DestinationStream {
  if (!stream.isTTY) return stream;
  // Loaded only for a terminal: pino-pretty and its dependencies take ~10 MB and ~80 ms to load.
  const prettyStream = require('pino-pretty') as typeof pretty;
  return prettyStream({
    destination: stream,
    sync: true,
    messageKey: 'message',
    translateTime: 'SYS:HH:MM:ss.l',
  });
}
