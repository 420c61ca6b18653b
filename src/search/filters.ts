// Query filters (theme:, year:, by:, for:) resolved against the taxonomy and applied to records.
import type { KnowledgeBase } from '../records/load.js';
import type { RightsRecord, VocabularyEntry } from '../records/schema.js';
import type { QueryFilters } from '../query/parse.js';
import { fold } from './text.js';
import type { Message } from '../answer.js';

export type RecordFilter = (record: RightsRecord) => boolean;

/** Either a predicate over records, or a message explaining which filter value is unknown. */
export type ResolvedFilters = { ok: true; test: RecordFilter } | { ok: false; reason: Message };

/** Finds a vocabulary entry by id, label or synonym, accents and case ignored. */
export function resolveVocabulary(value: string, entries: readonly VocabularyEntry[]): VocabularyEntry | undefined {
  const key = fold(value);
  return (
    entries.find((e) => fold(e.id) === key) ??
    entries.find((e) => fold(e.label) === key || e.synonyms.some((s) => fold(s) === key)) ??
    entries.find((e) => fold(e.label).startsWith(key) && key.length >= 3)
  );
}

export function resolveFilters(filters: QueryFilters, kb: Pick<KnowledgeBase, 'taxonomy' | 'byId' | 'documents'>): ResolvedFilters {
  const tests: RecordFilter[] = [];
  if (filters.theme?.length) {
    const themes: string[] = [];
    for (const value of filters.theme) {
      const entry = resolveVocabulary(value, kb.taxonomy.themes);
      if (!entry) return { ok: false, reason: { key: 'reason.unknownTheme', params: { value } } };
      themes.push(entry.id);
    }
    tests.push((r) => r.themes.some((t) => themes.includes(t)));
  }
  if (filters.for !== undefined) {
    const entry = resolveVocabulary(filters.for, kb.taxonomy.addressees);
    if (!entry) {
      const known = kb.taxonomy.addressees.map((a) => a.id).join(', ');
      return { ok: false, reason: { key: 'reason.unknownAddressee', params: { value: filters.for, known } } };
    }
    tests.push((r) => r.kind === 'recommendation' && (r.addressed_to ?? []).includes(entry.id));
  }
  if (filters.year !== undefined) {
    const year = String(filters.year);
    tests.push((r) => yearsOf(r, kb).includes(year));
  }
  if (filters.by !== undefined) {
    const wanted = fold(filters.by).split(' ').filter(Boolean);
    tests.push((r) => {
      const words = authorWords(r, kb);
      return wanted.every((w) => words.some((x) => x.startsWith(w)));
    });
  }
  return { ok: true, test: (r) => tests.every((t) => t(r)) };
}

function yearsOf(r: RightsRecord, kb: Pick<KnowledgeBase, 'byId'>): string[] {
  const session = (id: string) => {
    const s = kb.byId.get(id);
    return s?.kind === 'session' ? [s.date.slice(0, 4)] : [];
  };
  switch (r.kind) {
    case 'session':
      return [r.date.slice(0, 4), (r.end_date ?? '').slice(0, 4)];
    case 'treaty':
      return [r.adopted.slice(0, 4), (r.in_force ?? '').slice(0, 4)];
    case 'recommendation':
      return session(r.session);
    case 'speaker':
      return r.sessions.flatMap(session);
    case 'observance':
      return [];
  }
}

const authorCache = new WeakMap<RightsRecord, string[]>();

/** The distinct folded words of a record's authorText, computed once per record. */
function authorWords(r: RightsRecord, kb: Pick<KnowledgeBase, 'byId' | 'documents'>): string[] {
  let words = authorCache.get(r);
  if (!words) {
    words = [...new Set(authorText(r, kb).split(' '))];
    authorCache.set(r, words);
  }
  return words;
}

/** Who a record is "by": authors, their organizations, the session's organizers and the source document. */
function authorText(r: RightsRecord, kb: Pick<KnowledgeBase, 'byId' | 'documents'>): string {
  const parts: string[] = [r.source.document.replace(/-/g, ' ')];
  const speaker = (id: string) => {
    const s = kb.byId.get(id);
    if (s?.kind === 'speaker') parts.push(s.id.replace(/-/g, ' '), s.name, ...s.aliases, s.organization ?? '');
  };
  const session = (id: string) => {
    const s = kb.byId.get(id);
    if (s?.kind === 'session') parts.push(...(s.organizers ?? []));
  };
  switch (r.kind) {
    case 'recommendation':
      parts.push(r.by.organization ?? '');
      (r.by.speakers ?? []).forEach(speaker);
      session(r.session);
      break;
    case 'session':
      parts.push(...(r.organizers ?? []));
      break;
    case 'speaker':
      speaker(r.id);
      break;
    case 'treaty':
    case 'observance':
      parts.push(r.body ?? '');
      break;
  }
  return fold(parts.join(' '));
}
