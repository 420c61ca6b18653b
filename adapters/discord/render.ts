// Pure rendering of core answers and replies to Discord messages: content, embeds and buttons, within LIMITS.
// https://discord.com/developers/docs/resources/message#create-message (embeds, components, allowed_mentions)
import { ButtonStyle } from 'discord.js';
import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { Answer, DirectAnswer, RelatedRecord, ResultItem } from '../../src/answer.js';
import { byLine, dateText, formatCitation, recordFields, sourceLines } from '../../src/display.js';
import type { Lang, Translate } from '../../src/i18n/catalog.js';
import type { Reply } from '../types.js';
import { encodeAction, type ButtonAction } from './custom-id.js';
import { HELP_COLOR, KIND_COLORS, NEUTRAL_COLOR, button, code, defuse, finish, inert, row, say, short, translate, type DiscordMessage } from './format.js';
import { LIMITS, clamp, fitEmbeds, fitFields } from './limits.js';
import { renderDigest } from './render-digest.js';

export { LIMITS } from './limits.js';
export { noPings, type DiscordMessage } from './format.js';

export interface RenderOptions {
  /** Only the asker sees it (slash command answers); mention replies and shares are public. */
  ephemeral: boolean;
  /** Offer a Share button (ephemeral answers in a guild channel). */
  shareable: boolean;
  /** Which part of a long record text to show (Details → More). */
  part?: number;
  /** Mention of who shared the answer, e.g. "<@123>"; it renders as a name and pings nobody. */
  sharedBy?: string;
  /** Builds button custom_ids; the adapter passes one backed by its stash. */
  encode?: (action: ButtonAction) => string;
}

/** A record's text per page of Details, leaving room for its title, fields and footer. */
const TEXT_PAGE_CHARS = 3000;
const FOOTER_CHARS = 300;
/** A source line in an embed field (well under Discord's 1024): a long date note is cut, never the citation's start. */
const SOURCE_CHARS = 600;
/** Caps on a direct answer at the top of the content, so the heading after it stays within 2000 characters. */
const DIRECT_CHARS = { sentence: 800, source: 400 };

export function renderReply(reply: Reply, options: RenderOptions): DiscordMessage {
  if (reply.type === 'answer') return renderAnswer(reply.answer, reply.request.text, options);
  if (reply.type === 'digest') return renderDigest(reply.digest, options);
  const t = translate(reply.lang);
  return finish({ content: say({ key: reply.key, params: reply.params }, t), embeds: [], rows: [] }, { ...options, ephemeral: options.ephemeral && !reply.public }, t);
}

