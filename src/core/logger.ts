import { redactSecrets } from './redact-secrets';

/**
 * A minimal structured logger: one JSON line per event on stderr. Callers pass facts, never
 * secrets; `redact` masks known secret values, in every spelling, as a second line of defence.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const LEVEL_ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface LoggerOptions {
  level?: LogLevel;
  /** Values that must never be printed (client secret, tokens); replaced by `[redacted]`. */
  secrets?: () => Iterable<string>;
  write?: (line: string) => void;
  now?: () => Date;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const threshold = LEVEL_ORDER[options.level ?? 'info'];
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  const log = (level: LogLevel, message: string, fields?: Record<string, unknown>) => {
    if (LEVEL_ORDER[level] < threshold) return;
    const line = JSON.stringify({ time: now().toISOString(), level, message, ...fields });
    write(redact(line, options.secrets?.() ?? []));
  };
  return {
    debug: (message, fields) => log('debug', message, fields),
    info: (message, fields) => log('info', message, fields),
    warn: (message, fields) => log('warn', message, fields),
    error: (message, fields) => log('error', message, fields),
  };
}

/** Replaces each secret (4 characters or longer), raw or encoded, with `[redacted]` (redact-secrets.ts). */
export const redact = redactSecrets;

/** A logger that drops everything, for tests and library defaults. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
