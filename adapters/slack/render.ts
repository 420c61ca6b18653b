// Block Kit rendering of core answers and replies: a pure function from data to blocks plus a plain `text`
// fallback for notifications. All user and record text is escaped; sizes follow LIMITS. https://docs.slack.dev/block-kit
import type { Answer, DirectAnswer, HelpContent, Message, ResultItem } from '../../src/answer.js';
import { byLine, dateText, formatCitation, recordFields, sourceLines } from '../../src/display.js';
import type { Lang, Translate } from '../../src/i18n/catalog.js';
import type { Reply } from '../types.js';
import { actions, button, code, context, divider, esc, header, linesWithin, section, translateWith, type Block } from './blocks.js';
import { escapeText, userMention } from './escape.js';
import { BlockBudget, chunks, clip, LIMITS } from './limits.js';
import { translate } from './messages.js';
import { renderDigest } from './render-digest.js';
import { ACTION, detailsActionId, encodeQueryValue } from './values.js';

export { LIMITS } from './limits.js';

/** What chat.postMessage or respond() gets: blocks and the plain fallback. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/**
 * Which buttons a message carries: `private` for the asker's ephemeral answer (Share, More, Details),
 * `public` for thread and DM replies (More, Details), `none` for shared copies.
 */
export type ButtonSet = 'private' | 'public' | 'none';

export interface RenderOptions {
  buttons?: ButtonSet;
  /** Slack user id of whoever shared this answer in the channel. */
  sharedBy?: string;
}

type Results = Extract<Answer, { type: 'results' }>;
type Empty = Extract<Answer, { type: 'empty' }>;

/** Room kept at the end of every message for the buttons and a last note. */
const TAIL = { blocks: 2, chars: 400 };
/** Caps per part of a record, so a huge text never pushes the source citation out. */
const CAP = { title: 300, snippet: 700, line: 400, text: 4000, quote: 800, fields: 1800, field: 400, related: 1200, direct: 1000 };

export function renderReply(reply: Reply, options: RenderOptions = {}): SlackMessage {
  switch (reply.type) {
    case 'answer':
      return renderAnswer(reply.answer, options);
    case 'notice':
      return renderNotice(reply.lang, reply.key, reply.params);
    case 'digest':
      return renderDigest(reply.digest);
  }
}

/** The language a reply is written in (for an apology that follows it). */
export function replyLang(reply: Reply): Lang {
  return reply.type === 'answer' ? reply.answer.lang : reply.type === 'notice' ? reply.lang : reply.digest.lang;
}

/** A short message from a catalog key, e.g. the apology `error.sorry`. */
export function renderNotice(lang: Lang, key: string, params?: Record<string, string | number>): SlackMessage {
  const text = esc(translate(lang)(key, params));
  return { text: clip(text, LIMITS.fallbackText), blocks: [section(text)] };
}

export function renderAnswer(answer: Answer, options: RenderOptions = {}): SlackMessage {
  const t = translate(answer.lang);
  const buttons = options.buttons ?? 'none';
  const budget = new BlockBudget(TAIL);
  let fallback = '';
  if (options.sharedBy !== undefined) {
    const line = translateWith(t, 'slack.sharedBy', {}, { user: userMention(options.sharedBy) });
    budget.add(context(line));
    fallback = `${line}: `;
  }
  switch (answer.type) {
    case 'results':
      fallback += renderResults(answer, t, budget, buttons);
      break;
    case 'record':
      fallback += renderRecord(answer.item, t, budget, buttons, answer.lang);
      break;
    case 'empty':
      fallback += renderEmpty(answer, t, budget);
      break;
    case 'not-found': {
      const ids = answer.suggestions.map((id) => code(id)).join(', ');
      const first = esc(t('notFound', { id: answer.id }), LIMITS.sectionText / 2);
      budget.add(section([first, ...(ids ? [translateWith(t, 'notFound.didYouMean', {}, { ids })] : [])].join('\n')));
      fallback += first;
      break;
    }
    case 'themes':
      fallback += renderThemes(answer.themes, t, budget);
      break;
    case 'help':
      fallback += renderHelp(answer.help, t, budget, answer.reason);
      break;
  }
  return { text: clip(fallback, LIMITS.fallbackText) || ' ', blocks: budget.blocks };
}