/** `text` is the query that produced the answer, replayed by Share and More. */
export function renderAnswer(answer: Answer, text: string, options: RenderOptions): DiscordMessage {
  const t = translate(answer.lang);
  const encode = options.encode ?? ((action: ButtonAction) => encodeAction(action));
  const share = (offset: number) => (options.shareable ? [button(t('discord.button.share'), encode({ type: 'share', text, offset }), ButtonStyle.Primary)] : []);
  switch (answer.type) {
    case 'results': {
      const { total, offset, items, query } = answer;
      const kind = t(query.kind ? `kinds.${query.kind}` : 'kinds.all');
      const heading = query.phrase ? t('results.heading', { kind, phrase: short(query.phrase) }) : kind;
      const embeds = fitEmbeds(items.map((item, i) => itemEmbed(item, offset + i + 1, t, answer.lang)));
      const shown = items.slice(0, embeds.length);
      const count = t('results.count', { total, from: offset + 1, to: offset + shown.length });
      const more = offset + shown.length < total ? [button(t('discord.button.more'), encode({ type: 'more', text, offset: offset + shown.length }))] : [];
      const details = shown.map((item, i) => button(t('discord.button.details', { n: offset + i + 1 }), encode({ type: 'details', id: item.record.id, part: 0 })));
      const direct = answer.direct ? [...directLines(answer.direct, t), ''] : [];
      const content = [...direct, shown.length ? `**${heading}** · ${count}` : `**${heading}**`, ...answer.notes.map((n) => say(n, t))].join('\n');
      const detailRows = Array.from({ length: Math.ceil(details.length / LIMITS.buttonsPerRow) }, (_, i) =>
        row(details.slice(i * LIMITS.buttonsPerRow, (i + 1) * LIMITS.buttonsPerRow)),
      );
      return finish({ content, embeds, rows: [row([...share(offset), ...more]), ...detailRows] }, options, t);
    }
    case 'record': {
      const { item } = answer;
      const pages = paginate(inert(item.record.text), TEXT_PAGE_CHARS);
      const part = Math.min(Math.max(0, Math.floor(options.part ?? 0)), pages.length - 1);
      const next = part + 1 < pages.length ? [button(t('discord.button.more'), encode({ type: 'details', id: item.record.id, part: part + 1 }))] : [];
      const content = `${t(`kind.${item.record.kind}`)} · ${code(item.record.id)}`;
      return finish({ content, embeds: [recordEmbed(item, pages, part, t, answer.lang)], rows: [row([...share(0), ...next])] }, options, t);
    }
    case 'empty': {
      const { phrase, kind } = answer.query;
      const first = !phrase
        ? t('empty.filters')
        : kind
          ? t('empty.nothingKind', { phrase: short(phrase), kind: t(`kinds.${kind}`).toLowerCase() })
          : t('empty.nothing', { phrase: short(phrase) });
      const suggestions = [...(answer.elsewhere ? [t('empty.elsewhere', answer.elsewhere)] : []), ...answer.suggestions];
      const tips = [...(suggestions.length ? [t('empty.try', { suggestions: suggestions.map(code).join(' · ') })] : []), t('discord.empty.help')];
      // A direct answer (often an honest negative) says more than "Nothing matches", so it takes its place.
      const content = answer.direct ? directLines(answer.direct, t).join('\n') : first;
      return finish({ content, embeds: [{ color: NEUTRAL_COLOR, description: tips.join('\n\n') }], rows: [] }, options, t);
    }
    case 'not-found': {
      const lines = [t('notFound', { id: short(answer.id) })];
      if (answer.suggestions.length) lines.push(t('notFound.didYouMean', { ids: answer.suggestions.map(code).join(', ') }));
      const buttons = answer.suggestions.map((id) => button(id, encode({ type: 'details', id, part: 0 })));
      return finish({ content: lines.join('\n'), embeds: [], rows: [row(buttons)] }, options, t);
    }
    case 'themes': {
      const lines = answer.themes.map((x) => `${code(x.id)} ${inert(x.label)} (${x.count})`);
      const embeds = chunkLines(lines, LIMITS.embedDescription).map((description) => ({ color: NEUTRAL_COLOR, description }));
      return finish({ content: `**${t('themes.heading')}**`, embeds, rows: [] }, options, t);
    }
    case 'help': {
      const { help } = answer;
      const description = [
        t('discord.help.how'),
        '',
        t('help.ask', { usage: code(help.usage) }),
        t('help.kinds', { kinds: help.kinds.join(', ') }),
        t('help.filters', { filters: help.filters.map(code).join(' ') }),
        '',
        t('help.examples'),
        ...help.examples.map((e) => `• ${code(e)}`),
      ].join('\n');
      const content = answer.reason ? say(answer.reason, t) : `**${t('discord.help.title')}**`;
      return finish({ content, embeds: [{ color: HELP_COLOR, title: t('discord.help.title'), description }], rows: [] }, options, t);
    }
  }
}

/** The one-sentence answer in bold, then its source as subtext (`-# `, Discord's small grey line). */
function directLines(direct: DirectAnswer, t: Translate): string[] {
  const lines = [`**${clamp(inert(direct.text.replace(/\s+/g, ' ').trim()), DIRECT_CHARS.sentence)}**`];
  if (direct.citation) {
    const source = clamp(inert(formatCitation(direct.citation, t)), DIRECT_CHARS.source);
    lines.push(`-# ${t(direct.negative ? 'direct.checked' : 'direct.source', { source })}`);
  }
  return lines;
}

/** One search result: numbered title, snippet, date/by/id, source and a few related records. */
function itemEmbed(item: ResultItem, n: number, t: Translate, lang: Lang): APIEmbed {
  const r = item.record;
  const fields: APIEmbedField[] = [];
  const date = dateText(item, lang);
  if (date) fields.push({ name: t('field.date'), value: inert(date), inline: true });
  const by = byLine(item);
  if (by) fields.push({ name: t('field.by'), value: inert(by), inline: true });
  fields.push({ name: t('field.id'), value: code(r.id), inline: true });
  for (const [name, value] of sourceLines(item, t)) fields.push({ name, value: clamp(inert(value), SOURCE_CHARS) });
  if (item.related.length) fields.push({ name: t('field.related'), value: relatedList(item.related.slice(0, 4), item.relatedTotal, t, false) });
  return {
    color: KIND_COLORS[r.kind],
    author: { name: t(`kind.${r.kind}`) },
    title: clamp(`${n}. ${inert(r.title)}`, LIMITS.embedTitle),
    description: inert(item.snippet),
    fields,
    footer: { text: clamp(defuse(item.citation.short), FOOTER_CHARS) },
  };
}

