// `npm run eval [-- --split test] [-- --json]`: the question-answering evaluation over the real records.
import { join } from 'node:path';
import { openEngine } from '../src/open.js';
import { evaluate, loadQuestions, report, score } from './evaluate.js';

const ROOT = join(import.meta.dirname, '..', '..');

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const split = args.includes('--split') ? (args[args.indexOf('--split') + 1] ?? 'dev') : 'dev';
  const splits = split === 'all' ? ['dev', 'test'] : [split];
  const { engine } = await openEngine({ root: ROOT });
  for (const name of splits) {
    const outcomes = evaluate(engine, loadQuestions(join(ROOT, 'eval', `${name}.yaml`)));
    console.log(args.includes('--json') ? JSON.stringify({ split: name, ...score(outcomes) }) : `${report(name, outcomes)}\n`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
