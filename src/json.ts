// The JSON contract of `rights ask --json` (and the digest): other tools depend on this shape.
import type { Answer, ResultItem } from './answer.js';
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
  source: { document: string; title: string; section: string; paragraph?: number | string; note?: string };
  [field: string]: unknown;
}

/** A result as JSON: the record's own fields, plus score, snippet, the cited document's title, date and related ids. */
export function itemToJson(item: ResultItem): JsonRecord {
  const { source: _source, ...fields } = item.record;
  return {
    ...fields,
    score: item.score,
    snippet: item.snippet,
    source: { ...item.citation },
    related: item.related.map(({ id, kind, relation }) => ({ id, kind, relation })),
  } as JsonRecord;
}

export type AskJson =
  | { query: { kind: string | null; terms: string[]; filters: object }; total: number; offset: number; results: JsonRecord[]; suggestions?: string[]; notes?: string[] }
  | { error: string; usage: string };

export function answerToJson(answer: Answer, usage: string): AskJson {
  const t = translator('en', MESSAGES);
  switch (answer.type) {
    case 'results':
      return {
        query: { kind: answer.query.kind ?? null, terms: answer.query.terms, filters: answer.query.filters },
        total: answer.total,
        offset: answer.offset,
        results: answer.items.map(itemToJson),
        ...(answer.notes.length ? { notes: answer.notes.map((n) => t(n.key, n.params)) } : {}),
      };
    case 'empty':
      return {
        query: { kind: answer.query.kind ?? null, terms: answer.query.terms, filters: answer.query.filters },
        total: 0,
        offset: 0,
        results: [],
        suggestions: answer.suggestions,
      };
    case 'record':
      return { query: { kind: answer.item.record.kind, terms: [], filters: {} }, total: 1, offset: 0, results: [itemToJson(answer.item)] };
    case 'not-found':
      return { error: `No record with id "${answer.id}".`, usage };
    case 'themes':
      return { error: 'Use `rights themes` to list themes.', usage };
    case 'help':
      return { error: t(answer.reason?.key ?? 'reason.empty', answer.reason?.params), usage };
  }
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
