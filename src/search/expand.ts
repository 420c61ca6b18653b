// Query expansion: user words → groups of weighted index terms.
// Theme and group synonyms, addressees, treaty aliases and speaker names map to link tokens;
// unknown longer words get typo candidates (edit distance 1) from the index vocabulary.
import lunr from 'lunr';
import type { KnowledgeBase } from '../records/load.js';
import { LINK_TOKEN, fold, isStopWord, linkToken, stem } from './text.js';
import type { VocabularyMap } from './wordnet.js';
import { lexiconPhrases, MAX_PHRASE_WORDS, type PhraseDict, type PhraseRow } from './phrases.js';
import { stemIn } from '../i18n/stemmers.js';

/** One unit of the user's query (a word or a recognised phrase) and the index terms that satisfy it. */
export interface TermGroup {
  words: string[];
  /** Index term (already stemmed) → boost. */
  terms: Map<string, number>;
  /** True when the group matched only through typo candidates. */
  fuzzy: boolean;
  /** How much the group counts in ranking beside its words' rarity: more for recognised entities. */
  weight?: number;
}

const LINK_BOOST = 1;
/** Canonical words a synonym stands for ("kids" → children): below the words actually typed. */
const CANONICAL_BOOST = 0.5;
const TYPO_BOOST = 0.3;
/** Record words related to an outside word (WordNet), times the relation's weight. */
const RELATED_BOOST = 0.7;
const TYPO_MIN_LENGTH = 5;
const TYPO_MAX_LENGTH = 20;
const MAX_TYPO_CANDIDATES = 6;
/** Parts of lunr's Index that its type definitions leave out. */
interface IndexInternals {
  invertedIndex: Record<string, unknown>;
  tokenSet: { intersect(other: unknown): { toArray(): string[] } };
}
const TokenSet = lunr.TokenSet as unknown as { fromFuzzyString(term: string, distance: number): unknown };


const NO_WORDS: ReadonlySet<string> = new Set();

interface PhraseTarget {
  /** Link tokens (theme, group, treaty…), searched with a higher boost. */
  terms: Set<string>;
  /** Plain English index terms the phrase stands for. */
  plain: Set<string>;
  /** Languages of the lexicon entries this phrase comes from (empty for English sources). */
  langs: Set<'es' | 'fr'>;
  english: boolean;
}

export interface ExpanderOptions {
  /** More phrases: the glossary's, prepared at build time (src/qa/grammar.ts). */
  phrases?: PhraseDict;
  /** Spanish and French function words, never searched (language/es.yaml, fr.yaml). */
  neverSearched?: ReadonlySet<string>;
  /** Titles before names ("Dr.", "Mme"), left out of the surnames a speaker is found by. */
  honorifics?: ReadonlySet<string>;
}

export class QueryExpander {
  private readonly phrases = new Map<string, PhraseTarget>();
  /** The WordNet map, or how to read it: most queries never need it, so start-up does not parse it. */
  private vocabularySource: VocabularyMap | (() => VocabularyMap);

  private get vocabulary(): VocabularyMap {
    if (typeof this.vocabularySource === 'function') this.vocabularySource = this.vocabularySource();
    return this.vocabularySource;
  }

  private readonly index: IndexInternals;

  private readonly neverSearched: ReadonlySet<string>;

  /** The glossary's phrases (data/language.json), merged into a target only when a query looks one up. */
  private readonly extra: PhraseDict;
  private readonly merged = new Map<string, PhraseTarget | undefined>();

  private readonly corpusText: () => Iterable<string>;

