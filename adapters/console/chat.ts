// The console chat: what a user would type after `/rights`, answered as plain text.
// Works interactively (prompt `rights> `) and with piped input (answers, then exits at end of input).
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Engine } from '../../src/engine.js';
import { renderText } from './render.js';

export interface ConsoleChatOptions {
  engine: Engine;
  input: Readable;
  output: Writable;
  /** Show a prompt (interactive terminals only). */
  interactive: boolean;
}

const QUIT = new Set(['quit', 'exit', 'q', ':q', 'bye']);

/** Runs until `quit` or end of input. */
export function runConsoleChat({ engine, input, output, interactive }: ConsoleChatOptions): Promise<void> {
  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive, prompt: 'rights> ' });
  const say = (text: string) => output.write(`${text}\n`);
  let last: { text: string; offset: number } | undefined;

  if (interactive) {
    say('Rights Bot console. Ask e.g. "recommendations firewalls", "treaties consular"; "help" for more, "quit" to leave.');
    rl.prompt();
  }
  return new Promise((resolve) => {
    rl.on('line', (line) => {
      const text = line.trim();
      if (QUIT.has(text.toLowerCase())) {
        rl.close();
        return;
      }
      try {
        if (text.toLowerCase() === 'more') {
          if (!last) say('Nothing to continue: ask something first.');
          else {
            const answer = engine.ask(last.text, { offset: last.offset });
            if (answer.type === 'results' && answer.items.length > 0) {
              last = { text: last.text, offset: last.offset + answer.items.length };
              say(renderText(answer));
            } else say('No more results.');
          }
        } else if (text !== '' || interactive) {
          const answer = engine.ask(text);
          last = answer.type === 'results' ? { text, offset: answer.items.length } : undefined;
          say(renderText(answer));
        }
      } catch (error) {
        say(`Sorry, something went wrong answering that (${(error as Error).message}).`);
      }
      if (interactive) rl.prompt();
    });
    rl.on('close', () => {
      if (interactive) say('');
      resolve();
    });
  });
}
