// Building blocks shared by the Discord renderers: the message shape, inert text, colours, buttons,
// and the last step every message goes through (limits, share line, flags, allowed_mentions). Pure.
import { ButtonStyle, ComponentType, MessageFlags } from 'discord.js';
import type { APIAllowedMentions, APIButtonComponentWithCustomId, APIEmbed } from 'discord.js';
import type { Message } from '../../src/answer.js';
import { translator, type Lang, type Translate } from '../../src/i18n/catalog.js';
import { MESSAGES } from '../../src/i18n/messages.js';
import type { Kind } from '../../src/records/schema.js';
import { LIMITS, clamp, fitEmbeds, fitRows, type ButtonRow } from './limits.js';
import { DISCORD_MESSAGES } from './messages.js';

/** A message as Discord's API takes it (create, interaction response or edit). */
export interface DiscordMessage {
  content: string;
  embeds: APIEmbed[];
  components: ButtonRow[];
  allowed_mentions: APIAllowedMentions;
  /** MessageFlags.Ephemeral on answers only the asker sees. */
  flags?: number;
}

/** Nobody is ever pinged: not @everyone/@here, roles, users, nor the author of a replied-to message. */
export function noPings(): APIAllowedMentions {
  return { parse: [], replied_user: false };
}

export const KIND_COLORS: Record<Kind, number> = {
  recommendation: 0x2e8b57,
  treaty: 0xc9a227,
  session: 0x3b82f6,
  speaker: 0x8b5cf6,
  observance: 0xf97316,
};
export const NEUTRAL_COLOR = 0x95a5a6;
export const HELP_COLOR = 0x5865f2;

/** Adapter strings first, then the core's; English when a language lacks a key. */
export function translate(lang: Lang): Translate {
  return translator(lang, DISCORD_MESSAGES, MESSAGES);
}

/** Breaks mentions (@everyone, @here, <@id>, <@&id>, <#id>) with a zero-width space, so they show as text. */
export function defuse(text: string): string {
  return text.replace(/@(everyone|here)/gi, '@\u200b$1').replace(/<(@[!&]?|#)(?=\d)/g, '<$1\u200b');
}

/**
 * Escapes Discord markdown in one linear pass (discord.js's escapeMarkdown is slow on long texts):
 * emphasis, code, spoilers and link brackets anywhere; quotes, headings and lists at a line start.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\*_~`|[\]]/g, '\\$&')
    .replace(/^([ \t]*)([>#-]|\d+(?=\.))/gm, (_whole, space: string, mark: string) => (/\d/.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`));
}

/** User or record text made inert in markdown places (titles, descriptions, fields): escaped, mentions broken. */
export function inert(text: string): string {
  return defuse(escapeMarkdown(text));
}

/** Inline code (mentions broken even there), or inert text when the value itself contains a backtick. */
export function code(text: string): string {
  return text.includes('`') ? inert(text) : `\`${defuse(text)}\``;
}

/** User text quoted in a sentence (a query, an id): inert and cut, so the sentence around it survives. */
export function short(text: string): string {
  return clamp(inert(text), 300);
}

/** A core message, its string parameters (user words, names) made inert and cut. */
export function say(message: Message, t: Translate): string {
  const params = Object.fromEntries(Object.entries(message.params ?? {}).map(([k, v]) => [k, typeof v === 'string' ? short(v) : v]));
  return t(message.key, params);
}

export function button(label: string, customId: string, style: ButtonStyle.Primary | ButtonStyle.Secondary = ButtonStyle.Secondary): APIButtonComponentWithCustomId {
  return { type: ComponentType.Button, style, label: clamp(label, LIMITS.buttonLabel), custom_id: customId };
}

export function row(components: APIButtonComponentWithCustomId[]): ButtonRow {
  return { type: ComponentType.ActionRow, components };
}

export interface Draft {
  content: string;
  embeds: APIEmbed[];
  rows: ButtonRow[];
}

/** The last step of every message: limits, share line, flags and allowed_mentions. */
export function finish(draft: Draft, options: { ephemeral: boolean; sharedBy?: string }, t: Translate): DiscordMessage {
  const lead = options.sharedBy ? `${t('discord.shared', { user: options.sharedBy })}\n` : '';
  const content = lead + clamp(defuse(draft.content), LIMITS.content - lead.length);
  const message: DiscordMessage = { content, embeds: fitEmbeds(draft.embeds), components: fitRows(draft.rows), allowed_mentions: noPings() };
  if (options.ephemeral) message.flags = MessageFlags.Ephemeral;
  return message;
}
