// Log lines of every part of the bot. By default one human-readable line per event on stderr
// (`2026-11-29T10:00:00.000Z info [slack] message {"key":"value"}`); with LOG_FORMAT=json, one JSON object
// per line through pino (https://getpino.io), for log collectors. In both, secrets are redacted: fields
// named like one (token, signingSecret, authorization…) and any value that looks like a token.
import pino from 'pino';
import { isSecretField, REDACTED, redactSecrets, SECRET_FIELDS } from './secrets.js';

export type LogFormat = 'text' | 'json';
export type LogLevel = 'info' | 'warn' | 'error';
export type WriteLine = (line: string) => void;

let format: LogFormat = 'text';

/** Chooses the format of every logger, including those made before (the entry point reads LOG_FORMAT after its first logger exists). */
export function configureLogging(options: { format: LogFormat }): void {
  format = options.format;
}

export function logFormat(): LogFormat {
  return format;
}

/** How deep, how many items and how many characters of a context are logged: a 10 kB paste is not. */
const MAX_DEPTH = 4;
const MAX_ITEMS = 30;
const MAX_STRING = 1_000;
const MAX_STACK = 8_000;

/**
 * A context safe to log: secret fields and token-looking values redacted, errors as `Name: message`,
 * long strings and lists cut, cycles and BigInts made printable (a log call must never throw).
 */
export function safeContext(context: Record<string, unknown>): Record<string, unknown> {
  return safeValue(context, 0, new WeakSet()) as Record<string, unknown>;
}

function safeValue(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return cut(redactSecrets(value));
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return cut(redactSecrets(`${value.name}: ${value.message}${code !== undefined ? ` (${String(code)})` : ''}`));
  }
  if (value instanceof Date) return value.toISOString();
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return Array.isArray(value) ? `[${value.length} items]` : '[object]';
  seen.add(value);
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((item) => safeValue(item, depth + 1, seen));
    return value.length > MAX_ITEMS ? [...items, `… ${value.length - MAX_ITEMS} more`] : items;
  }
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (isSecretField(key) && field !== undefined && field !== null && field !== '') out[key] = REDACTED;
    // A stack trace (RIGHTS_DEBUG only) is worth more room than a pasted text.
    else if (key === 'stack' && typeof field === 'string') out[key] = cut(redactSecrets(field), MAX_STACK);
    else out[key] = safeValue(field, depth + 1, seen);
  }
  return out;
}

function cut(text: string, max = MAX_STRING): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text;
}

/** The human-readable line: time, level, [component], message, context as JSON. */
export function textLine(level: LogLevel, component: string, message: string, context?: Record<string, unknown>): string {
  const safe = context ? ` ${JSON.stringify(safeContext(context))}` : '';
  return `${new Date().toISOString()} ${level} [${component}] ${redactSecrets(message)}${safe}`;
}

/** pino's own redaction of the known secret fields, a second net behind safeContext. */
const REDACT_PATHS = SECRET_FIELDS.flatMap((field) => [`context.${field}`, `context.*.${field}`]);

function jsonLogger(component: string, write?: WriteLine): pino.Logger {
  const destination = write ? { write: (chunk: string) => write(chunk.replace(/\n$/, '')) } : pino.destination({ dest: 2, sync: true });
  return pino(
    {
      level: 'info',
      base: { component },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: REDACTED },
    },
    destination,
  );
}

/**
 * A log function for one component. The format is looked up at each call; the pino logger of the JSON
 * format is made on first use. A failure to write is swallowed: logging never takes the bot down.
 */
export function createLogLine(component: string, write?: WriteLine): (level: LogLevel, message: string, context?: Record<string, unknown>) => void {
  let json: pino.Logger | undefined;
  const writeText: WriteLine = write ?? ((line) => process.stderr.write(`${line}\n`));
  return (level, message, context) => {
    try {
      if (format === 'text') return writeText(textLine(level, component, message, context));
      json ??= jsonLogger(component, write);
      const safeMessage = redactSecrets(message);
      if (context) json[level]({ context: safeContext(context) }, safeMessage);
      else json[level](safeMessage);
    } catch {
      // Nowhere left to report it; the event itself must go on.
    }
  };
}
