// Builds the lunr index over all records, and saves/loads it as data/index.json keyed by the seeds' hash.
// Field boosts: title and aliases highest, then themes and links, then metadata, then text.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import lunr from 'lunr';
import type { KnowledgeBase, SourceDocument } from '../records/load.js';
import type { Authority, RightsRecord } from '../records/schema.js';
import { fold, linkToken } from './text.js';
import { buildVocabularyMap, type VocabularyMap } from './wordnet.js';

/** Bump when the indexed fields or their tokens change, so old prebuilt indexes are rebuilt. */
export const INDEX_VERSION = 8;

export const FIELD_BOOSTS = { title: 10, aliases: 8, links: 4, meta: 2, text: 1 } as const;
export type Field = keyof typeof FIELD_BOOSTS;

/** The validated records saved beside the index, so a start-up with unchanged seeds skips YAML and validation. */
export interface KnowledgeSnapshot {
  records: KnowledgeBase['records'];
  taxonomy: KnowledgeBase['taxonomy'];
  lexicon: KnowledgeBase['lexicon'];
  documents: SourceDocument[];
  authorities: Authority[];
}

interface SerializedIndex {
  version: number;
  hash: string;
  kb: KnowledgeSnapshot;
  index: object;
}

/**
 * Words the records lack → record words they relate to (WordNet), computed with the index so that start-up
 * never reads WordNet. Kept in its own file beside the index, read on the first word that needs it.
 */
interface SerializedVocabulary {
  version: number;
  hash: string;
  vocabulary: VocabularyMap;
}

/** Where the vocabulary map of an index file lives. */
export function vocabularyPath(indexPath: string): string {
  return join(dirname(indexPath), 'vocabulary.json');
}

/** Reads the vocabulary map saved beside an index, if it was built from the same seeds; empty otherwise. */
export function readVocabulary(indexPath: string, hash: string): VocabularyMap {
  try {
    const saved = JSON.parse(readFileSync(vocabularyPath(indexPath), 'utf8')) as SerializedVocabulary;
    return saved.version === INDEX_VERSION && saved.hash === hash ? saved.vocabulary : {};
  } catch {
    return {}; // missing or damaged: questions still work, with the lexicon only, until the next build
  }
}

export function snapshotOf(kb: KnowledgeBase): KnowledgeSnapshot {
  return { records: kb.records, taxonomy: kb.taxonomy, lexicon: kb.lexicon, documents: [...kb.documents.values()], authorities: [...kb.authorities.values()] };
}

/** A KnowledgeBase from a snapshot that was validated when it was written. */
export function restoreSnapshot(snapshot: KnowledgeSnapshot, hash: string): KnowledgeBase {
  return {
    records: snapshot.records,
    byId: new Map(snapshot.records.map((r) => [r.id, r] as const)),
    taxonomy: snapshot.taxonomy,
    lexicon: snapshot.lexicon,
    documents: new Map(snapshot.documents.map((d) => [d.id, d] as const)),
    authorities: new Map((snapshot.authorities ?? []).map((a) => [a.id, a] as const)),
    locations: new Map(),
    hash,
  };
}

/** The text of each field of one record, folded for lunr. */
export function indexFields(record: RightsRecord, kb: Pick<KnowledgeBase, 'byId' | 'taxonomy'>): Record<Field, string> {
  const label = (list: 'themes' | 'groups' | 'addressees', id: string) => kb.taxonomy[list].find((e) => e.id === id)?.label ?? id;
  const speakerNames = (ids: readonly string[] = []) =>
    ids.flatMap((id) => {
      const s = kb.byId.get(id);
      return s?.kind === 'speaker' ? [s.name] : [];
    });
  const links: string[] = [
    ...record.themes.flatMap((t) => [linkToken('theme', t), label('themes', t)]),
    ...(record.affected ?? []).flatMap((g) => [linkToken('group', g), label('groups', g)]),
  ];
  const aliases: string[] = [];
  const meta: string[] = [record.kind];
  const text: string[] = [record.text, record.quote ?? ''];

  switch (record.kind) {
    case 'session':
      links.push(linkToken('session', record.id), ...(record.parent ? [linkToken('session', record.parent)] : []));
      meta.push(record.venue ?? '', record.city ?? '', record.country ?? '', ...(record.organizers ?? []), record.date.slice(0, 4));
      for (const id of [...(record.chair ?? []), ...(record.moderators ?? []), ...(record.rapporteur ?? []), ...(record.speakers ?? [])]) {
        links.push(linkToken('speaker', id));
      }
      text.push(...(record.objectives ?? []), ...(record.questions ?? []), record.date_note ?? '');
      break;
    case 'treaty':
      aliases.push(record.short_name, ...record.aliases, linkToken('treaty', record.id));
      meta.push(record.body, record.adopted.slice(0, 4));
      text.push(...(record.articles ?? []).map((a) => `article ${a.article} ${a.text}`));
      break;
    case 'recommendation':
      meta.push(record.by.organization ?? '', ...speakerNames(record.by.speakers), record.type ?? '');
      links.push(...(record.by.speakers ?? []).map((id) => linkToken('speaker', id)));
      links.push(...sessionLinks(record.session, kb));
      links.push(...(record.treaties ?? []).map((id) => linkToken('treaty', id)));
      links.push(...(record.addressed_to ?? []).flatMap((a) => [linkToken('addressee', a), label('addressees', a)]));
      break;
    case 'speaker':
      aliases.push(record.name, ...record.aliases, linkToken('speaker', record.id));
      meta.push(record.role ?? '', record.organization ?? '', record.country ?? '');
      links.push(...record.sessions.flatMap((id) => sessionLinks(id, kb)));
      break;
    case 'observance':
      if (record.treaty) links.push(linkToken('treaty', record.treaty));
      meta.push(record.body ?? '');
      break;
  }
  return {
    title: fold(record.title),
    aliases: fold(aliases.join(' ')),
    links: fold(links.join(' ')),
    meta: fold(meta.join(' ')),
    text: fold(text.join(' ')),
  };
}

