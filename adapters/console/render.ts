// Plain-text rendering of core answers, for the console chat and the CLI. Pure functions.
import type { Answer, DirectAnswer, HelpContent, Message, ResultItem } from '../../src/answer.js';
import { translator, type Lang, type Translate } from '../../src/i18n/catalog.js';
import { MESSAGES } from '../../src/i18n/messages.js';
import { byLine, dateText, formatCitation, recordFields, sourceLines } from '../../src/display.js';

export function renderText(answer: Answer): string {
  const t = translator(answer.lang, MESSAGES);
  switch (answer.type) {
    case 'help':
      return renderHelp(answer.help, t, answer.reason);
    case 'themes':
      return [`${t('themes.heading')}:`, ...answer.themes.map((x) => `  ${x.id.padEnd(28)} ${x.label} (${x.count})`)].join('\n');
    case 'not-found':
      return [t('notFound', { id: answer.id }), ...(answer.suggestions.length ? [t('notFound.didYouMean', { ids: answer.suggestions.join(', ') })] : [])].join('\n');
    case 'empty': {
      const { phrase, kind } = answer.query;
      // A direct answer (often an honest negative) says more than "Nothing matches", so it takes its place.
      const first = answer.direct
        ? renderDirect(answer.direct, t)
        : !phrase
          ? t('empty.filters')
          : kind
            ? t('empty.nothingKind', { phrase, kind: t(`kinds.${kind}`).toLowerCase() })
            : t('empty.nothing', { phrase });
      const suggestions = [...(answer.elsewhere ? [t('empty.elsewhere', answer.elsewhere)] : []), ...answer.suggestions];
      return [first, ...(suggestions.length ? [t('empty.try', { suggestions: suggestions.join(' · ') })] : []), t('empty.help')].join('\n');
    }
    case 'record':
      return renderDetails(answer.item, t, answer.lang);
    case 'results': {
      const { total, offset, items } = answer;
      const kind = t(answer.query.kind ? `kinds.${answer.query.kind}` : 'kinds.all');
      const heading = answer.query.phrase ? t('results.heading', { kind, phrase: answer.query.phrase }) : kind;
      const count = t('results.count', { total, from: offset + 1, to: offset + items.length });
      const lines = [...(answer.direct ? [renderDirect(answer.direct, t), ''] : []), `${heading}: ${count}`, ...answer.notes.map((n) => t(n.key, n.params)), ''];
      items.forEach((item, i) => lines.push(renderItem(item, offset + i + 1, t, answer.lang), ''));
      lines.push(t(offset + items.length < total ? 'results.more' : 'results.details'));
      return lines.join('\n');
    }
  }
}

export function renderHelp(help: HelpContent, t: Translate, reason?: Message): string {
  return [
    ...(reason ? [t(reason.key, reason.params), ''] : []),
    t('help.ask', { usage: help.usage }),
    t('help.kinds', { kinds: help.kinds.join(', ') }),
    t('help.filters', { filters: help.filters.join('  ') }),
    t('help.examples'),
    ...help.examples.map((e) => `  ${e}`),
  ].join('\n');
}

/** The one-sentence answer, then the line naming its source (or where it was looked for, for a negative). */
function renderDirect(direct: DirectAnswer, t: Translate): string {
  const source = direct.citation ? [t(direct.negative ? 'direct.checked' : 'direct.source', { source: formatCitation(direct.citation, t) })] : [];
  return [direct.text.trim(), ...source].join('\n');
}

function renderItem(item: ResultItem, n: number, t: Translate, lang: Lang): string {
  const r = item.record;
  const date = dateText(item, lang);
  const lines = [`${n}. ${r.title}  [${t(`kind.${r.kind}`).toLowerCase()}${date ? `, ${date}` : ''}]`, `   ${item.snippet}`];
  const by = byLine(item);
  if (by) lines.push(`   ${t('field.by')}: ${by}`);
  for (const [label, text] of sourceLines(item, t)) lines.push(`   ${label}: ${text}`);
  if (item.related.length) {
    lines.push(`   ${t('field.related')}: ${item.related.slice(0, 4).map((x) => `${t(`relation.${x.relation}`)}: ${x.title}`).join(' · ')}`);
  }
  lines.push(`   ${t('field.id')}: ${r.id}`);
  return lines.join('\n');
}

/** Every field of a record, then its related records and citation. */
export function renderDetails(item: ResultItem, t: Translate, lang: Lang = 'en'): string {
  const r = item.record;
  const date = dateText(item, lang);
  const lines = [`${r.title}  [${t(`kind.${r.kind}`).toLowerCase()}${date ? `, ${date}` : ''}] (id: ${r.id})`, '', r.text, ''];
  if (r.quote) lines.push(`${t('field.quote')}: “${r.quote}”`, '');
  for (const [field, value] of recordFields(item, lang)) lines.push(`${field}: ${value}`);
  for (const [label, text] of sourceLines(item, t, 'full')) lines.push(`${label}: ${text}`);
  if (item.related.length) {
    lines.push('', `${t('field.related')}:`);
    for (const x of item.related) lines.push(`  ${t(`relation.${x.relation}`)}: ${x.title} (${x.id})`);
  }
  return lines.join('\n');
}

