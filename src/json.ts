// The JSON contract of `rights ask --json` (and the digest): other tools depend on this shape.
import type { Answer, Citation, DirectAnswer, ResultItem } from './answer.js';
import { translator } from './i18n/catalog.js';
import { MESSAGES } from './i18n/messages.js';
import type { Digest } from './digest/content.js';

export interface JsonRecord {
  id: string;
  kind: string;
  title: string;
  text: string;
  score: number;
  snippet: string;
  source: { document: string; title: string; short?: string; section: string; paragraph?: number | string; note?: string; kind?: string; url?: string };
  [field: string]: unknown;
}

/** An external authority a record cites, as JSON. */
export interface JsonAuthority {
  id: string;
  title: string;
  short: string;
  reference: string | null;
  url: string | null;
  fields: string[];
  note?: string;
}

/**
 * A result as JSON: the record's own fields, plus score, snippet, `source` (the meeting-document passage,
 * with the document's title and short name), `authorities` (the external authorities it cites, each with
 * the fields it supports: a treaty's dates cite its depositary), date note, and related ids.
 */
export function itemToJson(item: ResultItem): JsonRecord {
  const { source: _source, ...fields } = item.record;
  const document = item.discussedIn ?? item.citation;
  return {
    ...fields,
    score: item.score,
    snippet: item.snippet,
    source: citationToJson(document),
    authorities: item.authorities.map(
      (a): JsonAuthority => ({ id: a.document, title: a.title, short: a.short, reference: a.section || null, url: a.url ?? null, fields: a.fields ?? [], ...(a.note ? { note: a.note } : {}) }),
    ),
    related: item.related.map(({ id, kind, relation }) => ({ id, kind, relation })),
  } as JsonRecord;
}

/** A citation in the documented `source` shape (document, title, section, paragraph, note), plus kind and short name. */
function citationToJson(c: Citation): JsonRecord['source'] {
  return {
    document: c.document,
    title: c.title,
    short: c.short,
    section: c.section,
    ...(c.paragraph !== undefined ? { paragraph: c.paragraph } : {}),
    ...(c.note ? { note: c.note } : {}),
    ...(c.kind === 'authority' ? { kind: c.kind, ...(c.url ? { url: c.url } : {}) } : {}),
  };
}

/** A direct answer as JSON: the sentence, the record and field it comes from, whether it is an honest negative, its source. */
export interface JsonDirect {
  text: string;
  id: string | null;
  field: string | null;
  negative: boolean;
  source: JsonRecord['source'] | null;
}

export type AskJson =
  | {
      query: { kind: string | null; terms: string[]; filters: object };
      /** The one-sentence answer to a fact question, or null when the question asks for none. */
      direct: JsonDirect | null;
      total: number;
      offset: number;
      results: JsonRecord[];
      suggestions?: string[];
      notes?: string[];
    }
  | { error: string; usage: string };

export function answerToJson(answer: Answer, usage: string): AskJson {
  const t = translator('en', MESSAGES);
  switch (answer.type) {
    case 'results':
      return {
        query: { kind: answer.query.kind ?? null, terms: answer.query.terms, filters: answer.query.filters },
        direct: directToJson(answer.direct),
        total: answer.total,
        offset: answer.offset,
        results: answer.items.map(itemToJson),
        ...(answer.notes.length ? { notes: answer.notes.map((n) => t(n.key, n.params)) } : {}),
      };
    case 'empty':
      return {
        query: { kind: answer.query.kind ?? null, terms: answer.query.terms, filters: answer.query.filters },
        direct: directToJson(answer.direct),
        total: 0,
        offset: 0,
        results: [],
        // JSON is English: the count of other kinds' records stays the first suggestion, as it was before it
        // became data (`elsewhere`), e.g. "firewalls (all kinds: 5 results)".
        suggestions: [...(answer.elsewhere ? [t('empty.elsewhere', answer.elsewhere)] : []), ...answer.suggestions],
      };
    case 'record':
      return { query: { kind: answer.item.record.kind, terms: [], filters: {} }, direct: null, total: 1, offset: 0, results: [itemToJson(answer.item)] };
    case 'not-found':
      return { error: `No record with id "${answer.id}".`, usage };
    case 'themes':
      return { error: 'Use `rights themes` to list themes.', usage };
    case 'help':
      return { error: t(answer.reason?.key ?? 'reason.empty', answer.reason?.params), usage };
  }
}

function directToJson(direct: DirectAnswer | undefined): JsonDirect | null {
  if (!direct) return null;
  return { text: direct.text, id: direct.id, field: direct.field, negative: direct.negative, source: direct.citation ? citationToJson(direct.citation) : null };
}

/** The digest as JSON (`rights digest --json`): records in the same shape as `rights ask --json` results. */
export function digestToJson(digest: Digest): object {
  return {
    date: digest.date,
    themes: digest.themes,
    on_this_day: digest.onThisDay.map((d) => ({ ...itemToJson(d.item), anniversary: { reason: d.reason, years: d.years ?? null } })),
    recommendation: digest.recommendation ? itemToJson(digest.recommendation) : null,
    new_records: digest.newRecords.map(itemToJson),
    new_total: digest.newTotal,
  };
}