  constructor(
    kb: Pick<KnowledgeBase, 'records' | 'taxonomy'> & Partial<Pick<KnowledgeBase, 'lexicon'>>,
    index: lunr.Index,
    vocabulary: VocabularyMap | (() => VocabularyMap) = {},
    options: ExpanderOptions = {},
  ) {
    this.vocabularySource = vocabulary;
    this.index = index as unknown as IndexInternals;
    this.corpusText = () => kb.records.flatMap((r) => [r.title, r.text]);
    // A synonym also searches the canonical words of its theme or group ("kids" → children).
    const canonical = (id: string) => id.split('-').filter((w) => !isStopWord(w)).map(stem);
    for (const theme of kb.taxonomy.themes) {
      this.addAll(linkToken('theme', theme.id), [theme.id.replace(/-/g, ' '), theme.label, ...theme.synonyms], canonical(theme.id));
    }
    for (const group of kb.taxonomy.groups) {
      this.addAll(linkToken('group', group.id), [group.id.replace(/-/g, ' '), group.label, ...group.synonyms], canonical(group.id));
    }
    for (const a of kb.taxonomy.addressees) this.addAll(linkToken('addressee', a.id), [a.id.replace(/-/g, ' '), a.label, ...a.synonyms]);
    for (const record of kb.records) {
      if (record.kind === 'treaty') this.addAll(linkToken('treaty', record.id), [record.short_name, ...record.aliases]);
      if (record.kind === 'speaker') {
        const names = [record.name, ...record.aliases];
        // Surnames from the name and short aliases ("Ms. West"), not from descriptive aliases such as
        // "UN Special Rapporteur on the Human Rights of Migrants" (whose last word is no surname).
        const personal = names.filter((n) => n === record.name || fold(n).split(' ').length <= 3);
        const surnames = personal.map((n) => fold(n).split(' ').filter((w) => !(options.honorifics ?? NO_WORDS).has(w)).pop() ?? '');
        this.addAll(linkToken('speaker', record.id), [...names, ...surnames.filter((s) => s.length >= 4)]);
      }
    }
    this.addPhrases(lexiconPhrases(kb.lexicon ?? []));
    this.extra = options.phrases ?? {};
    this.neverSearched = options.neverSearched ?? new Set();
  }

  /** Phrase rows (the lexicon's, or the glossary's prepared at build time) into the phrase table. */
  private addPhrases(rows: readonly PhraseRow[]): void {
    for (const row of rows) {
      const target = this.target(row.key);
      for (const t of row.terms) target.terms.add(t);
      for (const t of row.plain) target.plain.add(t);
      if (row.lang) target.langs.add(row.lang);
      else target.english = true;
    }
  }

  private target(key: string): PhraseTarget {
    let target = this.phrases.get(key);
    if (!target) {
      target = { terms: new Set(), plain: new Set(), langs: new Set(), english: false };
      this.phrases.set(key, target);
    }
    return target;
  }

  private addAll(token: string, phrases: string[], words: string[] = []): void {
    const stemmed = stem(token);
    for (const phrase of phrases) {
      const key = fold(phrase);
      if (key === '' || key.split(' ').length > MAX_PHRASE_WORDS) continue;
      const target = this.target(key);
      target.terms.add(stemmed);
      for (const word of words) target.plain.add(word);
      target.english = true;
    }
  }

  /** Finds words[i, i+n) as typed, or through Spanish or French stemming (detenciones → detención). */
  private lookup(words: readonly string[], stems: Record<'es' | 'fr', string[]>, i: number, n: number): PhraseTarget | undefined {
    return (
      this.phrase(words.slice(i, i + n).join(' ')) ??
      this.phrase(`es:${stems.es.slice(i, i + n).join(' ')}`) ??
      this.phrase(`fr:${stems.fr.slice(i, i + n).join(' ')}`)
    );
  }

  /** The target of a phrase key: the lexicon's and the glossary's, merged once. */
  private phrase(key: string): PhraseTarget | undefined {
    if (!Object.hasOwn(this.extra, key)) return this.phrases.get(key);
    if (this.merged.has(key)) return this.merged.get(key);
    const [terms, plain, langs] = this.extra[key] ?? ['', '', ''];
    const own = this.phrases.get(key);
    const words = (s: string) => s.split(' ').filter(Boolean);
    const target: PhraseTarget = {
      terms: new Set([...(own?.terms ?? []), ...words(terms)]),
      plain: new Set([...(own?.plain ?? []), ...words(plain)]),
      langs: new Set([...(own?.langs ?? []), ...(words(langs).filter((l) => l !== 'en') as ('es' | 'fr')[])]),
      english: (own?.english ?? false) || words(langs).includes('en'),
    };
    this.merged.set(key, target);
    return target;
  }

