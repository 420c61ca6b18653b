// Lexicon and glossary entries as phrase rows: the folded (or Spanish/French-stemmed) phrase people type,
// and the index terms it stands for. Made once: at start-up for seeds/lexicon.yaml, at build time for the
// glossary (saved in data/language.json, so start-up does not stem ~1,200 entries again).
import type { LexiconEntry } from '../records/schema.js';
import { stemIn } from '../i18n/stemmers.js';
import { fold, isStopWord, linkToken, stem } from './text.js';

export const MAX_PHRASE_WORDS = 6;

/** One phrase: its lookup key, link tokens and plain English terms (stemmed), and its language (none: English). */
export interface PhraseRow {
  key: string;
  terms: string[];
  plain: string[];
  lang?: 'es' | 'fr';
}

export function lexiconPhrases(entries: readonly LexiconEntry[]): PhraseRow[] {
  const rows: PhraseRow[] = [];
  for (const entry of entries) {
    const terms = [
      ...(entry.theme ? [linkToken('theme', entry.theme)] : []),
      ...(entry.group ? [linkToken('group', entry.group)] : []),
      ...(entry.addressee ? [linkToken('addressee', entry.addressee)] : []),
      ...(entry.treaty ? [linkToken('treaty', entry.treaty)] : []),
    ].map(stem);
    const plain = (entry.en ?? []).flatMap((w) => fold(w).split(' ')).filter((w) => w && !isStopWord(w)).map(stem);
    // English synonyms search the entry's links and words, below the words actually typed.
    for (const phrase of entry.synonyms) {
      const key = fold(phrase);
      if (key !== '' && key.split(' ').length <= MAX_PHRASE_WORDS) rows.push({ key, terms, plain });
    }
    for (const lang of ['es', 'fr'] as const) {
      for (const phrase of entry[lang]) {
        const words = fold(phrase).split(' ').filter(Boolean);
        if (words.length === 0 || words.length > MAX_PHRASE_WORDS) continue;
        // As typed, and through Spanish or French stemming (detenciones → detención).
        for (const key of [words.join(' '), `${lang}:${words.map((w) => stemIn(lang, w)).join(' ')}`]) rows.push({ key, terms, plain, lang });
      }
    }
  }
  return rows;
}

/**
 * Phrase rows merged by key into a plain object, as saved in data/language.json: key → [link terms, plain
 * terms, languages], each space-separated ("en" for English). Read as is at start-up: no object per phrase
 * is built until a query looks the phrase up.
 */
export type PhraseDict = Record<string, [terms: string, plain: string, langs: string]>;

export function phraseDict(rows: readonly PhraseRow[]): PhraseDict {
  const merged = new Map<string, { terms: Set<string>; plain: Set<string>; langs: Set<string> }>();
  for (const row of rows) {
    const m = merged.get(row.key) ?? { terms: new Set<string>(), plain: new Set<string>(), langs: new Set<string>() };
    row.terms.forEach((t) => m.terms.add(t));
    row.plain.forEach((t) => m.plain.add(t));
    m.langs.add(row.lang ?? 'en');
    merged.set(row.key, m);
  }
  const dict: PhraseDict = {};
  for (const [key, m] of merged) dict[key] = [[...m.terms].join(' '), [...m.plain].join(' '), [...m.langs].join(' ')];
  return dict;
}