/** A whole record: one page of its text, then (on the first page) source, fields, quote and related records. */
function recordEmbed(item: ResultItem, pages: string[], part: number, t: Translate, lang: Lang): APIEmbed {
  const r = item.record;
  const footer = [clamp(defuse(item.citation.title), FOOTER_CHARS), ...(pages.length > 1 ? [t('discord.part', { n: part + 1, total: pages.length })] : [])].join(' · ');
  const embed: APIEmbed = {
    color: KIND_COLORS[r.kind],
    author: { name: clamp(t(`kind.${r.kind}`), LIMITS.authorName) },
    title: clamp(inert(r.title), LIMITS.embedTitle),
    description: pages[part] ?? '',
    footer: { text: footer },
  };
  if (part > 0) return embed;
  const sources = sourceLines(item, t, 'full').map(([name, value]) => ({ name, value: clamp(inert(value), SOURCE_CHARS) }));
  const tail: APIEmbedField[] = [];
  if (r.quote) tail.push({ name: t('field.quote'), value: `“${inert(r.quote)}”` });
  if (item.related.length) tail.push({ name: t('field.related'), value: relatedList(item.related, item.relatedTotal, t, true) });
  const own = recordFields(item, lang).map(([field, value]) => ({ name: fieldLabel(field, t), value: inert(value), inline: value.length <= 40 }));
  const fields = [...sources, ...own.slice(0, Math.max(0, LIMITS.fields - sources.length - tail.length)), ...tail];
  const used = (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  embed.fields = fitFields(fields, LIMITS.embedTotal - used);
  return embed;
}

function fieldLabel(field: string, t: Translate): string {
  const key = `field.${field}`;
  const label = t(key);
  if (label !== key) return label;
  const words = field.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "relation: title" lines within a field value, ending with "… and N more" when some do not fit or were left out. */
function relatedList(related: RelatedRecord[], total: number, t: Translate, withIds: boolean): string {
  const lines = related.map((x) => `${t(`relation.${x.relation}`)}: ${inert(x.title)}${withIds ? ` (${code(x.id)})` : ''}`);
  const moreLine = (n: number) => t('discord.moreRelated', { n });
  const out: string[] = [];
  let used = 0;
  for (const [i, line] of lines.entries()) {
    const hidden = Math.max(0, total - i - 1);
    const reserve = hidden > 0 ? moreLine(hidden).length + 1 : 0;
    const piece = out.length === 0 ? clamp(line, LIMITS.fieldValue - reserve) : line;
    if (used + piece.length + (out.length ? 1 : 0) + reserve > LIMITS.fieldValue) break;
    out.push(piece);
    used += piece.length + (out.length > 1 ? 1 : 0);
  }
  const hidden = Math.max(0, total - out.length);
  if (hidden > 0) out.push(moreLine(hidden));
  return out.join('\n');
}

/** Splits text into pages of at most `size` characters, at a paragraph, sentence or word end when possible. */
export function paginate(text: string, size: number): string[] {
  const pages: string[] = [];
  let rest = text.trim();
  while (rest.length > size) {
    const window = rest.slice(0, size);
    const breaks = [window.lastIndexOf('\n'), window.lastIndexOf('. ') + 1, window.lastIndexOf(' ')];
    let cut = breaks.find((b) => b > size * 0.6) ?? size;
    while (cut > 1 && (/[\uD800-\uDBFF]/.test(rest.charAt(cut - 1)) || /(^|[^\\])(\\\\)*\\$/.test(rest.slice(0, cut)))) cut--;
    pages.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  pages.push(rest);
  return pages.filter((p, i) => p !== '' || i === 0);
}

/** Lines joined into as few chunks of at most `max` characters as possible. */
function chunkLines(lines: string[], max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of lines.map((l) => clamp(l, max))) {
    if (current && current.length + 1 + line.length > max) {
      chunks.push(current);
      current = line;
    } else current = current ? `${current}\n${line}` : line;
  }
  if (current) chunks.push(current);
  return chunks;
}
