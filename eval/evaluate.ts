// Question-answering evaluation: top-1, top-3, MRR and direct answers over a committed question set
// (eval/dev.yaml to tune on, eval/test.yaml held out), per category and per language, misses listed.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Engine } from '../src/engine.js';
import { fold } from '../src/search/text.js';

/** One question of a set, as written in eval/*.yaml. */
export interface EvalQuestion {
  q: string;
  lang: 'en' | 'es' | 'fr';
  category: string;
  /** Records a right answer lists; the rank of the first one found is scored. */
  expect: string[];
  /** The record the direct answer must come from. */
  answer_id?: string;
  /** A substring the direct answer must contain (case and accents ignored). */
  direct?: string;
}

export interface EvalOutcome {
  question: EvalQuestion;
  /** 1-based rank of the first expected record in the first 10 results; 0 when absent. */
  rank: number;
  /** Whether the direct answer is what the question expects (undefined when none is expected). */
  directOk?: boolean;
  top: string[];
  directText?: string;
}

export interface Scores {
  n: number;
  ranked: number;
  top1: number;
  top3: number;
  mrr: number;
  directN: number;
  direct: number;
}

const DEPTH = 10;

export function loadQuestions(path: string): EvalQuestion[] {
  const raw = parse(readFileSync(path, 'utf8')) as EvalQuestion[];
  return raw.map((x) => ({ ...x, expect: x.expect ?? [] }));
}

export function evaluate(engine: Engine, questions: readonly EvalQuestion[]): EvalOutcome[] {
  return questions.map((question) => {
    const answer = engine.ask(question.q, { limit: DEPTH }, question.lang);
    const top = answer.type === 'results' ? answer.items.map((i) => i.record.id) : answer.type === 'record' ? [answer.item.record.id] : [];
    const index = top.findIndex((id) => question.expect.includes(id));
    const direct = answer.type === 'results' || answer.type === 'empty' ? answer.direct : undefined;
    let directOk: boolean | undefined;
    if (question.direct !== undefined) {
      directOk = direct !== undefined && fold(direct.text).includes(fold(question.direct)) && (question.answer_id === undefined || direct.id === question.answer_id);
    }
    return { question, rank: index + 1, directOk, top, directText: direct?.text };
  });
}

export function score(outcomes: readonly EvalOutcome[]): Scores {
  const ranked = outcomes.filter((o) => o.question.expect.length > 0);
  const directs = outcomes.filter((o) => o.directOk !== undefined);
  const share = (n: number, of: number) => (of === 0 ? 1 : n / of);
  return {
    n: outcomes.length,
    ranked: ranked.length,
    top1: share(ranked.filter((o) => o.rank === 1).length, ranked.length),
    top3: share(ranked.filter((o) => o.rank >= 1 && o.rank <= 3).length, ranked.length),
    mrr: share(ranked.reduce((sum, o) => sum + (o.rank ? 1 / o.rank : 0), 0), ranked.length),
    directN: directs.length,
    direct: share(directs.filter((o) => o.directOk).length, directs.length),
  };
}

/** A plain-text report: overall, per category, per language, then every miss with what came first instead. */
export function report(name: string, outcomes: readonly EvalOutcome[]): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
  const row = (label: string, s: Scores) =>
    `${label.padEnd(14)} ${String(s.n).padStart(4)} ${pct(s.top1)} ${pct(s.top3)} ${s.mrr.toFixed(3).padStart(6)}   ${s.directN ? `${pct(s.direct)} of ${s.directN}` : '      -'}`;
  const lines = [`${name}: ${outcomes.length} questions`, `${'set'.padEnd(14)} ${'n'.padStart(4)} ${'top-1'.padStart(7)} ${'top-3'.padStart(7)} ${'MRR'.padStart(6)}   direct`];
  lines.push(row('all', score(outcomes)), '');
  const groups = (key: (o: EvalOutcome) => string) => [...new Set(outcomes.map(key))].sort();
  for (const c of groups((o) => o.question.category)) lines.push(row(c, score(outcomes.filter((o) => o.question.category === c))));
  lines.push('');
  for (const l of groups((o) => o.question.lang)) lines.push(row(l, score(outcomes.filter((o) => o.question.lang === l))));
  const misses = outcomes.filter((o) => (o.question.expect.length > 0 && o.rank !== 1) || o.directOk === false);
  if (misses.length) {
    lines.push('', `misses (${misses.length}):`);
    for (const o of misses) {
      const what = [o.question.expect.length ? `rank ${o.rank || '>10'} (want ${o.question.expect[0]}, got ${o.top.slice(0, 2).join(', ') || 'nothing'})` : '', o.directOk === false ? `direct: ${o.directText ? `"${o.directText.slice(0, 90)}"` : 'none'} (want "${o.question.direct}")` : '']
        .filter(Boolean)
        .join('; ');
      lines.push(`  [${o.question.category}/${o.question.lang}] ${o.question.q}\n      ${what}`);
    }
  }
  return lines.join('\n');
}