  /** Splits folded words into groups, longest known phrase first. */
  expand(words: readonly string[]): TermGroup[] {
    const groups: TermGroup[] = [];
    // Each word is stemmed once per language, then phrases of every length are looked up from these.
    const stems = { es: words.map((w) => stemIn('es', w)), fr: words.map((w) => stemIn('fr', w)) };
    for (let i = 0; i < words.length; ) {
      let matched = 0;
      for (let n = Math.min(MAX_PHRASE_WORDS, words.length - i); n >= 1; n--) {
        const phraseWords = words.slice(i, i + n);
        const target = this.lookup(words, stems, i, n);
        if (!target) continue;
        const terms = new Map<string, number>();
        // Words of a foreign phrase are not English index terms: search only what it stands for.
        const foreign = target.langs.size > 0 && !target.english;
        if (!foreign) for (const w of phraseWords) if (!isStopWord(w)) terms.set(stem(w), 1);
        // The English words of a Spanish or French phrase are its translation: full weight.
        for (const word of target.plain) if (!terms.has(word)) terms.set(word, foreign ? 1 : CANONICAL_BOOST);
        for (const link of target.terms) terms.set(link, LINK_BOOST);
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
      if (isStopWord(word) || word.length < 2 || this.neverSearched.has(word)) continue;
      groups.push(this.wordGroup(word));
    }
    return groups;
  }

  private wordGroup(word: string): TermGroup {
    const stemmed = stem(word);
    const terms = new Map<string, number>([[stemmed, 1]]);
    if (this.has(stemmed)) return { words: [word], terms, fuzzy: false };
    // A word the records never use: the record words WordNet relates it to, below the typed word.
    const related = Object.hasOwn(this.vocabulary, word) ? (this.vocabulary[word] ?? []) : [];
    for (const [target, weight] of related) {
      const t = stem(target);
      if (this.has(t) && !terms.has(t)) terms.set(t, RELATED_BOOST * weight);
    }
    // No real word is this long: a pasted blob gets no typo search (its cost grows with the word's length).
    if (related.length > 0 || word.length < TYPO_MIN_LENGTH || word.length > TYPO_MAX_LENGTH) return { words: [word], terms, fuzzy: false };
    // Unknown word: typo candidates within one edit of the word or its stem, and the stems of corpus words
    // within one edit of the word as typed ("educaton" → education → educ), ranked below exact matches.
    const candidates = [...this.nearTerms([word, stemmed], 1), ...this.nearWords(word).map(stem)];
    for (const candidate of [...new Set(candidates)].slice(0, MAX_TYPO_CANDIDATES)) if (this.has(candidate)) terms.set(candidate, TYPO_BOOST);
    // A slip in a word people use instead of the records' own ("helthcare", "detencion" typed "detencon"):
    // the words it stands for, as for a slip in a record word.
    for (const key of this.nearPhraseKeys(word).slice(0, MAX_TYPO_CANDIDATES)) {
      const target = this.phrase(key);
      for (const t of [...(target?.plain ?? []), ...(target?.terms ?? [])]) if (!terms.has(t) && this.has(t)) terms.set(t, TYPO_BOOST);
    }
    return { words: [word], terms, fuzzy: terms.size > 1 };
  }

  private phraseKeys?: { intersect(other: unknown): { toArray(): string[] } };

  /** One-word phrase keys (lexicon and glossary words) within one edit of `word` (built on the first use). */
  private nearPhraseKeys(word: string): string[] {
    if (!this.phraseKeys) {
      const keys = new Set<string>();
      for (const key of [...this.phrases.keys(), ...Object.keys(this.extra)]) if (!key.includes(' ') && !key.includes(':') && key.length >= TYPO_MIN_LENGTH - 1) keys.add(key);
      this.phraseKeys = (lunr.TokenSet as unknown as { fromArray(words: string[]): NonNullable<QueryExpander['phraseKeys']> }).fromArray([...keys].sort());
    }
    return this.phraseKeys.intersect(TokenSet.fromFuzzyString(word, 1)).toArray().filter((k) => k !== word);
  }

  private rawWords?: { intersect(other: unknown): { toArray(): string[] } };

  /** Unstemmed corpus words within one edit of `word` (the vocabulary is built on the first typo). */
  private nearWords(word: string): string[] {
    if (!this.rawWords) {
      const vocabulary = new Set<string>();
      for (const text of this.corpusText()) for (const w of fold(text).split(' ')) if (w.length >= TYPO_MIN_LENGTH - 1) vocabulary.add(w);
      this.rawWords = (lunr.TokenSet as unknown as { fromArray(words: string[]): NonNullable<QueryExpander['rawWords']> }).fromArray([...vocabulary].sort());
    }
    return this.rawWords.intersect(TokenSet.fromFuzzyString(word, 1)).toArray();
  }

  has(term: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.index.invertedIndex, term);
  }

  /** Index terms within `distance` edits of any of `forms`, excluding synthetic link tokens. */
  nearTerms(forms: string[], distance: number): string[] {
    const found = new Set<string>();
    for (const form of forms) {
      const near = this.index.tokenSet.intersect(TokenSet.fromFuzzyString(form, distance)).toArray();
      for (const term of near) if (!LINK_TOKEN.test(term)) found.add(term);
    }
    return [...found].sort();
  }
}
