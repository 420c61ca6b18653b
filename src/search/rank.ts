// Ranking: the lunr query built from expanded term groups, then AND-first ordering (records matching
// more of the query's groups first, then lunr's score, then curated order).
import type lunr from 'lunr';
import type { KnowledgeBase } from '../records/load.js';
import type { Kind } from '../records/kinds.js';
import type { RightsRecord } from '../records/schema.js';
import type { TermGroup } from './expand.js';
import { LINK_TOKEN, fold } from './text.js';

const LINK_FIELDS = ['links', 'aliases'];
/** A term in more than this share of records is common (see rank); small corpora keep a floor. */
const COMMON_SHARE = 0.2;
const COMMON_MIN_RECORDS = 40;

/** A record found by a query, with its lunr score and how many query groups it matches. */
export interface Hit {
  record: RightsRecord;
  score: number;
  coverage: number;
}

export class Ranker {
  private readonly order: Map<string, number>;
  /** Folded names, short names and aliases → record ids: a query that is exactly a name ranks that record first. */
  private readonly names = new Map<string, string[]>();
  private readonly frequencies = new Map<string, number>();

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
   * lunr search with expanded terms, then AND-first ranking: records matching more query groups come first.
   * Words found in a large share of records ("migrants", "rights") are left out of the lunr query when rarer
   * words are there to find candidates: lunr scores every record a term matches, so they cost the most and
   * discriminate the least. They still count for coverage, checked directly in the inverted index.
   */
  rank(words: readonly string[], groups: readonly TermGroup[], kind?: Kind): Hit[] {
    if (groups.length === 0) return [];
    // A group is common when every one of its terms is; common groups are left out when others remain.
    const common = (g: TermGroup) => [...g.terms.keys()].every((t) => this.documentFrequency(t) > this.commonThreshold);
    const distinctive = groups.filter((g) => !common(g));
    const queried = (distinctive.length > 0 ? distinctive : groups).flatMap((g) => [...g.terms]);
    const results = this.index.query((q) => {
      for (const [term, boost] of queried) {
        // Link tokens only occur in the links and aliases fields: searching the others is wasted work.
        q.term(term, LINK_TOKEN.test(term) ? { usePipeline: false, boost, fields: LINK_FIELDS } : { usePipeline: false, boost });
      }
    });
    const hits: Hit[] = [];
    const groupTerms = groups.map((g) => [...g.terms.keys()]);
    let best = 0;
    for (const result of results) {
      const record = this.kb.byId.get(result.ref);
      if (!record || (kind && record.kind !== kind)) continue;
      const matched = result.matchData.metadata;
      let coverage = 0;
      for (const terms of groupTerms) if (terms.some((t) => Object.hasOwn(matched, t) || this.contains(t, result.ref))) coverage += 1;
      hits.push({ record, score: result.score, coverage });
    }
    for (const id of this.names.get(words.join(' ')) ?? []) {
      const hit = hits.find((h) => h.record.id === id);
      if (hit) hit.coverage += 1; // ranks above every partial match
    }
    for (const hit of hits) best = Math.max(best, hit.coverage);
    const needed = Math.min(best, Math.ceil(groups.length / 2));
    return hits
      .filter((h) => h.coverage >= needed)
      .sort((a, b) => b.coverage - a.coverage || b.score - a.score || this.position(a) - this.position(b));
  }

  /** Records a term must appear in to count as common (and be left to the coverage check). */
  private get commonThreshold(): number {
    return Math.max(COMMON_MIN_RECORDS, this.kb.records.length * COMMON_SHARE);
  }

  /** In how many records an index term occurs (any field). */
  private documentFrequency(term: string): number {
    let n = this.frequencies.get(term);
    if (n === undefined) {
      const refs = new Set<string>();
      for (const [field, postings] of Object.entries(this.postings(term) ?? {})) if (field !== '_index') for (const ref of Object.keys(postings)) refs.add(ref);
      n = refs.size;
      this.frequencies.set(term, n);
    }
    return n;
  }

  /** Whether record `ref` contains index term `term` in any field. */
  private contains(term: string, ref: string): boolean {
    const postings = this.postings(term);
    if (!postings) return false;
    for (const field in postings) if (field !== '_index' && Object.hasOwn(postings[field] as object, ref)) return true;
    return false;
  }

  private postings(term: string): Record<string, object> | undefined {
    const inverted = (this.index as unknown as { invertedIndex: Record<string, Record<string, object>> }).invertedIndex;
    return Object.hasOwn(inverted, term) ? inverted[term] : undefined;
  }

  private position(hit: Hit): number {
    return this.order.get(hit.record.id) ?? 0;
  }
}
