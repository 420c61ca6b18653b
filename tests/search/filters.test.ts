// Filter values forgive (singular/plural, id or label, Spanish and French names, one typo) and say how they
// were read; lists made only of filters put the records that fit them most squarely first.
import { describe, expect, it } from 'vitest';
import { renderText } from '../../adapters/console/render.js';
import type { Answer } from '../../src/answer.js';
import type { VocabularyEntry } from '../../src/records/schema.js';
import { lexiconAliases, matchVocabulary, orderByFit, resolveFilters, resolveVocabulary } from '../../src/search/filters.js';
import { realEngine } from '../helpers.js';

const entry = (id: string, label: string, synonyms: string[] = []): VocabularyEntry => ({ id, label, synonyms });
const VOCABULARY = [
  entry('firewalls', 'Firewalls between services and immigration enforcement', ['firewall']),
  entry('local-governments', 'Local and regional governments', ['cities']),
  entry('states', 'States and national governments'),
  entry('detention', 'Immigration detention'),
  entry('retention', 'Data retention'),
];
const ALIASES = [
  { name: 'cortafuegos', id: 'firewalls' },
  { name: 'collectivités locales', id: 'local-governments' },
];
const read = (value: string) => {
  const match = matchVocabulary(value, VOCABULARY, ALIASES);
  return match && [match.entry.id, match.exact];
};

describe('matchVocabulary', () => {
  it('takes ids, labels and synonyms as written, whatever the case and accents, as exact', () => {
    expect(read('Firewalls')).toEqual(['firewalls', true]);
    expect(read('firewall')).toEqual(['firewalls', true]);
    expect(read('LOCAL-GOVERNMENTS')).toEqual(['local-governments', true]);
    expect(read('states and national governments')).toEqual(['states', true]);
  });

  it('reads singular for plural and back, and ids with spaces or hyphens', () => {
    expect(read('local-government')).toEqual(['local-governments', false]);
    expect(read('local government')).toEqual(['local-governments', false]);
    expect(read('state')).toEqual(['states', false]);
    expect(read('city')).toEqual(['local-governments', false]); // cities
  });

  it('reads aliases (the lexicon’s Spanish and French names) and the start of a label', () => {
    expect(read('cortafuego')).toEqual(['firewalls', false]);
    expect(read('Collectivités-locales')).toEqual(['local-governments', false]);
    expect(read('immigration det')).toEqual(['detention', false]);
  });

  it('forgives one typo from five letters on, when a single entry is that close', () => {
    expect(read('firewals')).toEqual(['firewalls', false]); // a letter missing
    expect(read('firewallls')).toEqual(['firewalls', false]); // one too many
    expect(read('firewslls')).toEqual(['firewalls', false]); // one wrong
    expect(read('firwealls')).toEqual(['firewalls', false]); // two swapped
    expect(read('cortafeugos')).toEqual(['firewalls', false]); // in an alias
    expect(read('staets')).toEqual(['states', false]);
  });

  it('does not guess: two typos, short values, or a typo as close to two entries stay unknown', () => {
    expect(read('firwals')).toBeUndefined();
    expect(read('stae')).toBeUndefined(); // four letters
    expect(read('detention')).toEqual(['detention', true]);
    expect(read('detention'.replace('d', 'r'))).toEqual(['retention', true]);
    expect(read('xetention')).toBeUndefined(); // one typo from detention and from retention
    expect(read('astrology')).toBeUndefined();
    expect(read('')).toBeUndefined();
  });

  it('keeps resolveVocabulary for callers that want the entry only', () => {
    expect(resolveVocabulary('firewals', VOCABULARY)?.id).toBe('firewalls');
    expect(resolveVocabulary('nope', VOCABULARY)).toBeUndefined();
  });
});

