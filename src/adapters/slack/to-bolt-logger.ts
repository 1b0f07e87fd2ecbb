import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../core/logger';

/**
 * Our logger in the shape Bolt and the Slack SDK want. Their messages keep only strings and error
 * messages: objects (payloads, request options) are never printed, so no call data or header
 * reaches the log through them.
 */
export function toBoltLogger(logger: Logger): BoltLogger {
  let level: LogLevel = LogLevel.INFO;
  const order: Record<LogLevel, number> = {
    [LogLevel.DEBUG]: 10,
    [LogLevel.INFO]: 20,
    [LogLevel.WARN]: 30,
    [LogLevel.ERROR]: 40,
  };
  const write = (at: LogLevel, parts: unknown[]) => {
    if (order[at] < order[level]) return;
    const message = `slack: ${parts.map(describePart).join(' ')}`;
    logger[at](message);
  };
  return {
    debug: (...parts: unknown[]) => write(LogLevel.DEBUG, parts),
    info: (...parts: unknown[]) => write(LogLevel.INFO, parts),
    warn: (...parts: unknown[]) => write(LogLevel.WARN, parts),
    error: (...parts: unknown[]) => write(LogLevel.ERROR, parts),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

function describePart(part: unknown): string {
  if (typeof part === 'string') return part;
  if (typeof part === 'number' || typeof part === 'boolean') return String(part);
  if (part instanceof Error) return `${part.name}: ${part.message}`;
  return `[${typeof part}]`;
}
