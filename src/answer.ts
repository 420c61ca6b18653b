// The platform-neutral answer model: what the core returns and every adapter renders.
// No Slack or Discord formatting here; user text is carried as plain data for adapters to escape.
import type { Kind, RightsRecord } from './records/schema.js';
import type { QueryFilters } from './query/parse.js';
import type { Lang } from './i18n/catalog.js';
import type { When } from './i18n/dates.js';

/** A message for the user as a catalog key and its parameters, so each renderer can translate it. */
export interface Message {
  key: string;
  params?: Record<string, string | number>;
}

/**
 * Where a claim comes from: a passage of one of the meeting documents (kind "document": document id,
 * section, paragraph), or an external authority (kind "authority": `document` is the authority id,
 * `section` the reference within it, e.g. "A/RES/55/93").
 */
export interface Citation {
  kind: 'document' | 'authority';
  document: string;
  /** Title of the source document or authority. */
  title: string;
  /** A short name for compact source lines ("UNITAR 2006 workshop report", "GA res. 55/93"). */
  short: string;
  section: string;
  paragraph?: number | string;
  note?: string;
  url?: string;
  /** For an authority: the record fields it is the source of (e.g. adopted, in_force). */
  fields?: string[];
}

/** A link from one record to another, with how they relate ("session", "speaker", "invoked by"…). */
export interface RelatedRecord {
  id: string;
  kind: Kind;
  title: string;
  relation: string;
}

/** One record in an answer, with what an adapter needs to show it. */
export interface ResultItem {
  record: RightsRecord;
  score: number;
  /** A short passage of the record's text that matches the query. */
  snippet: string;
  /** The source of what the record states: its authority when it has one (a treaty's depositary), else its meeting document. */
  citation: Citation;
  /** Where the meeting documents discuss the record, when its main citation is an external authority. */
  discussedIn?: Citation;
  /** Every external authority the record cites, with the fields each is the source of. */
  authorities: Citation[];
  /** What the source says about the record's date (a missing year, two dates that disagree), when it says something. */
  dateNote?: string;
  /** How the record's main date reads for people (see src/i18n/dates.ts formatWhen). */
  when?: When;
  /** The record's main date (session date, treaty adoption…), ISO 8601, if it has one. */
  date?: string;
  related: RelatedRecord[];
  /** How many related records exist in all (related may be cut short). */
  relatedTotal: number;
}

/** The query as understood, echoed back (adapters must escape `text`). */
export interface QueryEcho {
  text: string;
  /** The search words as typed (without kind word and filters). */
  phrase: string;
  kind?: Kind;
  terms: string[];
  filters: QueryFilters;
}

export interface HelpContent {
  usage: string;
  examples: string[];
  kinds: string[];
  filters: string[];
}

/**
 * A one-sentence answer to a question asking for a fact, in the answer's language, shown before the list.
 * It comes from one field of one record (`id`, `field`) and carries that record's citation; an honest
 * negative ("The Zacatecas summary names no speakers.") names the record whose field is missing or empty.
 */
export interface DirectAnswer {
  text: string;
  /** The record the fact (or the absence of it) comes from; null when no single record holds it. */
  id: string | null;
  /** The field the fact comes from ("in_force", "date", "place", "speakers"…); null when none. */
  field: string | null;
  /** True when the sentence says the knowledge base does not hold what was asked. */
  negative: boolean;
  citation?: Citation;
}

export type AnswerBody =
  | { type: 'results'; query: QueryEcho; total: number; offset: number; items: ResultItem[]; notes: Message[]; direct?: DirectAnswer }
  | {
      type: 'empty';
      query: QueryEcho;
      suggestions: string[];
      direct?: DirectAnswer;
      /** Records of other kinds that match (the query had a kind): `query` is the words to ask without it. */
      elsewhere?: { query: string; total: number };
    }
  | { type: 'record'; item: ResultItem }
  | { type: 'not-found'; id: string; suggestions: string[] }
  | { type: 'themes'; themes: { id: string; label: string; count: number }[] }
  | { type: 'help'; reason?: Message; help: HelpContent };

/** What the core answers; `lang` is the language the asker should be answered in. */
export type Answer = AnswerBody & { lang: Lang };

export const HELP: HelpContent = {
  usage: '[kind] words… [theme:x] [year:2006] [by:gfmd] [for:local-governments]',
  examples: [
    'recommendations firewalls',
    'treaties consular',
    'sessions 2006',
    'who Special Rapporteur',
    'when did the VCCR enter into force?',
    'who spoke about detention of children?',
    'recommendations theme:children for:states',
    'CMW',
    'show gfmd-2017-working-session',
    'themes',
  ],
  kinds: ['recommendations', 'treaties', 'sessions', 'speakers', 'observances'],
  filters: ['theme:<theme id>', 'year:<YYYY>', 'by:<speaker or organization>', 'for:<addressee, e.g. states, local-governments, nhris>'],
};
