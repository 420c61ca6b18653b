// Ranking: the lunr query built from expanded term groups, then one score per record that weighs each
// query group by what it tells (its rarity, IDF; recognised entities more), rewards the query's words
// found together as a phrase, and breaks ties with lunr's BM25 score. The score is the sort key.
import type lunr from 'lunr';
import type { KnowledgeBase } from '../records/load.js';
import type { Kind } from '../records/kinds.js';
import type { RightsRecord } from '../records/schema.js';
import type { TermGroup } from './expand.js';
import { LINK_TOKEN, fold, isStopWord, stem } from './text.js';

const LINK_FIELDS = ['links', 'aliases'];
/** A term in more than this share of records is common (see rank); small corpora keep a floor. */
const COMMON_SHARE = 0.2;
const COMMON_MIN_RECORDS = 40;
/** Score parts: coverage of the query's information dominates, phrases and lunr's score order within it. */
const PHRASE_WEIGHT = 0.25;
const LUNR_WEIGHT = 0.15;
const EXACT_NAME_BONUS = 1;
/** Credit for a word found in each field: a name says more about what a record is than its running text. */
const FIELD_CREDIT: Record<string, number> = { title: 1, aliases: 1, links: 0.9, meta: 0.8, text: 0.65 };
const FUZZY_CREDIT = 0.8;
/**
 * A meeting's or a person's text sums up everything said there: a word found only in it weighs less in the
 * sort key (not in coverage) than in a recommendation's own text, so the specific record comes before the
 * overview that mentions everything.
 */
const OVERVIEW_TEXT_CREDIT = 0.75;
/** How many of the best records the phrase check reorders. */
const PHRASE_CHECKED = 40;
/** Credit for a record that holds a typed word only through its stem (national for nationality). */
const STEM_ONLY_CREDIT = 0.7;
/** Terms whose per-record credits are kept between queries. */
const CREDIT_CACHE_TERMS = 4096;
/** Records matching less than this share of the best record's weighted coverage are left out. */
const KEEP_SHARE = 0.5;

/** A record found by a query, with its score (the sort key) and the share of the query's information it matches. */
export interface Hit {
  record: RightsRecord;
  score: number;
  coverage: number;
  /** The share of the query's information found in the record's own names (title, short name, aliases). */
  nameCoverage?: number;
}

export class Ranker {
  private readonly order: Map<string, number>;
  /** Folded names, short names and aliases → record ids: a query that is exactly a name ranks that record first. */
  private readonly names = new Map<string, string[]>();
  private readonly frequencies = new Map<string, number>();
  private readonly creditCache = new Map<string, Map<string, number>>();
  /** Folded title, aliases and text of each record, for phrase checks (built on first use). */
  private readonly texts = new Map<string, string>();

  constructor(
    private readonly kb: Pick<KnowledgeBase, 'records' | 'byId'>,
    private readonly index: lunr.Index,
  ) {
    this.order = new Map(kb.records.map((r, i) => [r.id, i] as const));
    for (const r of kb.records) {
      const names = r.kind === 'treaty' ? [r.title, r.short_name, ...r.aliases] : r.kind === 'speaker' ? [r.title, r.name, ...r.aliases] : [r.title];
      for (const name of names) {
        const key = fold(name);
        this.names.set(key, [...(this.names.get(key) ?? []), r.id]);
      }
    }
  }

