// A contract every chat renderer must meet (STYLE.md §13): every answer kind renders, stays within the
// platform's limits, has a non-empty text fallback and never emits a live mention, including for oversized
// and hostile records. Written platform-neutral so the Discord renderer can run the same suite.
import { describe, expect, it } from 'vitest';
import type { Answer, ResultItem } from '../../src/answer.js';
import type { Engine } from '../../src/engine.js';

export interface RendererUnderTest<Out> {
  name: string;
  render(answer: Answer): Out;
  /** The plain text shown in notifications. */
  fallback(out: Out): string;
  /** Each broken platform limit, described; empty when the output is valid. */
  violations(out: Out): string[];
  /** Live mention or broadcast markup found in the output. */
  liveMentions(out: Out): string[];
}

/** Text that would ping everyone if a renderer passed it through unescaped. */
export const HOSTILE = '<!channel> <!here> <!everyone> <@U0VICTIM> <#C0SECRET> <https://evil.example|click> & @everyone';

/** One answer of every type, for every kind present in the knowledge base. */
export function sampleAnswers(engine: Engine): [string, Answer][] {
  const samples: [string, Answer][] = [
    ['results', engine.ask('recommendations firewalls')],
    ['results, second page', engine.ask('recommendations', { offset: 5 })],
    ['results past the end', engine.ask('recommendations', { offset: 10_000 })],
    ['empty', engine.ask('recommendations qwxzzyv')],
    ['empty, filters only', engine.ask('year:1800')],
    ['not-found', engine.show('no-such-record')],
    ['themes', engine.themes()],
    ['help', engine.ask('help')],
    ['help with a reason', engine.ask('treaties colour:blue')],
    ['spanish', engine.ask('recommendations firewalls', {}, 'es')],
  ];
  for (const kind of ['recommendation', 'treaty', 'session', 'speaker', 'observance'] as const) {
    const first = engine.list(kind)[0];
    if (!first) continue;
    samples.push([`record (${kind})`, engine.show(first.id)]);
    samples.push([`results (${kind})`, engine.ask(`${kind}s`)]);
  }
  return samples;
}

/** Answers far beyond any platform's limits: huge texts, hundreds of related records, a page of 100. */
export function oversizedAnswers(engine: Engine): [string, Answer][] {
  const base = engine.show(engine.list('recommendation')[0]?.id ?? '');
  if (base.type !== 'record') throw new Error('no recommendation to grow');
  const huge = (item: ResultItem, i = 0): ResultItem => ({
    ...item,
    snippet: `${HOSTILE} ${'snippet & text '.repeat(400)}`,
    record: {
      ...item.record,
      id: `${item.record.id}-${i}`,
      title: `${HOSTILE} ${'Very long title '.repeat(60)}`,
      text: `${HOSTILE} ${'&<> word '.repeat(9000)}`,
      quote: `${HOSTILE} ${'quoted '.repeat(800)}`,
      themes: Array.from({ length: 300 }, (_, n) => `theme-${n}`),
    } as ResultItem['record'],
    citation: { ...item.citation, title: `${HOSTILE} ${'Document '.repeat(300)}`, section: 'S'.repeat(3000), note: 'N'.repeat(2000) },
    related: Array.from({ length: 500 }, (_, n) => ({ id: `rel-${n}`, kind: 'session' as const, title: `${HOSTILE} related ${n}`, relation: 'session' })),
    relatedTotal: 900,
  });
  const page = engine.ask('recommendations', { limit: 100 });
  if (page.type !== 'results') throw new Error('no recommendations page');
  const themes = Array.from({ length: 600 }, (_, n) => ({ id: `theme-${n}-${'x'.repeat(40)}`, label: `${HOSTILE} label ${n}`, count: n }));
  return [
    ['oversized record', { ...base, item: huge(base.item) }],
    ['a page of 100 results', page],
    ['a page of 100 oversized results', { ...page, query: { ...page.query, text: HOSTILE.repeat(40), phrase: HOSTILE.repeat(40) }, items: page.items.map(huge) }],
    ['600 themes', { type: 'themes', lang: 'en', themes }],
    ['hostile empty answer', { type: 'empty', lang: 'en', query: { ...page.query, phrase: HOSTILE.repeat(50) }, suggestions: Array.from({ length: 50 }, () => HOSTILE) }],
    ['hostile not-found', { type: 'not-found', lang: 'fr', id: HOSTILE.repeat(50), suggestions: Array.from({ length: 50 }, () => HOSTILE) }],
  ];
}

export function describeRendererContract<Out>(renderer: RendererUnderTest<Out>, engine: () => Engine): void {
  describe(`${renderer.name} renderer contract`, () => {
    const cases = () => [...sampleAnswers(engine()), ...oversizedAnswers(engine())];

    it('has samples of every answer type', () => {
      const types = new Set(cases().map(([, a]) => a.type));
      expect([...types].sort()).toEqual(['empty', 'help', 'not-found', 'record', 'results', 'themes']);
    });

    it('renders every answer within the platform limits, with a fallback and no live mention', () => {
      for (const [label, answer] of cases()) {
        const out = renderer.render(answer);
        expect(renderer.fallback(out).trim(), label).not.toBe('');
        expect(renderer.violations(out), label).toEqual([]);
        expect(renderer.liveMentions(out), label).toEqual([]);
      }
    });
  });
}
