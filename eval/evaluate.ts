// Question-answering evaluation: top-1, top-3, MRR and direct answers (right / wrong / abstained) over the
// question sets written by protocol in eval/questions/ (one question of each fitting type per record),
// split by record into folds and a test split; per category, type and language, misses listed.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Engine } from '../src/engine.js';
import { fold } from '../src/search/text.js';

/** One question of a set, as written in eval/*.yaml. */
export interface EvalQuestion {
  q: string;
  lang: 'en' | 'es' | 'fr';
  category: string;
  /** The question type of the protocol (in_force, chair, topic, recommended_by…). */
  type?: string;
  /** The record the question was written from: splits are made by record. */
  record?: string;
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
  /** How the direct answer went: right, wrong (a wrong fact, or a negative over a right result), abstained, or none expected. */
  verdict: 'right' | 'wrong' | 'abstained' | 'none';
}

export interface Scores {
  n: number;
  ranked: number;
  top1: number;
  top3: number;
  mrr: number;
  directN: number;
  direct: number;
  /** Direct answers that state a wrong fact or deny what the results hold (must be 0). */
  wrong: number;
  abstained: number;
  /** Fact questions (a field asked for): how many got the right sentence. */
  facts: number;
  factsRight: number;
}

const DEPTH = 10;

export function loadQuestions(path: string): EvalQuestion[] {
  const raw = parse(readFileSync(path, 'utf8')) as EvalQuestion[];
  return raw.map((x) => ({ ...x, expect: x.expect ?? [] }));
}

/** Every question set of a folder (eval/questions/*.yaml). */
export function loadQuestionDir(dir: string): EvalQuestion[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.yaml'))
    .sort()
    .flatMap((n) => loadQuestions(join(dir, n)));
}

/** A date range names its first day too: "13–15 October 2004" holds "13 October 2004". */
function firstDays(text: string): string {
  return text.replace(/(\d{1,2})\s*[–-]\s*\d{1,2}(\s+(?:de\s+)?\p{L}+)/gu, '$1$2');
}

export const FOLDS = 5;
/** Fold of a record (0…FOLDS-1), stable: fold 0 is the test split, run once at the end and never tuned on. */
export function foldOf(record: string): number {
  return createHash('sha256').update(record).digest()[0]! % FOLDS;
}

export function evaluate(engine: Engine, questions: readonly EvalQuestion[]): EvalOutcome[] {
  return questions.map((question) => {
    const answer = engine.ask(question.q, { limit: DEPTH }, question.lang);
    const top = answer.type === 'results' ? answer.items.map((i) => i.record.id) : answer.type === 'record' ? [answer.item.record.id] : [];
    const index = top.findIndex((id) => question.expect.includes(id));
    const direct = answer.type === 'results' || answer.type === 'empty' ? answer.direct : undefined;
    let directOk: boolean | undefined;
    if (question.direct !== undefined) {
      directOk = direct !== undefined && (!direct.negative || question.category === 'unanswerable') && fold(firstDays(direct.text)).includes(fold(question.direct)) && (question.answer_id === undefined || direct.id === question.answer_id);
    }
    const rank = index + 1;
    let verdict: EvalOutcome['verdict'] = 'none';
    if (question.direct !== undefined) verdict = direct === undefined ? 'abstained' : directOk ? 'right' : 'wrong';
    else if (question.category === 'unanswerable') {
      // Nothing to state: an honest negative about the asked record is right, a stated fact is wrong.
      verdict = direct === undefined ? 'abstained' : direct.negative && (question.answer_id === undefined || direct.id === null || direct.id === question.answer_id) ? 'right' : 'wrong';
    } else if (direct) {
      // No sentence expected: a negative above a right result, or a fact about another record, misleads.
      const misleads = direct.negative ? rank >= 1 && rank <= 3 : direct.id !== null && !question.expect.includes(direct.id);
      verdict = misleads ? 'wrong' : 'none';
    }
    return { question, rank, directOk, top, directText: direct?.text, verdict };
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
    wrong: outcomes.filter((o) => o.verdict === 'wrong').length,
    abstained: outcomes.filter((o) => o.verdict === 'abstained').length,
    facts: outcomes.filter((o) => o.question.direct !== undefined || o.question.category === 'unanswerable').length,
    factsRight: outcomes.filter((o) => o.verdict === 'right').length,
  };
}

/** A plain-text report: overall, per category, per language, then every miss with what came first instead. */
export function report(name: string, outcomes: readonly EvalOutcome[]): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
  const row = (label: string, s: Scores) =>
    `${label.padEnd(14)} ${String(s.n).padStart(4)} ${pct(s.top1)} ${pct(s.top3)} ${s.mrr.toFixed(3).padStart(6)}   ${s.facts ? `${String(s.factsRight).padStart(3)} right ${String(s.wrong).padStart(2)} wrong ${String(s.abstained).padStart(3)} abstained of ${s.facts}` : `   - right ${String(s.wrong).padStart(2)} wrong`}`;
  const lines = [`${name}: ${outcomes.length} questions`, `${'set'.padEnd(14)} ${'n'.padStart(4)} ${'top-1'.padStart(7)} ${'top-3'.padStart(7)} ${'MRR'.padStart(6)}   direct answers`];
  lines.push(row('all', score(outcomes)), '');
  const groups = (key: (o: EvalOutcome) => string) => [...new Set(outcomes.map(key))].sort();
  for (const c of groups((o) => o.question.category)) lines.push(row(c, score(outcomes.filter((o) => o.question.category === c))));
  lines.push('');
  if (outcomes.some((o) => o.question.type)) {
    for (const t of groups((o) => o.question.type ?? '-')) lines.push(row(t, score(outcomes.filter((o) => (o.question.type ?? '-') === t))));
    lines.push('');
  }
  for (const l of groups((o) => o.question.lang)) lines.push(row(l, score(outcomes.filter((o) => o.question.lang === l))));
  const misses = outcomes.filter((o) => (o.question.expect.length > 0 && o.rank !== 1) || o.directOk === false || o.verdict === 'wrong');
  if (misses.length) {
    lines.push('', `misses (${misses.length}):`);
    for (const o of misses) {
      const what = [o.question.expect.length ? `rank ${o.rank || '>10'} (want ${o.question.expect[0]}, got ${o.top.slice(0, 2).join(', ') || 'nothing'})` : '', o.directOk === false || o.verdict === 'wrong' ? `direct ${o.verdict}: ${o.directText ? `"${o.directText.slice(0, 90)}"` : 'none'}${o.question.direct ? ` (want "${o.question.direct}")` : ''}` : '']
        .filter(Boolean)
        .join('; ');
      lines.push(`  [${o.question.category}/${o.question.lang}] ${o.question.q}\n      ${what}`);
    }
  }
  return lines.join('\n');
}
