// `npm run eval [-- --split dev|test|folds|legacy-dev|legacy-test|all] [-- --json] [-- --misses]`: the
// question-answering evaluation over the real records. dev = folds 1–4 of eval/questions/ (split by record);
// test = fold 0, run once at the end and never tuned on; folds = each fold's figures; legacy-* = the older
// hand-written sets (eval/dev.yaml, eval/test.yaml), kept for comparison.
import { join } from 'node:path';
import { openEngine } from '../src/open.js';
import { evaluate, foldOf, FOLDS, loadQuestionDir, loadQuestions, report, score, type EvalQuestion } from './evaluate.js';

const ROOT = join(import.meta.dirname, '..', '..');

function questionsOf(split: string): EvalQuestion[] {
  if (split === 'legacy-dev') return loadQuestions(join(ROOT, 'eval', 'dev.yaml'));
  if (split === 'legacy-test') return loadQuestions(join(ROOT, 'eval', 'test.yaml'));
  const all = loadQuestionDir(join(ROOT, 'eval', 'questions'));
  if (split === 'test') return all.filter((q) => foldOf(q.record ?? q.q) === 0);
  return all.filter((q) => foldOf(q.record ?? q.q) !== 0);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const split = args.includes('--split') ? (args[args.indexOf('--split') + 1] ?? 'dev') : 'dev';
  const { engine } = await openEngine({ root: ROOT });
  if (split === 'folds') {
    const dev = questionsOf('dev');
    for (let f = 1; f < FOLDS; f++) {
      const s = score(evaluate(engine, dev.filter((q) => foldOf(q.record ?? q.q) === f)));
      const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
      console.log(`fold ${f}: n ${s.n}  top-1 ${pct(s.top1)}  top-3 ${pct(s.top3)}  MRR ${s.mrr.toFixed(3)}  direct ${s.factsRight} right / ${s.wrong} wrong / ${s.abstained} abstained of ${s.facts}`);
    }
    return;
  }
  const splits = split === 'all' ? ['dev', 'test', 'legacy-dev', 'legacy-test'] : [split];
  for (const name of splits) {
    const outcomes = evaluate(engine, questionsOf(name));
    console.log(args.includes('--json') ? JSON.stringify({ split: name, ...score(outcomes) }) : `${report(name, outcomes)}\n`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
