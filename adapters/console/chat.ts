// The console chat: what a user would type after `/rights`, answered as plain text.
// Works interactively (prompt `rights> `) and with piped input (answers, then exits at end of input).
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Engine } from '../../src/engine.js';
import { renderText } from './render.js';
import { renderDigestText } from './render-digest.js';
import { buildDigest } from '../../src/digest/content.js';
import { translator } from '../../src/i18n/catalog.js';
import { MESSAGES } from '../../src/i18n/messages.js';

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
  const t = translator('en', MESSAGES);
  let last: { text: string; offset: number } | undefined;

  if (interactive) {
    say(t('console.welcome'));
    rl.prompt();
  }
  let closed = false;
  return new Promise((resolve) => {
    rl.on('line', (line) => {
      // readline may still deliver lines it had buffered before `quit` closed it.
      if (closed) return;
      const text = line.trim();
      if (QUIT.has(text.toLowerCase())) {
        closed = true;
        rl.close();
        return;
      }
      try {
        if (text.toLowerCase() === 'more') {
          if (!last) say(t('console.nothingToContinue'));
          else {
            const answer = engine.ask(last.text, { offset: last.offset });
            if (answer.type === 'results' && answer.items.length > 0) {
              last = { text: last.text, offset: last.offset + answer.items.length };
              say(renderText(answer));
            } else say(t('console.noMore'));
          }
        } else if (/^digest\b/i.test(text)) {
          // The console has no channel to subscribe: `digest` previews today's digest.
          say(renderDigestText(buildDigest(engine, { date: new Date().toISOString().slice(0, 10) }).digest));
        } else if (text !== '' || interactive) {
          const answer = engine.ask(text);
          last = answer.type === 'results' ? { text, offset: answer.items.length } : undefined;
          say(renderText(answer));
        }
      } catch (error) {
        say(t('error.sorry'));
        process.stderr.write(`[console] error answering ${JSON.stringify(text.slice(0, 200))}: ${(error as Error).message}\n`);
      }
      if (interactive) rl.prompt();
    });
    rl.on('close', () => {
      if (interactive) say('');
      resolve();
    });
  });
}
