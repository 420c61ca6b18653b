// The daily digest as a Discord message: on this day, recommendation of the day (with a Full record
// button), new in the knowledge base. Pure, within LIMITS.
import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { Digest } from '../../src/digest/content.js';
import { anniversaryLine } from '../../src/digest/lines.js';
import { byLine, formatCitation } from '../../src/display.js';
import { encodeAction, type ButtonAction } from './custom-id.js';
import { KIND_COLORS, NEUTRAL_COLOR, button, code, finish, inert, row, translate, type DiscordMessage } from './format.js';
import { LIMITS, clamp } from './limits.js';

export interface DigestRenderOptions {
  /** A preview asked with a slash command is ephemeral; a scheduled digest is public. */
  ephemeral?: boolean;
  encode?: (action: ButtonAction) => string;
}

/** Lines within `max` characters, then "…and N more" for those left out plus `unlisted` others. */
function listWithin(lines: string[], max: number, more: (n: number) => string, unlisted = 0): string {
  const kept: string[] = [];
  let used = 0;
  for (const [i, line] of lines.entries()) {
    const left = lines.length - i - 1 + unlisted;
    const reserve = left > 0 ? more(left).length + 1 : 0;
    if (used + line.length + 1 + reserve > max) break;
    kept.push(line);
    used += line.length + 1;
  }
  const left = lines.length - kept.length + unlisted;
  if (left > 0) kept.push(more(left));
  return kept.join('\n');
}

export function renderDigest(digest: Digest, options: DigestRenderOptions = {}): DiscordMessage {
  const t = translate(digest.lang);
  const encode = options.encode ?? ((action: ButtonAction) => encodeAction(action));
  const more = (n: number) => t('digest.newMore', { n });
  const content = [`**${t('digest.title', { date: digest.date })}**`, ...(digest.themes.length ? [t('digest.themes', { themes: digest.themes.map(code).join(', ') })] : [])].join('\n');

  const days = digest.onThisDay.map((entry) => `• ${clamp(inert(anniversaryLine(entry, t)), 400)}`);
  const embeds: APIEmbed[] = [
    { color: NEUTRAL_COLOR, title: t('digest.onThisDay'), description: days.length ? listWithin(days, 1500, more) : t('digest.nothingToday') },
  ];

  const rec = digest.recommendation;
  if (rec) {
    const fields: APIEmbedField[] = [];
    const by = byLine(rec);
    if (by) fields.push({ name: t('field.by'), value: clamp(inert(by), 300), inline: true });
    fields.push({ name: t('field.id'), value: code(rec.record.id), inline: true });
    fields.push({ name: t('field.source'), value: clamp(inert(formatCitation(rec.citation, t)), 400) });
    embeds.push({
      color: KIND_COLORS.recommendation,
      author: { name: t('digest.recommendation') },
      title: clamp(inert(rec.record.title), LIMITS.embedTitle),
      description: clamp(inert(rec.snippet), 1000),
      fields,
    });
  } else {
    embeds.push({ color: KIND_COLORS.recommendation, title: t('digest.recommendation'), description: t('digest.noRecommendation') });
  }

  if (digest.newRecords.length) {
    const lines = digest.newRecords.map((item) => `• ${clamp(inert(item.record.title), 200)} (${code(item.record.id)})`);
    const list = listWithin(lines, 1200, more, Math.max(0, digest.newTotal - digest.newRecords.length));
    embeds.push({ color: NEUTRAL_COLOR, title: t('digest.new'), description: list });
  }

  const rows = rec ? [row([button(t('discord.button.record'), encode({ type: 'details', id: rec.record.id, part: 0 }))])] : [];
  return finish({ content, embeds, rows }, { ephemeral: options.ephemeral ?? false }, t);
}
