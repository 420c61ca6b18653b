// Query filters (theme:, year:, by:, for:) resolved against the taxonomy and applied to records.
// Theme and addressee values forgive: case and accents, singular or plural, id or label, Spanish and French
// names from seeds/lexicon.yaml and, from five letters on, one typo; a value read as another is said in a note.
import type { KnowledgeBase } from '../records/load.js';
import type { LexiconEntry, RightsRecord, VocabularyEntry } from '../records/schema.js';
import type { QueryFilters } from '../query/parse.js';
import { fold } from './text.js';
import type { Message } from '../answer.js';

export type RecordFilter = (record: RightsRecord) => boolean;

/** How squarely a record fits the filters (0 when they say nothing about it), to order lists without search words. */
export type RecordFit = (record: RightsRecord) => number;

/** Either a predicate over records with notes on values read as others, or a message explaining which value is unknown. */
export type ResolvedFilters = { ok: true; test: RecordFilter; fit: RecordFit; notes: Message[] } | { ok: false; reason: Message };

/** Another name of a vocabulary entry, e.g. a Spanish or French phrase of the lexicon. */
export interface VocabularyAlias {
  name: string;
  id: string;
}

/** A vocabulary entry found for a value; `exact` when the value is its id, label or a synonym as written. */
export interface VocabularyMatch {
  entry: VocabularyEntry;
  exact: boolean;
}

/** Values shorter than this (letters, spaces aside) get no typo correction: too many short words are one edit apart. */
const TYPO_MIN_LETTERS = 5;

/** Finds a vocabulary entry by id, label, synonym or alias, forgiving case, accents, plurals and one typo. */
export function resolveVocabulary(value: string, entries: readonly VocabularyEntry[], aliases: readonly VocabularyAlias[] = []): VocabularyEntry | undefined {
  return matchVocabulary(value, entries, aliases)?.entry;
}

/**
 * Matches a value, trying in turn: the id, label or a synonym as written; the same in singular; an alias; the
 * start of a label (3+ letters); then names one typo away, when they all belong to a single entry.
 */
export function matchVocabulary(value: string, entries: readonly VocabularyEntry[], aliases: readonly VocabularyAlias[] = []): VocabularyMatch | undefined {
  const key = fold(value);
  if (key === '') return undefined;
  const names = foldedNames;
  const exact = entries.find((e) => fold(e.id) === key) ?? entries.find((e) => names(e).includes(key));
  if (exact) return { entry: exact, exact: true };
  const byId = (id: string | undefined) => entries.find((e) => e.id === id);
  const one = singular(key);
  const close =
    entries.find((e) => names(e).some((n) => singular(n) === one)) ??
    byId(aliases.find((a) => singular(foldedName(a)) === one)?.id) ??
    (key.length >= 3 ? entries.find((e) => fold(e.label).startsWith(key)) : undefined);
  if (close) return { entry: close, exact: false };
  if (key.replace(/ /g, '').length < TYPO_MIN_LETTERS) return undefined;
  const near = new Set<string>();
  for (const e of entries) if (names(e).some((n) => oneTypoApart(singular(n), one))) near.add(e.id);
  for (const a of aliases) if (oneTypoApart(singular(foldedName(a)), one)) near.add(a.id);
  const entry = near.size === 1 ? byId([...near][0]) : undefined;
  return entry ? { entry, exact: false } : undefined;
}

/** Folded names of an entry or alias, computed once per object (an unknown value is compared with all of them). */
const foldedCache = new WeakMap<object, string[]>();
function foldedNames(e: VocabularyEntry): string[] {
  let names = foldedCache.get(e);
  if (!names) {
    names = [e.id, e.label, ...e.synonyms].map(fold);
    foldedCache.set(e, names);
  }
  return names;
}
function foldedName(a: VocabularyAlias): string {
  let names = foldedCache.get(a);
  if (!names) {
    names = [fold(a.name)];
    foldedCache.set(a, names);
  }
  return names[0] ?? '';
}

/** The lexicon's names for themes or addressees (Spanish, French and English words people type). */
const aliasCache = new WeakMap<readonly LexiconEntry[], Map<string, VocabularyAlias[]>>();

