// One language decision for short queries, and the grammar as data (language/*.yaml).
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/qa/language.js';
import { compileLanguage, prepare } from '../../src/qa/grammar.js';
import { realEngine } from '../helpers.js';

describe('detectLanguage', () => {
  it.each([
    ['journée internationale des migrants', 'fr'],
    ["droits de l'homme des migrants", 'fr'],
    ['actas de nacimiento para los bebés de migrantes', 'es'],
    ['niños migrantes detenidos', 'es'],
    ['¿quién habló?', 'es'],
    ['detention of migrant children', 'en'],
    ['what did the GFMD recommend', 'en'],
  ])('%s → %s', (text, lang) => expect(detectLanguage(text)).toBe(lang));

  it('decides nothing for words every language shares, so the locale decides', () => {
    expect(detectLanguage('firewalls')).toBeUndefined();
    expect(detectLanguage('UNITAR 2006')).toBeUndefined();
    expect(realEngine().ask('recommendations firewalls', {}, 'fr').lang).toBe('fr');
  });

  // Regression: in "actas de nacimiento para los bebés de migrantes" the words de/para/los were searched.
  it('never searches the stop words of the detected language', () => {
    const a = realEngine().ask('actas de nacimiento para los bebés de migrantes');
    expect(a.lang).toBe('es');
    expect(a.type === 'results' ? a.query.terms : []).not.toEqual(expect.arrayContaining(['de', 'para', 'los']));
  });

  // Regression: "homme" in "droits de l'homme" triggered a close-spellings note.
  it('reads Spanish and French acronyms and words through the glossary', () => {
    const fr = realEngine().ask("droits de l'homme des migrants en détention");
    expect(fr.type === 'results' ? fr.notes.filter((n) => n.key === 'results.fuzzy') : []).toEqual([]);
    for (const q of ['recomendaciones de la OIM', 'recommandations du FMMD', 'CGLU', 'HCDH']) {
      const a = realEngine().ask(q);
      expect(a.type, q).toBe('results');
    }
  });
});

describe('the grammar as data', () => {
  const g = prepare(compileLanguage());

  it('gives every frame row patterns in each language, and every pattern a row', () => {
    const rows = new Set(g.frames.map((f) => f.id));
    for (const [lang, data] of g.languages) {
      for (const frame of Object.keys(data.frames)) expect(rows, `${lang}: ${frame}`).toContain(frame);
      for (const row of ['in_force', 'adopted', 'binding', 'chair', 'moderators', 'rapporteur', 'organizers', 'held', 'spoke']) {
        expect(data.frames[row]?.length ?? 0, `${lang}: ${row}`).toBeGreaterThan(0);
      }
    }
  });

  it('keeps each language apart: question words, kinds and stop words per language', () => {
    expect([...(g.markers.get('quien') ?? [])]).toEqual([['es', 1]]);
    expect([...(g.markers.get('quand') ?? [])]).toEqual([['fr', 1]]);
    expect(g.stopWords.get('es')?.has('para')).toBe(true);
    expect(g.kinds.get('tratados')).toBe('treaty');
  });
});
