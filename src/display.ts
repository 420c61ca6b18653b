// Display helpers shared by every renderer: citation and source lines, dates for people, "by" line, a record's extra fields.
// Platform-neutral plain text; each adapter escapes it for its platform.
import type { Citation, ResultItem } from './answer.js';
import type { Lang, Translate } from './i18n/catalog.js';
import { formatDate, formatWhen } from './i18n/dates.js';

/**
 * A citation as one line. "short" (result lists, direct answers): the document's short name, section and ¶
 * ("UNITAR 2006 workshop report, Session II, ¶ 4"; "GA res. 55/93"). "full" (the record view): the whole
 * title, the document id or the authority's reference, and its address.
 */
export function formatCitation(c: Citation, t: Translate, style: 'short' | 'full' = 'short'): string {
  if (c.kind === 'authority') {
    const reference = c.section && !(style === 'short' ? c.short : c.title).includes(c.section) ? c.section : '';
    if (style === 'short') return [c.short, reference].filter(Boolean).join(', ');
    return `${c.title}${reference ? ` — ${reference}` : ''}${c.url ? ` (${c.url})` : ''}`;
  }
  if (style === 'short') return [c.short, c.section, c.paragraph !== undefined ? `¶ ${c.paragraph}` : ''].filter(Boolean).join(', ');
  const where = [c.section, c.paragraph !== undefined ? t('field.paragraph', { n: c.paragraph }) : ''].filter(Boolean).join(', ');
  return `${c.title} (${c.document}) — ${where}`;
}

/**
 * The lines that say where a record's claims come from, as [label, text]: its main source (an authority for
 * a treaty's dates or an observance's day), any further authority, where the meeting documents discuss it,
 * and what the source says about the date. "full" adds each citation's note.
 */
export function sourceLines(item: ResultItem, t: Translate, style: 'short' | 'full' = 'short'): [string, string][] {
  const note = (c: Citation) => (style === 'full' && c.note ? ` (${c.note})` : '');
  const fields = (c: Citation) => (c.fields?.length ? ` [${c.fields.join(', ')}]` : '');
  const lines: [string, string][] = [[t('field.source'), `${formatCitation(item.citation, t, style)}${style === 'full' ? fields(item.citation) : ''}${note(item.citation)}`]];
  for (const a of item.authorities.slice(1)) lines.push([t('field.source'), `${formatCitation(a, t, style)}${style === 'full' ? fields(a) : ''}${note(a)}`]);
  if (item.discussedIn) lines.push([t('field.discussedIn'), `${formatCitation(item.discussedIn, t, style)}${note(item.discussedIn)}`]);
  if (item.dateNote) lines.push([t('field.dateNote'), item.dateNote]);
  return lines;
}

/** The record's main date for people ("13–15 October 2004", "every year on 18 December"), if it has one. */
export function dateText(item: ResultItem, lang: Lang): string | undefined {
  return item.when ? formatWhen(item.when, lang) : undefined;
}

/** "By: speaker; organization" for a recommendation, undefined for other kinds. */
export function byLine(item: ResultItem): string | undefined {
  const r = item.record;
  if (r.kind !== 'recommendation') return undefined;
  const speakers = item.related.filter((x) => x.relation === 'made by').map((x) => x.title);
  return [...speakers, r.by.organization].filter(Boolean).join('; ');
}

/** Fields holding a date: shown for people ("24 April 1963"), as JSON keeps them in ISO 8601. */
const DATE_FIELDS = new Set(['date', 'end_date', 'adopted', 'in_force']);

/**
 * The record's own fields other than id, kind, title, text, quote and the citations (shown by sourceLines),
 * as display strings; dates written for people in `lang`.
 */
export function recordFields(item: ResultItem, lang: Lang = 'en'): [string, string][] {
  return Object.entries(item.record)
    .filter(([field, value]) => !['id', 'kind', 'title', 'text', 'quote', 'source', 'authorities', 'date_note'].includes(field) && value !== undefined)
    .filter(([, value]) => !(Array.isArray(value) && value.length === 0))
    .map(([field, value]) => [field, DATE_FIELDS.has(field) && typeof value === 'string' ? formatDate(value, lang) : formatValue(value)]);
}

function formatValue(value: unknown): string {
  if (Array.isArray(value)) {
    return value.map((v) => (typeof v === 'object' && v !== null ? Object.values(v).join(': ') : String(v))).join('; ');
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).map(([k, v]) => `${k}: ${formatValue(v)}`).join(', ');
  }
  return String(value);
}
