// /rights slash commands, their autocomplete and the Share / More / Details buttons: each becomes a
// ChatRequest answered by the request handler. Answers are ephemeral; Share posts one in the channel.
import { MessageFlags, PermissionFlagsBits, userMention } from 'discord.js';
import type { AutocompleteInteraction, BaseInteraction, ButtonInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { Engine } from '../../src/engine.js';
import { langFromLocale } from '../../src/i18n/catalog.js';
import type { ChatRequest, Logger, Reply, RequestHandler } from '../types.js';
import { commandText, recordChoices, subcommandKind, themeChoices } from './commands.js';
import type { ButtonAction } from './custom-id.js';
import { LIMITS } from './limits.js';
import { renderReply, type DiscordMessage, type RenderOptions } from './render.js';
import { replyOptions, respondInTime } from './respond.js';

/** What the interaction handlers share, built once by the adapter. */
export interface InteractionContext {
  handle: RequestHandler;
  engine: Engine;
  logger: Logger;
  /** Renders a reply, first saving the long texts its buttons point to (so they outlive this process). */
  render: (reply: Reply, options: Omit<RenderOptions, 'encode'>) => Promise<DiscordMessage>;
  /** The action behind a button's custom_id, its saved text looked up: "expired" when gone, undefined when not ours. */
  decode: (customId: string) => Promise<ButtonAction | 'expired' | undefined>;
  /** Acknowledge first when an answer takes longer than this (Discord allows 3 s). */
  deferAfterMs: number;
}

/** The plain request for an interaction: who, where, in which language, and what. */
export function interactionRequest(interaction: BaseInteraction, text: string, offset?: number): ChatRequest {
  return {
    text,
    platform: 'discord',
    user: interaction.user.id,
    userName: interaction.inCachedGuild() ? interaction.member.displayName : interaction.user.displayName,
    channel: interaction.channelId ?? '',
    locale: interaction.locale,
    ...(offset !== undefined && { offset }),
    canManageChannel: interaction.inGuild() ? (interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false) : true,
  };
}

function answer(ctx: InteractionContext, request: ChatRequest, options: Omit<RenderOptions, 'encode'>): () => Promise<DiscordMessage> {
  return async () => ctx.render(await ctx.handle(request), options);
}

export async function onChatInput(interaction: ChatInputCommandInteraction, ctx: InteractionContext): Promise<void> {
  const { options } = interaction;
  const text = commandText(options.getSubcommand(false), {
    query: options.getString('query'),
    theme: options.getString('theme'),
    id: options.getString('id'),
    settings: options.getString('settings'),
  });
  const request = interactionRequest(interaction, text);
  await respondInTime(interaction, 'reply', true, answer(ctx, request, { ephemeral: true, shareable: interaction.inGuild() }), ctx.deferAfterMs);
}

/** Suggestions while the user types: record titles for `query`, ids for `id`, themes for `theme`. Must answer within 3 s. */
export async function onAutocomplete(interaction: AutocompleteInteraction, ctx: InteractionContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const typed = String(focused.value);
  const choices =
    focused.name === 'theme'
      ? themeChoices(ctx.engine.kb.taxonomy.themes, typed)
      : recordChoices(ctx.engine.suggest(typed, subcommandKind(interaction.options.getSubcommand(false)), LIMITS.choices), focused.name === 'id');
  await interaction.respond(choices);
}

/**
 * Share: the same answer, public, saying who shared it. More: the next page, in place when the
 * answer was ephemeral, else as a new ephemeral answer. Details: the full record, ephemeral. A button
 * whose text is gone says it expired; one that is not ours (or malformed) gets a polite notice too,
 * since an interaction left unanswered shows "This interaction failed".
 */
export async function onButton(interaction: ButtonInteraction, ctx: InteractionContext): Promise<void> {
  const started = Date.now();
  const action = await ctx.decode(interaction.customId);
  if (action === undefined || action === 'expired') {
    if (action === undefined) ctx.logger.warn('a button that is not ours', { interaction: interaction.id, customId: interaction.customId.slice(0, 100) });
    const lang = langFromLocale(interaction.locale) ?? 'en';
    const key = action === 'expired' ? 'discord.expired' : 'discord.unknownButton';
    const notice = renderReply({ type: 'notice', lang, key, request: interactionRequest(interaction, '') }, { ephemeral: true, shareable: false });
    await interaction.reply(replyOptions(notice));
    return;
  }
  // Looking the text up took part of Discord's 3 seconds.
  const deferAfterMs = Math.max(0, ctx.deferAfterMs - (Date.now() - started));
  const inPlace = interaction.message.flags.has(MessageFlags.Ephemeral);
  const shareable = interaction.inGuild();
  switch (action.type) {
    case 'share': {
      const request = interactionRequest(interaction, action.text, action.offset);
      const sharedBy = userMention(interaction.user.id);
      await respondInTime(interaction, 'reply', false, answer(ctx, request, { ephemeral: false, shareable: false, sharedBy }), deferAfterMs);
      return;
    }
    case 'more': {
      const request = interactionRequest(interaction, action.text, action.offset);
      await respondInTime(interaction, inPlace ? 'update' : 'reply', true, answer(ctx, request, { ephemeral: true, shareable }), deferAfterMs);
      return;
    }
    case 'details': {
      const request = interactionRequest(interaction, `show ${action.id}`);
      const mode = action.part > 0 && inPlace ? 'update' : 'reply';
      await respondInTime(interaction, mode, true, answer(ctx, request, { ephemeral: true, shareable, part: action.part }), deferAfterMs);
      return;
    }
  }
}
