// Recommendation candidates (sentences with recommending force in English, Spanish and French), short
// titles drawn from them, and the treaties and themes a text names.
import type { LexiconEntry, Taxonomy, VocabularyEntry } from '../../src/records/schema.js';

const RECOMMENDING = new RegExp(
  '(?<!\\p{L})(?:' +
    [
      // English
      'should', 'must', 'recommend(?:s|ed)?', 'call(?:s|ed)? (?:on|upon|for)', 'urge(?:s|d)?', 'propose(?:s|d)?', 'need(?:s)? to', 'ought to', 'encourage(?:s|d)?',
      // Spanish
      'deber(?:ía|ían|á|án|ia|ian)', 'deben', 'recomienda(?:n)?', 'recomend(?:ó|aron|amos)', 'insta(?:n|ron)?', 'exhorta(?:n|ron)?', 'propone(?:n)?', 'es necesario', 'es preciso', 'hace(?:n)? un llamado',
      // French
      'doi(?:t|vent)', 'devr(?:ait|aient)', 'recommande(?:nt)?', 'exhorte(?:nt)?', 'appelle(?:nt)? (?:à|les)', 'propose(?:nt)?', 'il faut', 'il est nécessaire',
    ].join('|') +
    ')(?!\\p{L})',
  'iu',
);

/** Whether a sentence has recommending force ("should", "recomienda", "doivent"…). */
export function isRecommending(sentence: string): boolean {
  return RECOMMENDING.test(sentence);
}

const TRAILING = new Set(['and', 'or', 'the', 'of', 'to', 'in', 'for', 'a', 'an', 'with', 'y', 'o', 'de', 'la', 'el', 'los', 'las', 'en', 'et', 'ou', 'le', 'les', 'des', 'du', 'à', 'que', 'on', 'by', 'their', 'its', 'sus', 'leurs']);

/** A short title from a recommending sentence: what is recommended, in at most `words` words. */
export function titleFrom(sentence: string, words = 9): string {
  const plain = sentence.replace(/[*_`#"“”«»]/g, '').replace(/\s+/g, ' ').trim();
  const m = RECOMMENDING.exec(plain);
  let rest = m ? plain.slice((m.index ?? 0) + m[0].length) : plain;
  // "call on States to ratify…", "insta a los Estados a ratificar…", "exhorte les États à ratifier…": the action.
  const action = /^\s*(?:\S+\s+){0,8}?(?:to|a|à)\s+(?=\p{Ll})/u.exec(rest);
  if (m && /call|urge|encourage|insta|exhorta|exhorte|appelle|hace/i.test(m[0]) && action) rest = rest.slice(action[0].length);
  rest = rest.replace(/^\s*(?:that|to|be|que|de|d'|à|for|also|urgently|not)\s+/i, '').replace(/^\s*(?:that|to|be|que|de|à)\s+/i, '');
  let chosen = rest.split(/[,;:.]/)[0]?.trim().split(/\s+/).filter(Boolean) ?? [];
  if (chosen.length < 2) chosen = plain.split(/\s+/);
  chosen = chosen.slice(0, words);
  while (chosen.length > 1 && TRAILING.has((chosen[chosen.length - 1] ?? '').toLowerCase())) chosen.pop();
  const title = chosen.join(' ').replace(/[,;:.!?)(]+$/, '');
  return title.charAt(0).toUpperCase() + title.slice(1);
}

const fold = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether `term` occurs in `text` as whole words (case- and accent-insensitive; short acronyms case-sensitive). */
export function names(text: string, term: string): boolean {
  if (/^[A-Z0-9]{2,6}$/.test(term)) return new RegExp(`(?<![\\p{L}\\d])${escape(term)}(?![\\p{L}\\d])`, 'u').test(text);
  return new RegExp(`(?<![\\p{L}\\d])${escape(fold(term))}(?![\\p{L}\\d])`, 'u').test(fold(text));
}

export interface TreatyNames {
  id: string;
  names: string[];
}

/** Treaty ids named in a text, by title, short name or alias. */
export function treatiesIn(text: string, treaties: readonly TreatyNames[]): string[] {
  return treaties.filter((t) => t.names.some((n) => names(text, n))).map((t) => t.id);
}

/** Vocabulary entries (themes, addressees) a text names by label, synonym or Spanish/French lexicon form, most-named first. */
export function vocabularyIn(text: string, entries: readonly VocabularyEntry[], lexicon: readonly LexiconEntry[] = [], field: 'theme' | 'addressee' = 'theme'): string[] {
  const scores = new Map<string, number>();
  for (const entry of entries) {
    const forms = [entry.label, entry.id.replace(/-/g, ' '), ...entry.synonyms, ...lexicon.filter((l) => l[field] === entry.id).flatMap((l) => [...l.es, ...l.fr, ...(l.en ?? [])])];
    const score = forms.filter((f) => f.length > 2 && names(text, f)).length;
    if (score > 0) scores.set(entry.id, score);
  }
  return [...scores.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
}

/** Themes proposed for a text: up to `max` named ones, else the fallback. */
export function themesFor(text: string, taxonomy: Taxonomy, lexicon: readonly LexiconEntry[], fallback: readonly string[], max = 3): string[] {
  const found = vocabularyIn(text, taxonomy.themes, lexicon).slice(0, max);
  return found.length > 0 ? found : [...fallback];
}