export function lexiconAliases(lexicon: readonly LexiconEntry[], target: 'theme' | 'addressee', entries: readonly VocabularyEntry[]): VocabularyAlias[] {
  // Built once per lexicon and target: filters are resolved on every query.
  const cached = aliasCache.get(lexicon)?.get(target);
  if (cached) return cached;
  const ids = new Set(entries.map((e) => e.id));
  const aliases = lexicon.flatMap((x) => {
    // A group named like a theme (children) names that theme too.
    const id = x[target] ?? (target === 'theme' && x.group && ids.has(x.group) ? x.group : undefined);
    return id ? [...x.es, ...x.fr, ...(x.en ?? []), ...x.synonyms].map((name) => ({ name, id })) : [];
  });
  const byTarget = aliasCache.get(lexicon) ?? new Map<string, VocabularyAlias[]>();
  byTarget.set(target, aliases);
  aliasCache.set(lexicon, byTarget);
  return aliases;
}

export function resolveFilters(filters: QueryFilters, kb: Pick<KnowledgeBase, 'taxonomy' | 'byId' | 'documents'> & Partial<Pick<KnowledgeBase, 'lexicon'>>): ResolvedFilters {
  const tests: RecordFilter[] = [];
  const fits: RecordFit[] = [];
  const notes: Message[] = [];
  const lexicon = kb.lexicon ?? [];
  if (filters.theme?.length) {
    const themes: string[] = [];
    const aliases = lexiconAliases(lexicon, 'theme', kb.taxonomy.themes);
    for (const value of filters.theme) {
      const match = matchVocabulary(value, kb.taxonomy.themes, aliases);
      if (!match) return { ok: false, reason: { key: 'reason.unknownTheme', params: { value } } };
      if (!match.exact) notes.push({ key: 'results.themeRead', params: { value, theme: match.entry.id } });
      themes.push(match.entry.id);
    }
    tests.push((r) => r.themes.some((t) => themes.includes(t)));
    fits.push((r) => Math.max(...themes.map((t) => placeFit(r.themes, t))));
  }
  if (filters.for !== undefined) {
    const value = filters.for;
    const match = matchVocabulary(value, kb.taxonomy.addressees, lexiconAliases(lexicon, 'addressee', kb.taxonomy.addressees));
    if (!match) {
      const known = kb.taxonomy.addressees.map((a) => a.id).join(', ');
      return { ok: false, reason: { key: 'reason.unknownAddressee', params: { value, known } } };
    }
    const id = match.entry.id;
    if (!match.exact) notes.push({ key: 'results.addresseeRead', params: { value, addressee: id } });
    tests.push((r) => r.kind === 'recommendation' && (r.addressed_to ?? []).includes(id));
    fits.push((r) => (r.kind === 'recommendation' ? placeFit(r.addressed_to ?? [], id) : 0));
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
  return { ok: true, test: (r) => tests.every((t) => t(r)), fit: (r) => fits.reduce((sum, f) => sum + f(r), 0), notes };
}

/**
 * Records by how squarely they fit the filters, best first, in curated order among equals: a recommendation
 * addressed only to the wanted addressee, or a record whose first theme is the wanted one, before those where it
 * is one of many.
 */
export function orderByFit(records: readonly RightsRecord[], fit: RecordFit): RightsRecord[] {
  return records
    .map((record, i) => ({ record, i, fit: fit(record) }))
    .sort((a, b) => b.fit - a.fit || a.i - b.i)
    .map((x) => x.record);
}

/** 2 for the only item of a list, then less the further down and the longer the list (first of 2: 1.5, second: 1); 0 if absent. */
function placeFit(list: readonly string[], wanted: string): number {
  const i = list.indexOf(wanted);
  return i === -1 ? 0 : (list.length - i + 1) / list.length;
}

/** A rough singular of every word (treaties → treaty, governments → government, niños → niño), for comparing names. */
function singular(folded: string): string {
  return folded
    .split(' ')
    .map((w) => (w.length > 4 && w.endsWith('ies') ? `${w.slice(0, -3)}y` : w.length > 3 && /[^s]s$/.test(w) ? w.slice(0, -1) : w))
    .join(' ');
}

/** True when one insertion, deletion, substitution or swap of two neighbouring letters turns `a` into `b`. */
function oneTypoApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (start < a.length && a[start] === b[start]) start++;
  if (a.length === b.length) {
    const swapped = a[start] === b[start + 1] && a[start + 1] === b[start] && a.slice(start + 2) === b.slice(start + 2);
    return swapped || a.slice(start + 1) === b.slice(start + 1);
  }
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  return longer.slice(start + 1) === shorter.slice(start);
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