  /**
   * lunr search with expanded terms, then weighted ranking. Words found in a large share of records
   * ("migrants", "rights") are left out of the lunr query when rarer words are there to find candidates:
   * lunr scores every record a term matches, so they cost the most and discriminate the least. They still
   * count for coverage, checked directly in the inverted index.
   */
  rank(words: readonly string[], allGroups: readonly TermGroup[], kind?: Kind): Hit[] {
    // A word typed twice says nothing more than once ("rights rights rights…").
    const seen = new Set<string>();
    const groups = allGroups.filter((g) => {
      const key = g.words.join(' ');
      return !seen.has(key) && seen.add(key);
    });
    if (groups.length === 0) return [];
    // Common terms are left out of the lunr query where rarer ones find the candidates: a group made only of
    // common terms when other groups have rare ones, and a group's common terms when a rare word typed in it
    // is in the index ("national human rights institutions" is found by "institutions").
    const rare = (t: string) => this.documentFrequency(t) <= this.commonThreshold;
    const anyRare = groups.some((g) => [...g.terms.keys()].some(rare));
    const queried = new Map<string, number>();
    for (const g of groups) {
      const terms = [...g.terms];
      const rareTyped = terms.some(([t, b]) => b >= 1 && !LINK_TOKEN.test(t) && rare(t) && this.documentFrequency(t) > 0);
      const allCommon = terms.every(([t]) => !rare(t));
      for (const [t, b] of terms) {
        if (allCommon ? anyRare : rareTyped && !rare(t)) continue;
        queried.set(t, Math.max(b, queried.get(t) ?? 0));
      }
    }
    const results = this.index.query((q) => {
      for (const [term, boost] of queried) {
        // Link tokens only occur in the links and aliases fields: searching the others is wasted work.
        q.term(term, LINK_TOKEN.test(term) ? { usePipeline: false, boost, fields: LINK_FIELDS } : { usePipeline: false, boost });
      }
    });
    const weights = groups.map((g) => this.groupWeight(g));
    // Each group's terms, prepared once: weight, whether it is a typed word (and the typed form), whether a link.
    const prepared = groups.map((g) => {
      const typed = new Map<string, string>();
      for (const w of g.words) if (!isStopWord(w) && g.terms.has(stem(w))) typed.set(stem(w), w.length > 5 ? ` ${w.slice(0, -2)}` : ` ${w}`);
      const terms = [...g.terms].map(([t, boost]) => ({
        term: t,
        // A word typed with a slip still says what was meant: its corrections count nearly in full.
        weight: Math.min(1, g.fuzzy ? Math.max(boost, FUZZY_CREDIT) : boost),
        surface: typed.get(t),
        link: LINK_TOKEN.test(t),
      }));
      return { terms, phrase: typed.size >= 2 };
    });
    const total = weights.reduce((a, b) => a + b, 0) || 1;
    const phrases = phrasePatterns(words, groups);
    const exact = new Set(this.names.get(words.join(' ')) ?? []);
    const bestLunr = results.reduce((m, r) => Math.max(m, r.score), 0) || 1;
    const hits: Hit[] = [];
    for (const result of results) {
      const record = this.kb.byId.get(result.ref);
      if (!record || (kind && record.kind !== kind)) continue;
      let covered = 0;
      let scored = 0;
      let named = 0;
      const overview = record.kind === 'speaker' || record.kind === 'session';
      const weigh = (credit: number) => (overview && credit <= (FIELD_CREDIT.text ?? 0) ? credit * OVERVIEW_TEXT_CREDIT : credit);
      for (let i = 0; i < prepared.length; i++) {
        const group = prepared[i];
        if (!group) continue;
        let best = 0;
        let bestScored = 0;
        let name = 0;
        // A phrase ("domestic workers") holds only as well as its weakest typed word: one word in a title is not it.
        let phrase = group.phrase ? 1 : 0;
        let phraseScored = phrase;
        for (const { term, weight, surface, link } of group.terms) {
          let credit = this.credit(term, result.ref);
          // Stemming joins words that mean different things (nationality, national): the typed form counts fully.
          if (surface !== undefined && credit > 0 && !this.textOf(record).includes(surface)) credit *= STEM_ONLY_CREDIT;
          if (surface !== undefined && group.phrase) {
            phrase = Math.min(phrase, credit);
            phraseScored = Math.min(phraseScored, weigh(credit));
            continue;
          }
          if (weight * credit > best) best = weight * credit;
          if (weight * weigh(credit) > bestScored) bestScored = weight * weigh(credit);
          if (credit === 1 && !link && weight > name) name = weight;
        }
        if (group.phrase) {
          best = Math.max(best, phrase);
          bestScored = Math.max(bestScored, phraseScored);
          if (phrase === 1) name = 1;
        }
        covered += (weights[i] ?? 0) * best;
        scored += (weights[i] ?? 0) * bestScored;
        named += (weights[i] ?? 0) * name;
      }
      const coverage = covered / total;
      const nameCoverage = named / total;
      const score = scored / total + LUNR_WEIGHT * (result.score / bestLunr) + (exact.has(record.id) ? EXACT_NAME_BONUS : 0);
      hits.push({ record, score, coverage, nameCoverage });
    }
    const best = hits.reduce((m, h) => Math.max(m, h.coverage), 0);
    const kept = hits.filter((h) => h.coverage >= best * KEEP_SHARE || exact.has(h.record.id));
    // Phrases only reorder the best records: they are checked on the leading ones, the costly part otherwise.
    if (phrases.length > 0) {
      kept.sort((a, b) => b.score - a.score);
      for (const hit of kept.slice(0, PHRASE_CHECKED)) {
        const text = this.textOf(hit.record);
        let found = 0;
        for (const p of phrases) if (p.test(text)) found += 1;
        hit.score += (PHRASE_WEIGHT * found) / phrases.length;
      }
    }
    return kept.sort((a, b) => b.score - a.score || this.position(a) - this.position(b));
  }