function renderResults(answer: Results, t: Translate, budget: BlockBudget, buttons: ButtonSet): string {
  const { query, total, offset, items } = answer;
  const kind = t(query.kind ? `kinds.${query.kind}` : 'kinds.all');
  const heading = esc(query.phrase ? t('results.heading', { kind, phrase: query.phrase }) : kind, LIMITS.headerText);
  const count = (shown: number) => esc(t('results.count', { total, from: offset + 1, to: offset + shown }));
  const direct = answer.direct ? renderDirect(answer.direct, t, budget) : undefined;
  budget.add(header(heading));
  // The count is written for every item and corrected once we know how many fit.
  const countAt = budget.blocks.length;
  budget.add(context(count(items.length)));
  const notes = answer.notes.map((n) => esc(t(n.key, n.params), CAP.line));
  if (notes.length) budget.add(context(...notes));

  let shown = 0;
  for (const [i, item] of items.entries()) {
    if (!budget.add(...renderItem(item, offset + i + 1, i, t, buttons, answer.lang))) break;
    shown += 1;
  }
  const summary = items.length > 0 ? count(shown) : esc(t('slack.noMore'));
  budget.blocks[countAt] = context(summary);

  const page = { query: query.text, offset };
  const more = offset + shown < total;
  const tail = actions([
    ...(buttons === 'private' && shown > 0 ? [button(esc(t('slack.button.share')), ACTION.share, encodeQueryValue(page), true)] : []),
    ...(buttons !== 'none' && more ? [button(esc(t('slack.button.more')), ACTION.more, encodeQueryValue({ ...page, offset: offset + shown }))] : []),
  ]);
  if (tail) budget.addTail(tail);

  const lines = items.slice(0, shown).map((item, i) => `${offset + i + 1}. ${esc(item.record.title, CAP.title)}`);
  return [...(direct ? [direct] : []), `${heading}: ${summary}`, ...lines].join('\n');
}

function renderItem(item: ResultItem, n: number, position: number, t: Translate, buttons: ButtonSet, lang: Lang): Block[] {
  const r = item.record;
  const lines = [`*${n}. ${esc(r.title, CAP.title)}*  _${esc(t(`kind.${r.kind}`), CAP.line)}_`, esc(item.snippet, CAP.snippet)];
  const by = byLine(item);
  if (by) lines.push(`*${esc(t('field.by'))}:* ${esc(by, CAP.line)}`);
  const details = buttons === 'none' ? undefined : button(esc(t('slack.button.details')), detailsActionId(position), r.id);

  const notes = sourceLines(item, t).map(([label, text]) => `${esc(label)}: ${esc(text, CAP.line)}`);
  const date = dateText(item, lang);
  if (date) notes.push(`${esc(t('field.date'))}: ${esc(date, 80)}`);
  if (item.related.length) {
    const related = item.related.slice(0, 4).map((x) => `${t(`relation.${x.relation}`)}: ${x.title}`).join(' · ');
    notes.push(`${esc(t('field.related'))}: ${esc(related, CAP.line)}`);
  }
  notes.push(`${esc(t('field.id'))}: ${code(r.id)}`);
  return [section(lines.join('\n'), details), context(...notes), divider()];
}

/** Every field of a record, its source and related records; long parts are cut, never the source. */
function renderRecord(item: ResultItem, t: Translate, budget: BlockBudget, buttons: ButtonSet, lang: Lang): string {
  const r = item.record;
  const kind = t(`kind.${r.kind}`);
  let shortened = false;
  budget.add(header(esc(r.title, LIMITS.headerText)));
  budget.add(context(esc([kind, dateText(item, lang)].filter(Boolean).join(' · '), CAP.line), `${esc(t('field.id'))}: ${code(r.id)}`));

  const text = escapeText(r.text);
  shortened ||= text.length > CAP.text;
  for (const piece of chunks(clip(text, CAP.text), LIMITS.sectionText)) if (!budget.add(section(piece))) shortened = true;
  if (r.quote) {
    shortened ||= r.quote.length > CAP.quote;
    budget.add(section(`*${esc(t('field.quote'))}:*\n>${esc(`“${r.quote}”`, CAP.quote).replace(/\n/g, '\n>')}`));
  }

  const own = recordFields(item, lang);
  const fields = own.map(([name, value]) => `*${esc(name.replace(/_/g, ' '), 60)}:* ${esc(value, CAP.field)}`);
  const fitted = linesWithin(fields, CAP.fields);
  shortened ||= fitted.dropped > 0 || own.some(([, v]) => v.length > CAP.field);
  if (fitted.kept.length) budget.add(section(fitted.kept.join('\n')));

  budget.add(context(...sourceLines(item, t, 'full').map(([label, text]) => `*${esc(label)}:* ${esc(text, CAP.line * 2)}`)));

  if (item.related.length) {
    const lines = item.related.map((x) => `• ${esc(t(`relation.${x.relation}`), 60)}: ${esc(x.title, CAP.title)} (${code(x.id)})`);
    const related = linesWithin(lines, CAP.related);
    const missing = related.dropped + Math.max(0, item.relatedTotal - item.related.length);
    if (missing > 0) related.kept.push(esc(t('slack.relatedMore', { n: missing })));
    budget.add(section(`*${esc(t('field.related'))}:*\n${related.kept.join('\n')}`));
  }
  if (shortened) budget.addTail(context(esc(t('slack.shortened'))));
  if (buttons === 'private') {
    const share = button(esc(t('slack.button.share')), ACTION.share, encodeQueryValue({ query: `show ${r.id}`, offset: 0 }), true);
    budget.addTail({ type: 'actions', elements: [share] });
  }
  return `${esc(r.title, CAP.title)} (${esc(kind)}): ${esc(item.snippet, CAP.snippet)}`;
}

