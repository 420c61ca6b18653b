// How much of the records' own vocabulary the glossary covers, per language: the share of the content
// words of published records (titles, texts, roles, places; people's names left out) that have Spanish
// and French equivalents. `rights check` reports it; the target is 95% for es and fr.
import type { RightsRecord } from '../records/schema.js';
import { fold, isStopWord, stem } from '../search/text.js';
import type { Grammar } from './grammar.js';

export const COVERAGE_TARGET = 0.95;

export interface GlossaryCoverage {
  /** Distinct content words (stems) of the records. */
  words: number;
  es: number;
  fr: number;
  /** Most frequent uncovered words per language, for the curator. */
  missing: { es: string[]; fr: string[] };
}

export function glossaryCoverage(records: readonly RightsRecord[], g: Pick<Grammar, 'glossary'>): GlossaryCoverage {
  const names = new Set<string>();
  for (const r of records) if (r.kind === 'speaker') for (const n of [r.name, ...r.aliases]) for (const w of fold(n).split(' ')) names.add(stem(w));
  const counts = new Map<string, { n: number; form: string }>();
  for (const r of records) {
    const text = [r.title, r.text, 'role' in r ? r.role : '', 'organization' in r ? r.organization : '', 'venue' in r ? r.venue : '', 'city' in r ? r.city : '', 'country' in r ? r.country : '']
      .filter(Boolean)
      .join(' ');
    for (const w of fold(text.replace(/[-'’]/g, ' ')).split(' ')) {
      if (w.length < 3 || /\d/.test(w) || isStopWord(w)) continue;
      const s = stem(w);
      if (names.has(s)) continue;
      const c = counts.get(s) ?? { n: 0, form: w };
      c.n += 1;
      counts.set(s, c);
    }
  }
  const covered = { es: new Set<string>(), fr: new Set<string>() };
  for (const e of g.glossary) {
    const stems = [e.en, ...e.variants].map((w) => fold(w)).filter((w) => w && !w.includes(' ')).map(stem);
    for (const lang of ['es', 'fr'] as const) if (e[lang].length > 0) for (const s of stems) covered[lang].add(s);
  }
  const share = (lang: 'es' | 'fr') => [...counts.keys()].filter((s) => covered[lang].has(s)).length / Math.max(1, counts.size);
  const missing = (lang: 'es' | 'fr') =>
    [...counts]
      .filter(([s]) => !covered[lang].has(s))
      .sort((a, b) => b[1].n - a[1].n)
      .slice(0, 10)
      .map(([, c]) => c.form);
  return { words: counts.size, es: share('es'), fr: share('fr'), missing: { es: missing('es'), fr: missing('fr') } };
}