  /** How much a group tells: the inverse document frequency of its rarest typed term, times its own weight. */
  private groupWeight(group: TermGroup): number {
    const n = this.kb.records.length;
    let idf = 0;
    for (const [term, boost] of group.terms) {
      if (boost < 0.5) continue; // typo candidates and distant relations say little about what was meant
      const df = this.documentFrequency(term);
      if (df > 0) idf = Math.max(idf, Math.log(1 + n / df));
    }
    if (idf === 0) idf = Math.log(1 + n / 2); // only typo or related terms: weigh as a rare word
    return idf * (group.weight ?? 1);
  }

  /** Records a term must appear in to count as common (and be left to the coverage check). */
  private get commonThreshold(): number {
    return Math.max(COMMON_MIN_RECORDS, this.kb.records.length * COMMON_SHARE);
  }

  /** In how many records an index term occurs (any field). */
  documentFrequency(term: string): number {
    let n = this.frequencies.get(term);
    if (n === undefined) {
      const refs = new Set<string>();
      for (const [field, postings] of Object.entries(this.postings(term) ?? {})) if (field !== '_index') for (const ref of Object.keys(postings)) refs.add(ref);
      n = refs.size;
      this.frequencies.set(term, n);
    }
    return n;
  }

  /** How squarely record `ref` holds index term `term`: fully in its name, less in its links and metadata, least in its text. */
  private credit(term: string, ref: string): number {
    return this.credits(term).get(ref) ?? 0;
  }

  /** Every record holding `term`, with its best field credit; computed once per term (the cache is bounded). */
  private credits(term: string): Map<string, number> {
    let byRef = this.creditCache.get(term);
    if (!byRef) {
      byRef = new Map();
      for (const [field, postings] of Object.entries(this.postings(term) ?? {})) {
        if (field === '_index') continue;
        const credit = FIELD_CREDIT[field] ?? 0.6;
        for (const ref of Object.keys(postings)) if ((byRef.get(ref) ?? 0) < credit) byRef.set(ref, credit);
      }
      if (this.creditCache.size >= CREDIT_CACHE_TERMS) this.creditCache.clear();
      this.creditCache.set(term, byRef);
    }
    return byRef;
  }

  private postings(term: string): Record<string, object> | undefined {
    const inverted = (this.index as unknown as { invertedIndex: Record<string, Record<string, object>> }).invertedIndex;
    return Object.hasOwn(inverted, term) ? inverted[term] : undefined;
  }

  private textOf(record: RightsRecord): string {
    let text = this.texts.get(record.id);
    if (text === undefined) {
      const names = record.kind === 'treaty' || record.kind === 'speaker' ? record.aliases.join(' . ') : '';
      text = ` ${fold(`${record.title} . ${names} . ${record.text} . ${record.quote ?? ''}`)} `;
      this.texts.set(record.id, text);
    }
    return text;
  }

  private position(hit: Hit): number {
    return this.order.get(hit.record.id) ?? 0;
  }
}

/**
 * Adjacent typed words that should be found together ("domestic workers"): one pattern per pair of
 * neighbouring search groups, each word matched by its stem-like prefix so plurals still count.
 */
function phrasePatterns(words: readonly string[], groups: readonly TermGroup[]): RegExp[] {
  const typed = new Set(groups.flatMap((g) => g.words));
  const patterns: RegExp[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i] ?? '';
    const b = words[i + 1] ?? '';
    if (!typed.has(a) || !typed.has(b) || a.length < 3 || b.length < 3 || a === b) continue;
    patterns.push(new RegExp(` ${prefix(a)}\\w*(?: (?:of|the|and|for|in|on|to|de|del|des|du|la|le|les|los|las|el))? ${prefix(b)}\\w* `));
  }
  return [...new Map(patterns.map((p) => [p.source, p])).values()].slice(0, 8);
}

function prefix(word: string): string {
  return word.length > 5 ? word.slice(0, word.length - 2) : word;
}
