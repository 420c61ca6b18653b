// Plain-text rendering of core answers, for the console chat and the CLI. Pure functions.
import { KIND_LABELS, type Answer, type Citation, type HelpContent, type ResultItem } from '../../src/answer.js';
import type { RightsRecord } from '../../src/records/schema.js';

export function renderText(answer: Answer): string {
  switch (answer.type) {
    case 'help':
      return renderHelp(answer.help, answer.reason);
    case 'themes':
      return ['Themes (use theme:<id>):', ...answer.themes.map((t) => `  ${t.id.padEnd(28)} ${t.label} (${t.count})`)].join('\n');
    case 'not-found':
      return [`No record with id "${answer.id}".`, ...(answer.suggestions.length ? [`Did you mean: ${answer.suggestions.join(', ')}`] : [])].join('\n');
    case 'empty':
      return [answer.message, ...(answer.suggestions.length ? [`Try: ${answer.suggestions.join(' · ')}`] : []), 'Type "help" for examples.'].join('\n');
    case 'record':
      return renderDetails(answer.item);
    case 'results': {
      const { total, offset, items } = answer;
      const kind = answer.query.kind ? KIND_LABELS[answer.query.kind].many : 'Results';
      const about = answer.query.phrase ? ` for "${answer.query.phrase}"` : '';
      const lines = [`${kind}${about}: ${total} found, showing ${offset + 1}–${offset + items.length}`, ...answer.notes, ''];
      items.forEach((item, i) => lines.push(renderItem(item, offset + i + 1), ''));
      if (offset + items.length < total) lines.push('Type "more" for the next results, or "show <id>" for details.');
      else lines.push('Type "show <id>" for details.');
      return lines.join('\n');
    }
  }
}

export function renderHelp(help: HelpContent, reason?: string): string {
  return [
    ...(reason ? [reason, ''] : []),
    `Ask: ${help.usage}`,
    `Kinds: ${help.kinds.join(', ')} (or none, to search everything)`,
    `Filters: ${help.filters.join('  ')}`,
    'Examples:',
    ...help.examples.map((e) => `  ${e}`),
  ].join('\n');
}

export function formatCitation(c: Citation): string {
  const where = [c.section, c.paragraph !== undefined ? `para. ${c.paragraph}` : ''].filter(Boolean).join(', ');
  return `${c.title} (${c.document}) — ${where}`;
}

function byLine(record: RightsRecord, item: ResultItem): string | undefined {
  if (record.kind !== 'recommendation') return undefined;
  const speakers = item.related.filter((r) => r.relation === 'made by').map((r) => r.title);
  return `By: ${[...speakers, record.by.organization].filter(Boolean).join('; ')}`;
}

function renderItem(item: ResultItem, n: number): string {
  const r = item.record;
  const lines = [`${n}. ${r.title}  [${KIND_LABELS[r.kind].one.toLowerCase()}${item.date ? `, ${item.date}` : ''}]`, `   ${item.snippet}`];
  const by = byLine(r, item);
  if (by) lines.push(`   ${by}`);
  lines.push(`   Source: ${formatCitation(item.citation)}`);
  if (item.related.length) lines.push(`   Related: ${item.related.slice(0, 4).map((x) => `${x.relation}: ${x.title}`).join(' · ')}`);
  lines.push(`   id: ${r.id}`);
  return lines.join('\n');
}

/** Every field of a record, then its related records and citation. */
export function renderDetails(item: ResultItem): string {
  const r = item.record;
  const lines = [`${r.title}  [${KIND_LABELS[r.kind].one.toLowerCase()}] (id: ${r.id})`, '', r.text, ''];
  if (r.quote) lines.push(`Quote: “${r.quote}”`, '');
  for (const [field, value] of Object.entries(r)) {
    if (['id', 'kind', 'title', 'text', 'quote', 'source'].includes(field) || value === undefined) continue;
    lines.push(`${field}: ${formatValue(value)}`);
  }
  lines.push(`source: ${formatCitation(item.citation)}${item.citation.note ? ` (${item.citation.note})` : ''}`);
  if (item.related.length) {
    lines.push('', 'Related:');
    for (const x of item.related) lines.push(`  ${x.relation}: ${x.title} (${x.id})`);
  }
  return lines.join('\n');
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
