// Spanish and French queries find the same records as their English equivalents, and are answered
// in the asker's language.
import { describe, expect, it } from 'vitest';
import { realEngine } from '../helpers.js';

/** [query, language it must be answered in, ids that must be among the top 5, kind of every result (optional)] */
type Case = [string, 'es' | 'fr', string[], string?];

const CASES: Case[] = [
  // kind words and themes
  ['recomendaciones cortafuegos', 'es', ['gfmd-2017-firewalls-public-services'], 'recommendation'],
  ['recommandations pare-feu', 'fr', ['gfmd-2017-firewalls-public-services'], 'recommendation'],
  ['cortafuegos', 'es', ['gfmd-2017-firewalls-public-services']],
  ['recomendaciones detención niños', 'es', ['gfmd-2017-avoid-child-detention'], 'recommendation'],
  ['recomendaciones detencion ninos', 'es', ['gfmd-2017-avoid-child-detention'], 'recommendation'],
  ['recommandations détention enfants', 'fr', ['gfmd-2017-avoid-child-detention'], 'recommendation'],
  ['recommandations detention enfants', 'fr', ['gfmd-2017-avoid-child-detention'], 'recommendation'],
  ['tratados trata de personas', 'es', ['trafficking-protocol'], 'treaty'],
  ['traités traite des personnes', 'fr', ['trafficking-protocol'], 'treaty'],
  ['traites traite des etres humains', 'fr', ['trafficking-protocol'], 'treaty'],
  ['tratados tráfico ilícito de migrantes', 'es', ['smuggling-protocol'], 'treaty'],
  ['traités trafic illicite de migrants', 'fr', ['smuggling-protocol'], 'treaty'],
  ['tratados protección consular', 'es', ['vccr'], 'treaty'],
  ['traités protection consulaire', 'fr', ['vccr'], 'treaty'],
  ['sesiones gobiernos locales', 'es', ['uclg-breakout-session'], 'session'],
  ['séances collectivités locales', 'fr', ['uclg-breakout-session'], 'session'],
  ['ponentes alcaldes', 'es', ['juan-acevedo'], 'speaker'],
  ['intervenants maires', 'fr', ['juan-acevedo'], 'speaker'],
  ['recomendaciones instituciones nacionales de derechos humanos', 'es', ['nhri-zacatecas-2004-assist-complaints'], 'recommendation'],
  ['recommandations xénophobie', 'fr', ['gfmd-2017-legislation-against-xenophobia'], 'recommendation'],
  ['recomendaciones xenofobia', 'es', ['gfmd-2017-legislation-against-xenophobia'], 'recommendation'],
  ['recomendaciones salud', 'es', ['gfmd-2017-promote-migrants-health'], 'recommendation'],
  ['recommandations santé des migrants', 'fr', ['gfmd-2017-promote-migrants-health'], 'recommendation'],
  ['recomendaciones familias', 'es', ['gfmd-2017-families-left-behind'], 'recommendation'],
  ['recommandations regroupement familial', 'fr', [], 'recommendation'],
  ['solidaridad sociedad civil', 'es', ['gfmd-2017-non-criminalization-of-solidarity']],
  // filters in Spanish and French
  // (a list without search words puts the records whose first theme is the filter's first)
  ['recomendaciones tema:children', 'es', ['unitar-2006-unicef-principle-reach-children'], 'recommendation'],
  ['recomendaciones tema:niños', 'es', ['unitar-2006-unicef-principle-reach-children'], 'recommendation'],
  ['recomendaciones detención tema:niños', 'es', ['gfmd-2017-avoid-child-detention'], 'recommendation'],
  ['recommandations thème:détention', 'fr', ['gfmd-2017-avoid-child-detention'], 'recommendation'],
  ['recommandations pour:collectivités-locales', 'fr', ['uclg-breakout-protect-vulnerable-migrants'], 'recommendation'],
  ['recommandations thème:firewalls', 'fr', ['gfmd-2017-firewalls-public-services'], 'recommendation'],
  ['sesiones año:2017', 'es', ['gfmd-2017-working-session'], 'session'],
  ['séances année:2004', 'fr', ['nhri-zacatecas-2004-round-table'], 'session'],
  // treaties by their official Spanish and French names
  ['Convención sobre los Derechos del Niño', 'es', ['crc'], undefined],
  ['Convention relative aux droits de l’enfant', 'fr', ['crc'], undefined],
  ['Convención de Viena sobre Relaciones Consulares', 'es', ['vccr'], undefined],
  ['Convention de Vienne sur les relations consulaires', 'fr', ['vccr'], undefined],
  ['Pacto Mundial para la Migración', 'es', ['gcm'], undefined],
  ['pacte mondial sur les migrations', 'fr', ['gcm'], undefined],
  ['convencion internacional sobre la proteccion de los derechos de todos los trabajadores migratorios', 'es', ['icrmw'], undefined],
  ['convention internationale sur la protection des droits de tous les travailleurs migrants', 'fr', ['icrmw'], undefined],
];

describe('Spanish and French queries', () => {
  const engine = realEngine();
  it.each(CASES)('%s', (query, lang, expected, kind) => {
    const answer = engine.ask(query, { limit: 5 });
    expect(answer.lang, `language of "${query}"`).toBe(lang);
    expect(answer.type).toBe('results');
    if (answer.type !== 'results') return;
    const ids = answer.items.map((i) => i.record.id);
    for (const id of expected) expect(ids).toContain(id);
    if (kind) for (const item of answer.items) expect(item.record.kind).toBe(kind);
    expect(answer.notes).toContainEqual({ key: 'results.englishOnly' });
  });

  it('finds the same records as the English query', () => {
    const ids = (q: string) => {
      const a = engine.ask(q, { limit: 3 });
      return a.type === 'results' ? a.items.map((i) => i.record.id) : [];
    };
    expect(ids('recomendaciones cortafuegos')[0]).toBe(ids('recommendations firewalls')[0]);
    expect(ids('traités traite des personnes')[0]).toBe(ids('treaties trafficking in persons')[0]);
  });

  it('chooses the language: explicit lang, then the query, then the locale, then English', () => {
    expect(engine.ask('recommendations firewalls lang:es').lang).toBe('es');
    expect(engine.ask('recomendaciones cortafuegos', {}, 'fr').lang).toBe('es');
    expect(engine.ask('recommendations firewalls', {}, 'fr').lang).toBe('fr');
    expect(engine.ask('recommendations firewalls').lang).toBe('en');
    expect(engine.ask('ayuda').lang).toBe('es');
    expect(engine.ask('aide').lang).toBe('fr');
  });

  it('does not mistake English for French', () => {
    for (const q of ['recommendations detention', 'treaties convention', 'migrants rights', 'information']) expect(engine.ask(q).lang).toBe('en');
  });
});
