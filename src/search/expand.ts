// Query expansion: user words → groups of weighted index terms.
// Theme and group synonyms, addressees, treaty aliases and speaker names map to link tokens;
// unknown longer words get typo candidates (edit distance 1) from the index vocabulary.
import lunr from 'lunr';
import type { KnowledgeBase } from '../records/load.js';
import { fold, isStopWord, linkToken, stem } from './text.js';

/** One unit of the user's query (a word or a recognised phrase) and the index terms that satisfy it. */
export interface TermGroup {
  words: string[];
  /** Index term (already stemmed) → boost. */
  terms: Map<string, number>;
  /** True when the group matched only through typo candidates. */
  fuzzy: boolean;
}

const MAX_PHRASE_WORDS = 6;
const LINK_BOOST = 2;
const TYPO_BOOST = 0.3;
const TYPO_MIN_LENGTH = 5;
const MAX_TYPO_CANDIDATES = 6;
/** Parts of lunr's Index that its type definitions leave out. */
interface IndexInternals {
  invertedIndex: Record<string, unknown>;
  tokenSet: { intersect(other: unknown): { toArray(): string[] } };
}
const TokenSet = lunr.TokenSet as unknown as { fromFuzzyString(term: string, distance: number): unknown };

const HONORIFICS = new Set(['mr', 'ms', 'mrs', 'dr', 'he', 'amb', 'ambassador', 'prof', 'jr']);

export class QueryExpander {
  private readonly phrases = new Map<string, Set<string>>();

  private readonly index: IndexInternals;

  constructor(kb: Pick<KnowledgeBase, 'records' | 'taxonomy'>, index: lunr.Index) {
    this.index = index as unknown as IndexInternals;
    for (const theme of kb.taxonomy.themes) this.addAll(linkToken('theme', theme.id), [theme.id.replace(/-/g, ' '), theme.label, ...theme.synonyms]);
    for (const group of kb.taxonomy.groups) this.addAll(linkToken('group', group.id), [group.id.replace(/-/g, ' '), group.label, ...group.synonyms]);
    for (const a of kb.taxonomy.addressees) this.addAll(linkToken('addressee', a.id), [a.id.replace(/-/g, ' '), a.label, ...a.synonyms]);
    for (const record of kb.records) {
      if (record.kind === 'treaty') this.addAll(linkToken('treaty', record.id), [record.short_name, ...record.aliases]);
      if (record.kind === 'speaker') {
        const names = [record.name, ...record.aliases];
        const surnames = names.map((n) => fold(n).split(' ').filter((w) => !HONORIFICS.has(w)).pop() ?? '');
        this.addAll(linkToken('speaker', record.id), [...names, ...surnames.filter((s) => s.length >= 4)]);
      }
    }
  }

  private addAll(token: string, phrases: string[]): void {
    const stemmed = stem(token);
    for (const phrase of phrases) {
      const key = fold(phrase);
      if (key === '' || key.split(' ').length > MAX_PHRASE_WORDS) continue;
      const set = this.phrases.get(key) ?? new Set<string>();
      set.add(stemmed);
      this.phrases.set(key, set);
    }
  }

  /** Splits folded words into groups, longest known phrase first. */
  expand(words: readonly string[]): TermGroup[] {
    const groups: TermGroup[] = [];
    for (let i = 0; i < words.length; ) {
      let matched = 0;
      for (let n = Math.min(MAX_PHRASE_WORDS, words.length - i); n >= 1; n--) {
        const links = this.phrases.get(words.slice(i, i + n).join(' '));
        if (!links) continue;
        const phraseWords = words.slice(i, i + n);
        const terms = new Map<string, number>();
        for (const w of phraseWords) if (!isStopWord(w)) terms.set(stem(w), 1);
        for (const link of links) terms.set(link, LINK_BOOST);
        groups.push({ words: phraseWords, terms, fuzzy: false });
        matched = n;
        break;
      }
      if (matched > 0) {
        i += matched;
        continue;
      }
      const word = words[i] ?? '';
      i += 1;
      if (isStopWord(word) || word.length < 2) continue;
      groups.push(this.wordGroup(word));
    }
    return groups;
  }

  private wordGroup(word: string): TermGroup {
    const stemmed = stem(word);
    const terms = new Map<string, number>([[stemmed, 1]]);
    if (this.has(stemmed) || word.length < TYPO_MIN_LENGTH) return { words: [word], terms, fuzzy: false };
    // Unknown word: typo candidates within one edit of the word or its stem, ranked below exact matches.
    for (const candidate of this.nearTerms([word, stemmed], 1).slice(0, MAX_TYPO_CANDIDATES)) terms.set(candidate, TYPO_BOOST);
    return { words: [word], terms, fuzzy: terms.size > 1 };
  }

  has(term: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.index.invertedIndex, term);
  }

  /** Index terms within `distance` edits of any of `forms`, excluding synthetic link tokens. */
  nearTerms(forms: string[], distance: number): string[] {
    const found = new Set<string>();
    for (const form of forms) {
      const near = this.index.tokenSet.intersect(TokenSet.fromFuzzyString(form, distance)).toArray();
      for (const term of near) if (!/^x(theme|group|treaty|speaker|addressee)/.test(term)) found.add(term);
    }
    return [...found].sort();
  }
}