/** Link tokens for a session and the meeting it is part of. */
function sessionLinks(id: string, kb: Pick<KnowledgeBase, 'byId'>): string[] {
  const session = kb.byId.get(id);
  const parent = session?.kind === 'session' ? session.parent : undefined;
  return [linkToken('session', id), ...(parent ? [linkToken('session', parent)] : [])];
}

export function buildIndex(kb: Pick<KnowledgeBase, 'records' | 'byId' | 'taxonomy'>): lunr.Index {
  return lunr(function () {
    this.ref('id');
    // Weaker length normalisation than lunr's 0.75: a short record tagged with a theme should not
    // outrank a longer one whose title and text are about it.
    this.b(0.4);
    for (const [field, boost] of Object.entries(FIELD_BOOSTS)) this.field(field, { boost });
    this.metadataWhitelist = [];
    for (const record of kb.records) this.add({ id: record.id, ...indexFields(record, kb) });
  });
}

/** The words of the records (titles, texts, quotes, names), folded: what the vocabulary map leads to. */
export function corpusWords(kb: Pick<KnowledgeBase, 'records'>): Set<string> {
  const words = new Set<string>();
  for (const r of kb.records) {
    const names = r.kind === 'treaty' || r.kind === 'speaker' ? r.aliases.join(' ') : '';
    for (const w of fold(`${r.title} ${r.text} ${r.quote ?? ''} ${names}`).split(' ')) if (w) words.add(w);
  }
  return words;
}

/** The outside-word map for a knowledge base (about 2 s: run at index-build time only). */
export function buildVocabulary(kb: Pick<KnowledgeBase, 'records'>): VocabularyMap {
  return buildVocabularyMap(corpusWords(kb));
}

/** Reads a prebuilt index and record snapshot if they were built from the same seeds; undefined otherwise. */
export function readPrebuiltIndex(path: string, hash: string): { index: lunr.Index; kb: KnowledgeBase; vocabulary: () => VocabularyMap } | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const saved = JSON.parse(readFileSync(path, 'utf8')) as SerializedIndex;
    if (saved.version !== INDEX_VERSION || saved.hash !== hash) return undefined;
    return { index: lunr.Index.load(saved.index), kb: restoreSnapshot(saved.kb, hash), vocabulary: () => readVocabulary(path, hash) };
  } catch {
    return undefined; // a damaged file is simply rebuilt
  }
}

/** Writes the index and record snapshot atomically (temp file + rename): a crash never leaves half a file. */
export function writeIndex(path: string, kb: KnowledgeBase, index: lunr.Index, vocabulary: VocabularyMap = buildVocabulary(kb)): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  const saved: SerializedIndex = { version: INDEX_VERSION, hash: kb.hash, kb: snapshotOf(kb), index: index.toJSON() };
  const words: SerializedVocabulary = { version: INDEX_VERSION, hash: kb.hash, vocabulary };
  writeFileSync(`${temp}.vocabulary`, JSON.stringify(words));
  renameSync(`${temp}.vocabulary`, vocabularyPath(path));
  writeFileSync(temp, JSON.stringify(saved));
  renameSync(temp, path);
}
