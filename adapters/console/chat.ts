// The console chat: what a user would type after `/rights`, answered as plain text.
// Works interactively (prompt `rights> `) and with piped input (answers, then exits at end of input).
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { engineGetter, type EngineSource, type ReloadResult } from '../../src/live.js';
import { renderText } from './render.js';
import { renderDigestText } from './render-digest.js';
import { buildDigest } from '../../src/digest/content.js';
import { translator, type Lang } from '../../src/i18n/catalog.js';
import { MESSAGES } from '../../src/i18n/messages.js';
import { fold } from '../../src/search/text.js';

export interface ConsoleChatOptions {
  /** The engine, or a getter read per line (reloads). */
  engine: EngineSource;
  /** `reload` in the chat: rebuilds the knowledge base now (start.ts passes the live engine's). */
  reload?: () => Promise<ReloadResult>;
  input: Readable;
  output: Writable;
  /** Show a prompt (interactive terminals only). */
  interactive: boolean;
}

const QUIT = new Set(['quit', 'exit', 'q', ':q', 'bye']);
/** "More" in English, Spanish and French, compared folded (case and accents ignored: "Más" is "mas"). */
const MORE = new Map<string, Lang>([['more', 'en'], ['mas', 'es'], ['plus', 'fr'], ['suite', 'fr']]);

/** Runs until `quit` or end of input. */
export function runConsoleChat({ engine: source, reload, input, output, interactive }: ConsoleChatOptions): Promise<void> {
  const current = engineGetter(source);
  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive, prompt: 'rights> ' });
  const say = (text: string) => output.write(`${text}\n`);
  const t = translator('en', MESSAGES);
  let last: { text: string; offset: number; lang: Lang } | undefined;

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
      if (reload && text.toLowerCase() === 'reload') {
        // Lines typed meanwhile are answered by the engine in place until the new one is swapped in.
        void reload().then((result) => {
          say(result.ok ? `Knowledge base reloaded: ${result.records} records.` : `Reload refused; still answering from the last good index:\n${result.problems}`);
          if (interactive) rl.prompt();
        });
        return;
      }
      try {
        const engine = current();
        const more = MORE.get(fold(text));
        if (more) {
          if (!last) say(translator(more, MESSAGES)('console.nothingToContinue'));
          else {
            const answer = engine.ask(last.text, { offset: last.offset });
            if (answer.type === 'results' && answer.items.length > 0) {
              last = { ...last, offset: last.offset + answer.items.length };
              say(renderText(answer));
            } else say(translator(last.lang, MESSAGES)('console.noMore'));
          }
        } else if (/^digest\b/i.test(text)) {
          // The console has no channel to subscribe: `digest` previews today's digest.
          say(renderDigestText(buildDigest(engine, { date: new Date().toISOString().slice(0, 10) }).digest));
        } else if (text !== '' || interactive) {
          const answer = engine.ask(text);
          last = answer.type === 'results' ? { text, offset: answer.items.length, lang: answer.lang } : undefined;
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
