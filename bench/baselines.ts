// The two baselines every engine figure is compared with, on the same queries in the same run:
// raw lunr with the plain words (what our expansion and ranking cost) and a naive linear scan (a hand-written bot).
import type lunr from 'lunr';
import type { RightsRecord } from '../src/records/schema.js';
import { words } from '../src/search/text.js';

/** A search that returns the ids of its first `limit` results. */
export interface Searcher {
  search(text: string, limit?: number): string[];
}

/**
 * lunr over the very same index, each plain query word as one term through lunr's default search
 * pipeline (stemming): no grammar, no synonyms, no typo candidates, no AND-first ranking, no presentation.
 */
export class RawLunrBaseline implements Searcher {
  constructor(private readonly index: lunr.Index) {}

  search(text: string, limit = 5): string[] {
    const terms = words(text);
    if (terms.length === 0) return [];
    const results = this.index.query((q) => {
      for (const term of terms) q.term(term, {});
    });
    return results.slice(0, limit).map((r) => r.ref);
  }
}

/**
 * What a hand-written bot does: lowercase every record's text once, then for each query count how many
 * query words each record contains (substring match), best first.
 */
export class LinearScanBaseline implements Searcher {
  private readonly docs: { id: string; text: string }[];

  constructor(records: readonly RightsRecord[]) {
    this.docs = records.map((r) => ({ id: r.id, text: stringLeaves(r).join(' ').toLowerCase() }));
  }

  search(text: string, limit = 5): string[] {
    const terms = [...new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1))];
    if (terms.length === 0) return [];
    const scored: { id: string; score: number }[] = [];
    for (const doc of this.docs) {
      let score = 0;
      for (const term of terms) if (doc.text.includes(term)) score += 1;
      if (score > 0) scored.push({ id: doc.id, score });
    }
    return scored
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
      .map((s) => s.id);
  }
}

function stringLeaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringLeaves);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringLeaves);
  return [];
}
