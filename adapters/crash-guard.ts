// The last net under the bot: process-level `uncaughtException` and `unhandledRejection` handlers.
// An error raised while a chat library handles an event (discord.js reading a gateway packet, Bolt or the
// Slack SDK, their WebSocket) concerns that one event: it is logged and the bot keeps serving. Any other
// error may have left the process in a state nobody planned for: it is logged and the bot stops cleanly
// with exit code 1, for the orchestrator to start it afresh. https://nodejs.org/api/process.html#event-uncaughtexception
import type { Logger } from './types.js';

/**
 * Stack frames of the chat libraries and of our adapters' event listeners, which run inside those libraries'
 * event handling: an error thrown there belongs to one event.
 */
const CHAT_EVENT_FRAME =
  /node_modules[\\/](?:discord\.js|@discordjs[\\/][\w.-]+|@sapphire[\\/][\w.-]+|@vladfrangu[\\/]async_event_emitter|@slack[\\/][\w.-]+|ws)[\\/]|[\\/]adapters[\\/](?:discord|slack)[\\/]/;

/** Whether an error came from a chat library's event handling, judged by its stack (no stack: not known to be safe). */
export function fromChatLibrary(error: unknown): boolean {
  const stack = error instanceof Error ? error.stack : undefined;
  if (typeof stack !== 'string') return false;
  // The first line is the message, which may quote anything (a path, a package name).
  return stack
    .split('\n')
    .slice(1)
    .some((frame) => CHAT_EVENT_FRAME.test(frame));
}

/** What to log about an error: its name, message and code; the stack only when asked (RIGHTS_DEBUG). The logger redacts secrets. */
export function describeCrash(error: unknown, debug = false): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: `a non-error value: ${typeof error === 'string' ? error : typeof error}` };
  const code = (error as { code?: unknown }).code;
  return {
    error: `${error.name}: ${error.message}`,
    ...(code !== undefined && { code }),
    ...(debug && error.stack && { stack: error.stack }),
  };
}

export interface CrashHandlerOptions {
  logger: Logger;
  /** Stops the bot cleanly and exits with code 1; called for an error outside any chat library. */
  fatal: (error: unknown) => void;
  /** Log stack traces too (RIGHTS_DEBUG). */
  debug?: boolean;
}

/** Installs both handlers on `target` (the process; an EventEmitter in tests). */
export function installCrashHandlers(target: Pick<NodeJS.Process, 'on'>, options: CrashHandlerOptions): void {
  const { logger, fatal, debug = false } = options;
  const handle = (kind: 'uncaught exception' | 'unhandled rejection', error: unknown) => {
    if (fromChatLibrary(error)) {
      logger.error(`${kind} while handling a chat event: that event is dropped, the bot keeps serving`, describeCrash(error, debug));
      return;
    }
    logger.error(`${kind}: stopping (exit code 1)`, describeCrash(error, debug));
    fatal(error);
  };
  target.on('uncaughtException', (error) => handle('uncaught exception', error));
  target.on('unhandledRejection', (reason) => handle('unhandled rejection', reason));
}
