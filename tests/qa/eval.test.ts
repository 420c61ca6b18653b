// A floor under the question-answering evaluation (npm run eval): the committed dev set, and the held-out
// test split, answered by the real engine over the real records. Raise the floors as the engine improves.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, loadQuestions, score, type EvalQuestion } from '../../eval/evaluate.js';
import { ROOT, realEngine } from '../helpers.js';

const dev = loadQuestions(join(ROOT, 'eval', 'dev.yaml'));
const test = loadQuestions(join(ROOT, 'eval', 'test.yaml'));

describe('the question sets', () => {
  it('hold at least 150 dev questions: 100 English, 25 Spanish, 25 French, with facts and unanswerable ones', () => {
    const count = (lang: EvalQuestion['lang']) => dev.filter((q) => q.lang === lang).length;
    expect(dev.length).toBeGreaterThanOrEqual(150);
    expect(count('en')).toBeGreaterThanOrEqual(100);
    expect(count('es')).toBeGreaterThanOrEqual(25);
    expect(count('fr')).toBeGreaterThanOrEqual(25);
    expect(dev.filter((q) => q.category === 'fact' && q.direct).length).toBeGreaterThanOrEqual(30);
    expect(dev.filter((q) => q.category === 'unanswerable' && q.direct).length).toBeGreaterThanOrEqual(10);
  });

  it('name only records that exist, and keep the test split apart from the dev set', () => {
    const known = new Set(realEngine().kb.records.map((r) => r.id));
    for (const q of [...dev, ...test]) for (const id of [...q.expect, ...(q.answer_id ? [q.answer_id] : [])]) expect(known, `${q.q}: ${id}`).toContain(id);
    const devTexts = new Set(dev.map((q) => q.q.toLowerCase()));
    expect(test.filter((q) => devTexts.has(q.q.toLowerCase()))).toEqual([]);
  });
});

describe('question answering quality', () => {
  it('dev set: top-1 ≥ 85%, top-3 ≥ 95%, every fact question answered directly', () => {
    const outcomes = evaluate(realEngine(), dev);
    const s = score(outcomes);
    expect(s.top1).toBeGreaterThanOrEqual(0.85);
    expect(s.top3).toBeGreaterThanOrEqual(0.95);
    const facts = outcomes.filter((o) => o.question.category === 'fact');
    expect(facts.filter((o) => !o.directOk).map((o) => o.question.q)).toEqual([]);
    expect(score(outcomes.filter((o) => o.question.category === 'unanswerable')).direct).toBeGreaterThanOrEqual(0.9);
  });

  it('held-out test split: top-1 ≥ 78%, top-3 ≥ 90%, direct answers ≥ 90%', () => {
    const s = score(evaluate(realEngine(), test));
    expect(s.top1).toBeGreaterThanOrEqual(0.78);
    expect(s.top3).toBeGreaterThanOrEqual(0.9);
    expect(s.direct).toBeGreaterThanOrEqual(0.9);
  });
});
