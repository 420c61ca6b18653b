// Display helpers shared by every renderer: citation line, "by" line, a record's extra fields.
// Platform-neutral plain text; each adapter escapes it for its platform.
import type { Citation, ResultItem } from './answer.js';
import type { Translate } from './i18n/catalog.js';

export function formatCitation(c: Citation, t: Translate): string {
  const where = [c.section, c.paragraph !== undefined ? t('field.paragraph', { n: c.paragraph }) : ''].filter(Boolean).join(', ');
  return `${c.title} (${c.document}) — ${where}`;
}

/** "By: speaker; organization" for a recommendation, undefined for other kinds. */
export function byLine(item: ResultItem): string | undefined {
  const r = item.record;
  if (r.kind !== 'recommendation') return undefined;
  const speakers = item.related.filter((x) => x.relation === 'made by').map((x) => x.title);
  return [...speakers, r.by.organization].filter(Boolean).join('; ');
}

/** The record's own fields other than id, kind, title, text, quote and source, as display strings. */
export function recordFields(item: ResultItem): [string, string][] {
  return Object.entries(item.record)
    .filter(([field, value]) => !['id', 'kind', 'title', 'text', 'quote', 'source'].includes(field) && value !== undefined)
    .filter(([, value]) => !(Array.isArray(value) && value.length === 0))
    .map(([field, value]) => [field, formatValue(value)]);
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
