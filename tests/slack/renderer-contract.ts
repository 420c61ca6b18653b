// A contract every chat renderer must meet (STYLE.md §13): every answer kind renders, stays within the
// platform's limits, has a non-empty text fallback and never emits a live mention, including for oversized
// and hostile records. Written platform-neutral so the Discord renderer can run the same suite.
import { describe, expect, it } from 'vitest';
import type { Answer, Citation, DirectAnswer, QueryEcho, ResultItem } from '../../src/answer.js';
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
  /** Lines of the fallback that come before the answer itself (a "Shared by" line); 0 when absent. */
  leadLines?: number;
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
    // Citations and dates: an authority, where the documents discuss it, a date note; long titles; es/fr.
    ['treaty cited by its depositary, with a direct answer', engine.ask('when did the VCCR enter into force?')],
    ['meeting with a date note, in French', engine.ask('quand a eu lieu la table ronde de zacatecas ?')],
    ['observance cited by its resolution, in Spanish', engine.ask('¿cuándo es el día mundial del refugiado?')],
    ['record with three citations', engine.show('gcm')],
    ['record with a date note and no year', engine.show('uclg-breakout-session')],
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

/** Mention markup of both platforms, put into direct answers: none of it may come out live. */
export const DIRECT_HOSTILE = '<!channel> @everyone <@U123>';

export const DIRECT_SENTENCE = {
  en: 'The Vienna Convention on Consular Relations entered into force on 19 March 1967.',
  es: 'La Convención de Viena sobre Relaciones Consulares entró en vigor el 19 de marzo de 1967.',
  negative: 'The Zacatecas summary names no speakers.',
};

/**
 * Answers carrying a direct answer, built by hand over real results: positive with a citation, an honest
 * negative on an empty answer, Spanish, hostile and oversized ones.
 */
/** One of the direct-answer samples, by label (throws when the label is unknown). */
export function directSample(engine: Engine, label: string): Answer {
  const answer = directAnswers(engine).find(([l]) => l === label)?.[1];
  if (!answer) throw new Error(`sample missing: ${label}`);
  return answer;
}

export function directAnswers(engine: Engine): [string, Answer][] {
  const results = engine.ask('treaties consular');
  const spanish = engine.ask('treaties consular', {}, 'es');
  const page = oversizedAnswers(engine).find(([label]) => label === 'a page of 100 oversized results')?.[1];
  if (results.type !== 'results' || spanish.type !== 'results' || page?.type !== 'results') throw new Error('samples missing');
  const citation: Citation = {
    kind: 'authority',
    document: 'untc',
    title: 'United Nations Treaty Collection: Multilateral Treaties Deposited with the Secretary-General',
    short: 'UN Treaty Collection',
    section: 'United Nations Treaty Series, vol. 596',
    url: 'https://treaties.un.org',
    fields: ['adopted', 'in_force'],
  };
  const summary: Citation = { kind: 'document', document: 'nhri-zacatecas-2004', title: 'Executive Summary: Round Table', short: 'Zacatecas round-table summary (2004)', section: 'I. Context' };
  const fact: DirectAnswer = { text: DIRECT_SENTENCE.en, id: 'vccr', field: 'in_force', negative: false, citation };
  const query: QueryEcho = { text: 'who spoke at zacatecas', phrase: 'zacatecas', kind: 'speaker', terms: ['zacatecas'], filters: {} };
  const negative: DirectAnswer = { text: DIRECT_SENTENCE.negative, id: 'nhri-zacatecas-2004-round-table', field: 'speakers', negative: true, citation: summary };
  const hostile: DirectAnswer = { ...fact, text: `${DIRECT_HOSTILE} ${HOSTILE} *bold* _it_ entered into force.`, citation: { ...citation, title: `${DIRECT_HOSTILE} ${HOSTILE}`, short: `${DIRECT_HOSTILE} ${HOSTILE}` } };
  const huge: DirectAnswer = {
    ...hostile,
    text: `${DIRECT_HOSTILE} ${'&<> fact '.repeat(2000)}`,
    citation: { ...citation, title: `${DIRECT_HOSTILE} ${'Document '.repeat(400)}`, short: `${DIRECT_HOSTILE} ${'Document '.repeat(400)}`, section: 'S'.repeat(3000) },
  };
  return [
    ['direct answer with a citation', { ...results, direct: fact }],
    ['negative direct answer on an empty answer', { type: 'empty', lang: 'en', query, suggestions: ['speakers'], direct: negative }],
    ['negative direct answer without a citation', { type: 'empty', lang: 'fr', query, suggestions: [], direct: { ...negative, id: null, field: null, citation: undefined } }],
    ['spanish direct answer', { ...spanish, direct: { ...fact, text: DIRECT_SENTENCE.es } }],
    ['hostile direct answer', { ...results, direct: hostile }],
    ['hostile direct answer on an empty answer', { type: 'empty', lang: 'en', query: { ...query, phrase: HOSTILE }, suggestions: [HOSTILE], direct: { ...hostile, negative: true } }],
    ['oversized direct answer on an oversized page', { ...page, direct: huge }],
    ['oversized direct answer on an empty answer', { type: 'empty', lang: 'es', query, suggestions: Array.from({ length: 50 }, () => HOSTILE), direct: huge }],
  ];
}

export function describeRendererContract<Out>(renderer: RendererUnderTest<Out>, engine: () => Engine): void {
  describe(`${renderer.name} renderer contract`, () => {
    const cases = () => [...sampleAnswers(engine()), ...oversizedAnswers(engine()), ...directAnswers(engine())];

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

    it('opens the fallback with the direct answer, before the heading or "nothing matches"', () => {
      const sentences = Object.values(DIRECT_SENTENCE);
      for (const [label, answer] of directAnswers(engine())) {
        const sentence = answer.type === 'results' || answer.type === 'empty' ? answer.direct?.text : undefined;
        if (!sentence || !sentences.includes(sentence)) continue;
        const first = renderer.fallback(renderer.render(answer)).split('\n')[renderer.leadLines ?? 0];
        expect(first, label).toContain(sentence);
      }
    });
  });
}
