// What to log about a failed Discord call: status, Discord's error code, method and route, tokens redacted.
// https://discord.com/developers/docs/topics/opcodes-and-status-codes#json
import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';

/** Discord error codes meaning the interaction can no longer be answered (older than 3 s, or its 15-min token expired). */
const EXPIRED_CODES = new Set<number | string>([10062, 10015, 50027]);

/** A URL's path with interaction and webhook tokens replaced, safe to log. */
export function redactRoute(url: string): string {
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    // already a path
  }
  return path.replace(/(\/interactions\/\d+\/)[^/?]+/, '$1:token').replace(/(\/webhooks\/\d+\/)[^/?]+/, '$1:token');
}

/** Loggable context for any error thrown by discord.js or its REST client (never the token). */
export function errorContext(error: unknown): Record<string, unknown> {
  if (error instanceof DiscordAPIError) {
    return { status: error.status, code: error.code, method: error.method, route: redactRoute(error.url), error: error.message };
  }
  if (error instanceof HTTPError) {
    return { status: error.status, method: error.method, route: redactRoute(error.url), error: error.message };
  }
  if (error instanceof RateLimitError) {
    return { status: 429, method: error.method, route: error.route, retryAfter: error.retryAfter, global: error.global };
  }
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { error: `${error.name}: ${error.message}`, ...(code !== undefined && { code }) };
  }
  return { error: String(error) };
}

/** Whether Discord refused because the interaction expired: no answer, not even an apology, can reach the user. */
export function isExpiredInteraction(error: unknown): boolean {
  return error instanceof DiscordAPIError && EXPIRED_CODES.has(error.code);
}
