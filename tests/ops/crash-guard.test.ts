// The process-level handlers of `npm start`: an error from a chat library's event handling is logged and the
// bot keeps serving; any other uncaught error is logged and stops the bot (exit 1); no secret is ever logged.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { describeCrash, fromChatLibrary, installCrashHandlers } from '../../adapters/crash-guard.js';
import { createLogger } from '../../adapters/types.js';

/** An error whose stack runs through the given file, as thrown there. */
function thrownIn(file: string, message = 'boom'): Error {
  const error = new TypeError(message);
  error.stack = `TypeError: ${message}\n    at handle (${file}:10:5)\n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)`;
  return error;
}

const DISCORD_FRAME = '/srv/rights/node_modules/discord.js/src/structures/BaseInteraction.js';
const SLACK_FRAME = '/srv/rights/node_modules/@slack/socket-mode/dist/src/SocketModeClient.js';
const OUR_FRAME = '/srv/rights/dist/adapters/digest/service.js';

function harness() {
  const lines: string[] = [];
  const fatal: unknown[] = [];
  const target = new EventEmitter();
  installCrashHandlers(target as unknown as NodeJS.Process, { logger: createLogger('rights', (line) => lines.push(line)), fatal: (error) => fatal.push(error) });
  return { lines, fatal, target };
}

describe('process-level error handlers', () => {
  it('tell a chat library’s event errors from the rest by their stack', () => {
    expect(fromChatLibrary(thrownIn(DISCORD_FRAME))).toBe(true);
    expect(fromChatLibrary(thrownIn('/srv/rights/node_modules/@discordjs/ws/dist/index.js'))).toBe(true);
    expect(fromChatLibrary(thrownIn(SLACK_FRAME))).toBe(true);
    expect(fromChatLibrary(thrownIn('/srv/rights/dist/adapters/discord/index.js'))).toBe(true);
    expect(fromChatLibrary(thrownIn(OUR_FRAME))).toBe(false);
    expect(fromChatLibrary(thrownIn('/srv/rights/node_modules/pg/lib/client.js'))).toBe(false);
    // Only frames count, not a message that names a library.
    expect(fromChatLibrary(thrownIn(OUR_FRAME, 'node_modules/discord.js/ is mentioned'))).toBe(false);
    expect(fromChatLibrary('a string rejection')).toBe(false);
    expect(fromChatLibrary(undefined)).toBe(false);
  });

  it('keep serving after an uncaught exception or rejection from a chat library, logging it', () => {
    const { lines, fatal, target } = harness();
    target.emit('uncaughtException', thrownIn(DISCORD_FRAME, "Cannot read properties of undefined (reading 'user')"));
    target.emit('unhandledRejection', thrownIn(SLACK_FRAME, 'socket hang up'));
    expect(fatal).toEqual([]);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/error \[rights\] uncaught exception while handling a chat event: that event is dropped, the bot keeps serving \{"error":"TypeError: Cannot read properties of undefined \(reading 'user'\)"\}$/);
    expect(lines[1]).toContain('unhandled rejection while handling a chat event');
  });

  it('stop the bot (exit 1) on any other error, after logging it', () => {
    const { lines, fatal, target } = harness();
    const error = thrownIn(OUR_FRAME, 'state corrupted');
    target.emit('uncaughtException', error);
    expect(fatal).toEqual([error]);
    expect(lines[0]).toContain('error [rights] uncaught exception: stopping (exit code 1) {"error":"TypeError: state corrupted"}');
    target.emit('unhandledRejection', 42);
    expect(fatal).toHaveLength(2);
    expect(lines[1]).toContain('unhandled rejection: stopping (exit code 1) {"error":"a non-error value: number"}');
  });

  it('never log a secret carried by the error, and give the stack only in debug mode', () => {
    const { lines, target } = harness();
    target.emit('uncaughtException', thrownIn(DISCORD_FRAME, 'login failed for xoxb-1234-5678-abcdefghijkl with Bot MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz0123'));
    expect(lines[0]).not.toContain('xoxb-1234');
    expect(lines[0]).not.toContain('MTIzNDU2');
    expect(lines[0]).toContain('[redacted]');
    expect(describeCrash(thrownIn(OUR_FRAME))).not.toHaveProperty('stack');
    expect(describeCrash(thrownIn(OUR_FRAME), true)).toHaveProperty('stack', expect.stringContaining(OUR_FRAME));
  });
});
