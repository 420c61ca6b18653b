// Turns a record into a ResultItem: citation, snippet, main date and related records.
import type { Citation, RelatedRecord, ResultItem } from '../answer.js';
import type { KnowledgeBase } from '../records/load.js';
import type { RightsRecord } from '../records/schema.js';
import { fold, stem } from './text.js';
import type { When } from '../i18n/dates.js';

/** Longest snippet: a whole sentence up to this length (record sentences are rarely longer). */
const SNIPPET_MAX_CHARS = 600;
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

/** The passage of a meeting document a record cites. */
export function documentCitation(record: RightsRecord, kb: Pick<KnowledgeBase, 'documents'>): Citation {
  const { document, section, paragraph, note } = record.source;
  const doc = kb.documents.get(document);
  return { kind: 'document', document, title: doc?.title ?? document, short: doc?.short ?? doc?.title ?? document, section, paragraph, note };
}

/** The external authorities a record cites (seeds/authorities.yaml), with the fields each supports. */
export function authorityCitations(record: RightsRecord, kb: Pick<KnowledgeBase, 'authorities'>): Citation[] {
  return (record.authorities ?? []).flatMap((a) => {
    const authority = kb.authorities.get(a.id);
    if (!authority) return [];
    return [
      {
        kind: 'authority' as const,
        document: authority.id,
        title: authority.title,
        short: authority.short,
        section: a.reference ?? authority.reference ?? '',
        note: a.note,
        url: authority.url,
        fields: a.fields,
      },
    ];
  });
}

/** The record's main citation: its authority when it has one, else its meeting document. */
export function citation(record: RightsRecord, kb: Pick<KnowledgeBase, 'documents' | 'authorities'>): Citation {
  return authorityCitations(record, kb)[0] ?? documentCitation(record, kb);
}

/** The citation that supports one field of a record: the authority listing it, else the meeting document. */
export function fieldCitation(record: RightsRecord, field: string, kb: Pick<KnowledgeBase, 'documents' | 'authorities'>): Citation {
  return authorityCitations(record, kb).find((c) => c.fields?.includes(field)) ?? documentCitation(record, kb);
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

/** How the record's date reads for people (held on a range, every year, adopted), for renderers to format. */
export function whenOf(record: RightsRecord, kb: Pick<KnowledgeBase, 'byId'>): When | undefined {
  switch (record.kind) {
    case 'session':
      return { date: record.date, ...(record.end_date ? { end: record.end_date } : {}), kind: 'held' };
    case 'observance':
      return { date: record.date, kind: 'yearly' };
    case 'treaty':
      return { date: record.adopted, kind: 'adopted' };
    case 'recommendation': {
      const session = kb.byId.get(record.session);
      return session?.kind === 'session' ? whenOf(session, kb) : undefined;
    }
    case 'speaker':
      return undefined;
  }
}

/** What the source says about a record's date (its own, or its session's for a recommendation). */
function dateNoteOf(record: RightsRecord, kb: Pick<KnowledgeBase, 'byId'>): string | undefined {
  if (record.kind === 'session') return record.date_note;
  if (record.kind === 'recommendation') {
    const session = kb.byId.get(record.session);
    return session?.kind === 'session' ? session.date_note : undefined;
  }
  return undefined;
}

/** Sentences of a record text with their stemmed words, computed once per text (stemming is the costly part). */
const sentenceCache = new Map<string, { sentence: string; stems: Set<string> }[]>();

/** Words after which a full stop does not end a sentence ("Mr. Bingham", "Nos. 97 and 143", "e.g. the"). */
const ABBREVIATIONS = new Set('mr ms mrs dr no nos st jr sr sra mme h.e e.g i.e etc vs vol vols para paras art arts p pp u.s u.n cf approx amb prof gen rev fig sec ch op ibid'.split(' '));

/** Splits a text into sentences: at . ! ? … followed by a capital, a digit, a quote or ¿ ¡, never after an abbreviation or an initial. */
export function splitSentences(text: string): string[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const out: string[] = [];
  let start = 0;
  for (const m of flat.matchAll(/[.!?…]["”’»')\]]*\s+(?=["“‘«(\[¿¡]?[\p{Lu}\d])/gu)) {
    const end = (m.index ?? 0) + 1;
    const before = flat.slice(start, end - 1).split(' ').pop() ?? '';
    const word = before.toLowerCase().replace(/^["“‘(]+/, '');
    if (ABBREVIATIONS.has(word) || /^\p{Lu}$/u.test(before)) continue;
    out.push(flat.slice(start, (m.index ?? 0) + m[0].trimEnd().length).trim());
    start = (m.index ?? 0) + m[0].length;
  }
  if (start < flat.length) out.push(flat.slice(start).trim());
  return out.filter(Boolean);
}

function sentencesOf(text: string) {
  let sentences = sentenceCache.get(text);
  if (!sentences) {
    sentences = splitSentences(text).map((sentence) => ({ sentence, stems: new Set(fold(sentence).split(' ').map(stem)) }));
    sentenceCache.set(text, sentences);
  }
  return sentences;
}

/**
 * The whole sentence of the text that best matches the query words (the first sentence when none does).
 * Sentences are never cut short, so a snippet cannot drop the clause that qualifies it; only a sentence
 * longer than SNIPPET_MAX_CHARS is shortened, at a word boundary.
 */
export function snippet(text: string, queryWords: readonly string[]): string {
  const sentences = sentencesOf(text);
  const wanted = [...new Set(queryWords.map((w) => stem(w)))];
  let best = sentences[0]?.sentence ?? '';
  let bestScore = 0;
  for (const { sentence, stems } of sentences) {
    const score = wanted.filter((w) => stems.has(w)).length;
    if (score > bestScore) [best, bestScore] = [sentence, score];
  }
  return truncate(best, SNIPPET_MAX_CHARS);
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
  kb: Pick<KnowledgeBase, 'byId' | 'documents' | 'authorities'>,
  relations: RelationIndex,
  maxRelated = MAX_RELATED,
): ResultItem {
  const all = related(record, kb, relations);
  const authorities = authorityCitations(record, kb);
  const dateNote = dateNoteOf(record, kb);
  const when = whenOf(record, kb);
  return {
    record,
    score,
    snippet: snippet(record.text, queryWords),
    citation: authorities[0] ?? documentCitation(record, kb),
    ...(authorities.length > 0 ? { discussedIn: documentCitation(record, kb) } : {}),
    authorities,
    ...(dateNote ? { dateNote } : {}),
    date: mainDate(record, kb),
    ...(when ? { when } : {}),
    related: all.slice(0, maxRelated),
    relatedTotal: all.length,
  };
}
