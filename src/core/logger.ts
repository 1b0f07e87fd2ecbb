import pino from 'pino';
import { type LogStream, logDestination } from './log-destination';
import { redactSecrets } from './redact-secrets';

/**
 * The structured logger, on pino: one JSON line per event on stderr (readable lines when stderr is
 * a terminal, log-destination.ts), `{"time":ISO,"level":"info","message":…,...fields}`. Callers
 * pass facts, never secrets; every line is masked for known secret values, in every spelling, as a
 * second line of defence (pino's own `redact` only knows key paths).
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface LoggerOptions {
  /** The lowest level written (LOG_LEVEL); default `info`. */
  level?: LogLevel;
  /** Values that must never be printed (client secret, tokens); replaced by `[redacted]`. Asked for every line. */
  secrets?: () => Iterable<string>;
  /** Takes each line without its newline (tests, the CLI); wins over `destination`. */
  write?: (line: string) => void;
  /** Where lines go; default stderr. A terminal (`isTTY`) gets readable lines instead of JSON. */
  destination?: LogStream;
  now?: () => Date;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const now = options.now ?? (() => new Date());
  const { write } = options;
  const destination = write
    ? { write: (line: string) => write(line.replace(/\n$/, '')) }
    : logDestination(options.destination ?? process.stderr);
  const log = pino(
    {
      level: options.level ?? 'info',
      base: null,
      messageKey: 'message',
      // Today's key order: pino starts a line with the level formatter's object and the timestamp,
      // then the logged object. So the level object is empty, the timestamp opens the line (no
      // leading comma), and the level label comes first in the logged object (the mixin).
      formatters: { level: () => ({}) },
      timestamp: () => `"time":"${now().toISOString()}"`,
      mixin: (_object, level, logger) => ({ level: logger.levels.labels[level] }),
      hooks: { streamWrite: (line) => redactSecrets(line, options.secrets?.() ?? []) },
    },
    destination,
  );
  // The message goes in the logged object, not as pino's message argument (which it puts last);
  // fields may override it, as before.
  return {
    debug: (message, fields) => log.debug({ message, ...fields }),
    info: (message, fields) => log.info({ message, ...fields }),
    warn: (message, fields) => log.warn({ message, ...fields }),
    error: (message, fields) => log.error({ message, ...fields }),
  };
}

/** Replaces each secret (4 characters or longer), raw or encoded, with `[redacted]` (redact-secrets.ts). */
export const redact = redactSecrets;

/** A logger that drops everything, for tests and library defaults. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