describe('filters on the real records', () => {
  const engine = realEngine();
  const results = (query: string) => {
    const answer = engine.ask(query, { limit: 100 });
    if (answer.type !== 'results') throw new Error(`${query}: ${answer.type}`);
    return answer;
  };
  const ids = (query: string) => results(query).items.map((i) => i.record.id);

  it('reads a typo’d theme and says so', () => {
    const answer = results('recs theme:firewals');
    expect(answer.notes).toContainEqual({ key: 'results.themeRead', params: { value: 'firewals', theme: 'firewalls' } });
    expect(ids('recs theme:firewals')).toEqual(ids('recs theme:firewalls'));
    expect(renderText(answer)).toContain('Theme “firewals” read as “firewalls”.');
  });

  it('reads the theme’s spelling of an addressee (local-government for local-governments)', () => {
    const answer = results('recs for:local-government');
    expect(answer.notes).toContainEqual({ key: 'results.addresseeRead', params: { value: 'local-government', addressee: 'local-governments' } });
    expect(answer.total).toBe(results('recs for:local-governments').total);
  });

  it('reads Spanish and French names through the lexicon, with a note in the answer’s language', () => {
    expect(results('recs tema:niños').notes).toContainEqual({ key: 'results.themeRead', params: { value: 'niños', theme: 'children' } });
    expect(ids('recs tema:niños')).toEqual(ids('recs theme:children'));
    expect(ids('recs thème:détention')).toEqual(ids('recs theme:detention'));
    expect(results('recs thème:détention').notes.filter((n) => n.key === 'results.themeRead')).toEqual([]); // accents only
    const spanish = results('recomendaciones para:estados');
    expect(spanish.lang).toBe('es');
    expect(spanish.total).toBe(results('recs for:states').total);
    expect(renderText(spanish)).toContain('Destinatario «estados» leído como «states».');
    const french = results('recommandations thème:enfants');
    expect(french.lang).toBe('fr');
    expect(renderText(french)).toContain('Thème « enfants » lu comme « children ».');
  });

  it('adds no note for values written as the taxonomy writes them', () => {
    for (const query of ['recs theme:firewalls', 'recs for:local-governments', 'recs theme:Children,DETENTION']) {
      expect(results(query).notes.filter((n) => n.key.endsWith('Read')), query).toEqual([]);
    }
  });

  it('still answers unknown values with the help that lists what is known', () => {
    const theme: Answer = engine.ask('recs theme:astrology');
    expect(theme).toMatchObject({ type: 'help', reason: { key: 'reason.unknownTheme', params: { value: 'astrology' } } });
    const addressee = engine.ask('recs for:nobody');
    expect(addressee).toMatchObject({ type: 'help', reason: { key: 'reason.unknownAddressee', params: { value: 'nobody' } } });
    expect(addressee.type === 'help' && addressee.reason?.params?.known).toContain('local-governments');
  });

  it('works without a lexicon (Spanish and French names are then unknown)', () => {
    const kb = { ...engine.kb, lexicon: [] };
    expect(resolveFilters({ theme: ['firewals'] }, kb)).toMatchObject({ ok: true, notes: [{ key: 'results.themeRead' }] });
    expect(resolveFilters({ theme: ['niños'] }, kb)).toMatchObject({ ok: false });
    expect(lexiconAliases(engine.kb.lexicon, 'addressee', engine.kb.taxonomy.addressees)).toContainEqual({ name: 'estados', id: 'states' });
  });
});

describe('lists made only of filters', () => {
  const engine = realEngine();
  const items = (query: string) => {
    const answer = engine.ask(query, { limit: 100 });
    if (answer.type !== 'results') throw new Error(`${query}: ${answer.type}`);
    return answer.items.map((i) => i.record);
  };

  it('list the UCLG city records first for for:local-governments', () => {
    // Regression: file order put the first city-specific UCLG record at #10.
    const first = items('recs for:local-governments').slice(0, 6);
    for (const r of first) {
      expect(r.id).toMatch(/^uclg-breakout-/);
      expect(r.kind === 'recommendation' && r.addressed_to).toEqual(['local-governments']);
    }
  });

  it('put records addressed to fewer, with the addressee earlier, before those where it is one of many', () => {
    const places = items('recs for:local-governments').map((r) => (r.kind === 'recommendation' ? r.addressed_to ?? [] : []));
    const fit = (list: string[]) => (list.length - list.indexOf('local-governments') + 1) / list.length;
    const fits = places.map(fit);
    expect(fits).toEqual([...fits].sort((a, b) => b - a));
    expect(places.at(-1)?.length).toBeGreaterThan(1);
  });

  it('put records whose first theme is the filter’s first', () => {
    const records = items('recs theme:children');
    expect(records.slice(0, 5).every((r) => r.themes[0] === 'children')).toBe(true);
    expect(records.findIndex((r) => r.id === 'gfmd-2017-avoid-child-detention')).toBeGreaterThan(5);
  });

  it('keep curated order where the filters say nothing about fit, and ranking when there are words', () => {
    const year = items('recs year:2017').map((r) => r.id);
    const filters = resolveFilters({ year: 2017 }, engine.kb);
    if (!filters.ok) throw new Error('year filter');
    expect(year).toEqual(engine.list('recommendation').filter(filters.test).map((r) => r.id).slice(0, 100));
    expect(items('recommendations for:local-governments humanitarian reception')[0]?.id).toBe('uclg-breakout-humanitarian-reception');
  });

  it('orderByFit is stable among equals', () => {
    const records = engine.list('treaty');
    expect(orderByFit(records, () => 0)).toEqual(records);
    expect(orderByFit(records, (r) => (r.id === records[3]?.id ? 1 : 0))[0]).toBe(records[3]);
  });
});
