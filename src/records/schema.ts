// Record schema: the five kinds of seeds/*.yaml records, validated with zod.
// The format is documented for curators in docs/records.md; keep the two in step.
import { z } from 'zod';

import { KINDS, type Kind } from './kinds.js';

export { KINDS, type Kind } from './kinds.js';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lowercase slug like "gfmd-2017-firewalls"');
const text = z.string().trim().min(1, 'must not be empty');
/** ISO 8601 date, full or reduced precision (YYYY, YYYY-MM), or --MM-DD when the year is unknown. */
export const isoDate = z
  .string()
  .regex(/^(\d{4}(-\d{2}(-\d{2})?)?|--\d{2}-\d{2})$/, 'must be an ISO date: YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD')
  .refine(isCalendarDate, 'is not a real calendar date');
const ids = z.array(slug);
const oneOrMany = z.union([slug, ids]).transform((v) => (typeof v === 'string' ? [v] : v));

function isCalendarDate(value: string): boolean {
  // --MM-DD has no year: check it against a leap year so --02-29 stays valid.
  const parts = value.startsWith('--') ? ['2000', ...value.slice(2).split('-')] : value.split('-');
  const [year, month, day] = parts.map(Number);
  if (month !== undefined && (month < 1 || month > 12)) return false;
  if (year !== undefined && month !== undefined && day !== undefined) {
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (day < 1 || day > last) return false;
  }
  return true;
}

export const sourceSchema = z.strictObject({
  document: slug,
  section: text,
  paragraph: z.union([z.number().int().positive(), text]).optional(),
  note: text.optional(),
});

/**
 * A citation of an external authority (seeds/authorities.yaml) for some of a record's fields: the
 * depositary record for a treaty's dates, the General Assembly resolution that proclaimed an observance.
 */
export const authorityCitationSchema = z.strictObject({
  id: slug,
  /** Where in the authority (a chapter, a volume and page); the authority's own reference when absent. */
  reference: text.optional(),
  /** The record fields this authority is the source of (e.g. [adopted, in_force]). */
  fields: z.array(text).min(1, 'name at least one field'),
  note: text.optional(),
});

const base = {
  id: slug,
  title: text,
  text,
  themes: z.array(slug).min(1, 'needs at least one theme'),
  affected: ids.optional(),
  quote: text.optional(),
  source: sourceSchema,
  authorities: z.array(authorityCitationSchema).optional(),
  /** "draft": proposed by `rights draft` or `rights import`, validated by `rights check` but never shown in answers until reviewed. */
  status: z.enum(['draft', 'reviewed']).optional(),
};

export const sessionSchema = z.strictObject({
  ...base,
  kind: z.literal('session'),
  date: isoDate,
  end_date: isoDate.optional(),
  date_note: text.optional(),
  time: text.optional(),
  venue: text.optional(),
  city: text.optional(),
  country: text.optional(),
  organizers: z.array(text).optional(),
  chair: oneOrMany.optional(),
  moderators: oneOrMany.optional(),
  rapporteur: oneOrMany.optional(),
  speakers: ids.optional(),
  speakers_note: text.optional(),
  /** Who attended, in the source's own numbers ("36 delegates representing 32 countries, …"); a count question reads it. */
  attendance: text.optional(),
  parent: slug.optional(),
  objectives: z.array(text).optional(),
  questions: z.array(text).optional(),
});

export const treatySchema = z.strictObject({
  ...base,
  kind: z.literal('treaty'),
  short_name: text,
  aliases: z.array(text).default([]),
  adopted: isoDate,
  in_force: isoDate.optional(),
  body: text,
  binding: z.boolean(),
  articles: z.array(z.strictObject({ article: z.union([text, z.number()]).transform(String), text })).optional(),
});

export const recommendationSchema = z.strictObject({
  ...base,
  kind: z.literal('recommendation'),
  by: z
    .strictObject({ speakers: ids.optional(), organization: text.optional() })
    .refine((by) => (by.speakers?.length ?? 0) > 0 || by.organization !== undefined, 'needs speakers or an organization'),
  session: slug,
  addressed_to: ids.optional(),
  type: z.enum(['general', 'practical']).optional(),
  treaties: ids.optional(),
});

export const speakerSchema = z.strictObject({
  ...base,
  kind: z.literal('speaker'),
  name: text,
  aliases: z.array(text).default([]),
  role: text.optional(),
  organization: text.optional(),
  country: text.optional(),
  sessions: ids.min(1, 'needs at least one session'),
});

export const observanceSchema = z.strictObject({
  ...base,
  kind: z.literal('observance'),
  date: z.string().regex(/^--\d{2}-\d{2}$/, 'must be a month-day date like --12-18').refine(isCalendarDate, 'is not a real calendar date'),
  treaty: slug.optional(),
  body: text.optional(),
});

export const SCHEMAS = {
  session: sessionSchema,
  treaty: treatySchema,
  recommendation: recommendationSchema,
  speaker: speakerSchema,
  observance: observanceSchema,
} as const;

export type SessionRecord = z.infer<typeof sessionSchema>;
export type TreatyRecord = z.infer<typeof treatySchema>;
export type RecommendationRecord = z.infer<typeof recommendationSchema>;
export type SpeakerRecord = z.infer<typeof speakerSchema>;
export type ObservanceRecord = z.infer<typeof observanceSchema>;
/** Any validated record, discriminated by `kind`. */
export type RightsRecord = SessionRecord | TreatyRecord | RecommendationRecord | SpeakerRecord | ObservanceRecord;

/** An external authority (seeds/authorities.yaml): a depositary, a resolution, an official register. */
export const authoritySchema = z.strictObject({
  id: slug,
  kind: z.enum(['depositary', 'resolution', 'register']),
  title: text,
  /** A short name for compact source lines ("UN Treaty Collection", "GA res. 55/93"). */
  short: text,
  /** The document symbol or reference (e.g. "A/RES/55/93"). */
  reference: text.optional(),
  date: isoDate.optional(),
  url: z.string().url().optional(),
});
export type Authority = z.infer<typeof authoritySchema>;
export const authoritiesSchema = z.strictObject({ authorities: z.array(authoritySchema) });

/** One entry of a controlled vocabulary in seeds/themes.yaml. */
export const vocabularyEntrySchema = z.strictObject({
  id: slug,
  label: text,
  synonyms: z.array(text).default([]),
});
export type VocabularyEntry = z.infer<typeof vocabularyEntrySchema>;

export const taxonomySchema = z.strictObject({
  themes: z.array(vocabularyEntrySchema).min(1),
  groups: z.array(vocabularyEntrySchema).min(1),
  addressees: z.array(vocabularyEntrySchema).min(1),
});
export type Taxonomy = z.infer<typeof taxonomySchema>;

/** One entry of seeds/lexicon.yaml: Spanish and French forms that expand to English terms or taxonomy ids. */
export const lexiconEntrySchema = z
  .strictObject({
    theme: slug.optional(),
    group: slug.optional(),
    addressee: slug.optional(),
    treaty: slug.optional(),
    observance: slug.optional(),
    en: z.array(text).optional(),
    /** English words and phrases people type for the entry that the records do not use ("jail" for detention). */
    synonyms: z.array(text).default([]),
    es: z.array(text).default([]),
    fr: z.array(text).default([]),
  })
  .refine((e) => e.theme ?? e.group ?? e.addressee ?? e.treaty ?? e.observance ?? e.en, 'needs a theme, group, addressee, treaty, observance or en words');
export type LexiconEntry = z.infer<typeof lexiconEntrySchema>;
export const lexiconSchema = z.strictObject({ entries: z.array(lexiconEntrySchema) });