/** The one-sentence answer in bold, then its source; returns the sentence for the fallback. */
function renderDirect(direct: DirectAnswer, t: Translate, budget: BlockBudget): string {
  const sentence = esc(direct.text.replace(/\s+/g, ' ').trim(), CAP.direct);
  budget.add(section(`*${sentence}*`));
  if (direct.citation) {
    const source = t(direct.negative ? 'direct.checked' : 'direct.source', { source: formatCitation(direct.citation, t) });
    budget.add(context(esc(source, CAP.line * 2)));
  }
  return sentence;
}

/** "Nothing matches…" with suggestions; a direct answer (often an honest negative) takes the first line's place. */
function renderEmpty(answer: Empty, t: Translate, budget: BlockBudget): string {
  const { phrase, kind } = answer.query;
  const suggestions = [...(answer.elsewhere ? [t('empty.elsewhere', answer.elsewhere)] : []), ...answer.suggestions].map((s) => code(s, CAP.line / 4)).join(' · ');
  const tips = suggestions ? [translateWith(t, 'empty.try', {}, { suggestions })] : [];
  let first: string;
  if (answer.direct) {
    first = renderDirect(answer.direct, t, budget);
    if (tips.length) budget.add(section(tips.join('\n')));
  } else {
    first = esc(
      !phrase ? t('empty.filters') : kind ? t('empty.nothingKind', { phrase, kind: t(`kinds.${kind}`).toLowerCase() }) : t('empty.nothing', { phrase }),
      LIMITS.sectionText / 2,
    );
    budget.add(section([first, ...tips].join('\n')));
  }
  budget.add(context(esc(t('empty.help'))));
  return first;
}

function renderThemes(themes: { id: string; label: string; count: number }[], t: Translate, budget: BlockBudget): string {
  const heading = esc(t('themes.heading'), LIMITS.headerText);
  budget.add(header(heading));
  const lines = themes.map((x) => `${code(x.id, 80)} ${esc(x.label, CAP.line)} (${x.count})`);
  let shown = 0;
  for (const group of groupLines(lines, LIMITS.sectionText)) {
    if (!budget.add(section(group.join('\n')))) break;
    shown += group.length;
  }
  if (shown < lines.length) budget.addTail(context(esc(t('slack.shortened'))));
  return heading;
}

function renderHelp(help: HelpContent, t: Translate, budget: BlockBudget, reason?: Message): string {
  const intro = esc(t('slack.help.intro'));
  if (reason) budget.add(section(`*${esc(t(reason.key, reason.params), LIMITS.sectionText / 2)}*`));
  budget.add(section(intro));
  budget.add(
    section(
      [
        esc(t('help.ask', { usage: `/rights ${help.usage}` })),
        esc(t('help.kinds', { kinds: help.kinds.join(', ') })),
        esc(t('help.filters', { filters: help.filters.join('  ') })),
      ].join('\n'),
    ),
  );
  const examples = help.examples.map((example) => `• ${code(t('slack.help.example', { example }))}`);
  budget.add(section([`*${esc(t('help.examples'))}*`, ...linesWithin(examples, LIMITS.sectionText - 100).kept].join('\n')));
  return reason ? `${esc(t(reason.key, reason.params))} ${intro}` : intro;
}

/** Groups lines into sections of at most `max` characters (a single longer line is cut). */
function groupLines(lines: string[], max: number): string[][] {
  const groups: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const raw of lines) {
    const line = clip(raw, max);
    if (size + line.length + 1 > max && current.length) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(line);
    size += line.length + 1;
  }
  if (current.length) groups.push(current);
  return groups;
}
