// Routes Bolt's own log lines (and the Web API client's, e.g. rate-limit retries) through our Logger,
// so one `[slack]` stream shows everything. https://docs.slack.dev/tools/bolt-js/concepts/logging
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../types.js';

const ORDER = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];

export function boltLogger(logger: Logger, initial: LogLevel = LogLevel.INFO): BoltLogger {
  let level = initial;
  const enabled = (at: LogLevel) => ORDER.indexOf(at) >= ORDER.indexOf(level);
  return {
    debug: (...parts: unknown[]) => {
      if (enabled(LogLevel.DEBUG)) logger.info(join(parts), { level: 'debug' });
    },
    info: (...parts: unknown[]) => {
      if (enabled(LogLevel.INFO)) logger.info(join(parts));
    },
    warn: (...parts: unknown[]) => {
      if (enabled(LogLevel.WARN)) logger.warn(join(parts));
    },
    error: (...parts: unknown[]) => {
      if (enabled(LogLevel.ERROR)) logger.error(join(parts));
    },
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

function join(parts: unknown[]): string {
  return parts
    .map((part) => {
      if (typeof part === 'string') return part;
      if (part instanceof Error) return part.message;
      try {
        return JSON.stringify(part);
      } catch {
        return String(part);
      }
    })
    .join(' ');
}
