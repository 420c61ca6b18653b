// Turns a record into a ResultItem: citation, snippet, main date and related records.
import type { Citation, RelatedRecord, ResultItem } from '../answer.js';
import type { KnowledgeBase } from '../records/load.js';
import type { RightsRecord } from '../records/schema.js';
import { fold, stem } from './text.js';

const SNIPPET_CHARS = 240;
const MAX_RELATED = 8;

/** Precomputed reverse links (treaty → recommendations, speaker → recommendations, session → children). */
export interface RelationIndex {
  citedBy: Map<string, string[]>;
}

export function buildRelations(kb: Pick<KnowledgeBase, 'records'>): RelationIndex {
  const citedBy = new Map<string, string[]>();
  const link = (target: string, from: string) => {
    const list = citedBy.get(target) ?? [];
    if (!list.includes(from)) list.push(from);
    citedBy.set(target, list);
  };
  for (const r of kb.records) {
    if (r.kind === 'recommendation') {
      link(r.session, r.id);
      for (const t of r.treaties ?? []) link(t, r.id);
      for (const s of r.by.speakers ?? []) link(s, r.id);
    }
    if (r.kind === 'session' && r.parent) link(r.parent, r.id);
    if (r.kind === 'observance' && r.treaty) link(r.treaty, r.id);
  }
  return { citedBy };
}

export function citation(record: RightsRecord, kb: Pick<KnowledgeBase, 'documents'>): Citation {
  const { document, section, paragraph, note } = record.source;
  return { document, title: kb.documents.get(document)?.title ?? document, section, paragraph, note };
}

/** The record's main date, ISO 8601: when it happened, was adopted, or (for a recommendation) its session's date. */
export function mainDate(record: RightsRecord, kb: Pick<KnowledgeBase, 'byId'>): string | undefined {
  switch (record.kind) {
    case 'session':
    case 'observance':
      return record.date;
    case 'treaty':
      return record.adopted;
    case 'recommendation': {
      const session = kb.byId.get(record.session);
      return session?.kind === 'session' ? session.date : undefined;
    }
    case 'speaker':
      return undefined;
  }
}

/** Sentences of a record text with their stemmed words, computed once per text (stemming is the costly part). */
const sentenceCache = new Map<string, { sentence: string; stems: Set<string> }[]>();

function sentencesOf(text: string) {
  let sentences = sentenceCache.get(text);
  if (!sentences) {
    sentences = text
      .replace(/\s+/g, ' ')
      .trim()
      .split(/(?<=[.;!?])\s+/)
      .map((sentence) => ({ sentence, stems: new Set(fold(sentence).split(' ').map(stem)) }));
    sentenceCache.set(text, sentences);
  }
  return sentences;
}

/** The sentence of the text that best matches the query words, cut to a readable length. */
export function snippet(text: string, queryWords: readonly string[]): string {
  const sentences = sentencesOf(text);
  const wanted = [...new Set(queryWords.map((w) => stem(w)))];
  let best = sentences[0]?.sentence ?? '';
  let bestScore = 0;
  for (const { sentence, stems } of sentences) {
    const score = wanted.filter((w) => stems.has(w)).length;
    if (score > bestScore) [best, bestScore] = [sentence, score];
  }
  if (bestScore === 0) best = sentences.slice(0, 2).map((s) => s.sentence).join(' ');
  return truncate(best, SNIPPET_CHARS);
}

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

export function related(record: RightsRecord, kb: Pick<KnowledgeBase, 'byId'>, relations: RelationIndex): RelatedRecord[] {
  const out: RelatedRecord[] = [];
  const add = (id: string | undefined, relation: string) => {
    const target = id ? kb.byId.get(id) : undefined;
    if (target && !out.some((o) => o.id === target.id)) out.push({ id: target.id, kind: target.kind, title: target.title, relation });
  };
  const reverse = relations.citedBy.get(record.id) ?? [];
  switch (record.kind) {
    case 'recommendation':
      add(record.session, 'session');
      for (const s of record.by.speakers ?? []) add(s, 'made by');
      for (const t of record.treaties ?? []) add(t, 'invokes');
      break;
    case 'treaty':
      for (const id of reverse) add(id, kb.byId.get(id)?.kind === 'observance' ? 'observance' : 'invoked by');
      for (const id of reverse) {
        const r = kb.byId.get(id);
        if (r?.kind === 'recommendation') add(r.session, 'discussed at');
      }
      break;
    case 'session':
      add(record.parent, 'part of');
      for (const id of reverse) if (kb.byId.get(id)?.kind === 'session') add(id, 'sub-session');
      for (const id of [...(record.chair ?? []), ...(record.moderators ?? []), ...(record.rapporteur ?? []), ...(record.speakers ?? [])]) {
        add(id, roleIn(record, id));
      }
      for (const id of reverse) add(id, 'recommendation');
      break;
    case 'speaker':
      for (const s of record.sessions) add(s, 'session');
      for (const id of reverse) add(id, 'recommendation');
      break;
    case 'observance':
      add(record.treaty, 'commemorates');
      break;
  }
  return out;
}

function roleIn(session: Extract<RightsRecord, { kind: 'session' }>, id: string): string {
  if (session.chair?.includes(id)) return 'chair';
  if (session.moderators?.includes(id)) return 'moderator';
  if (session.rapporteur?.includes(id)) return 'rapporteur';
  return 'speaker';
}

export function presentRecord(
  record: RightsRecord,
  score: number,
  queryWords: readonly string[],
  kb: Pick<KnowledgeBase, 'byId' | 'documents'>,
  relations: RelationIndex,
  maxRelated = MAX_RELATED,
): ResultItem {
  const all = related(record, kb, relations);
  return {
    record,
    score,
    snippet: snippet(record.text, queryWords),
    citation: citation(record, kb),
    date: mainDate(record, kb),
    related: all.slice(0, maxRelated),
    relatedTotal: all.length,
  };
}
