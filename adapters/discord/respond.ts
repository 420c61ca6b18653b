// Sending rendered messages through discord.js: replies, interaction responses within 3 s, apologies.
// https://discord.com/developers/docs/interactions/receiving-and-responding#responding-to-an-interaction
import { MessageFlags } from 'discord.js';
import type {
  ButtonInteraction,
  ChatInputCommandInteraction,
  InteractionEditReplyOptions,
  InteractionReplyOptions,
  InteractionUpdateOptions,
  MessageMentionOptions,
  MessageReplyOptions,
  RepliableInteraction,
} from 'discord.js';
import type { DiscordMessage } from './render.js';

/** discord.js spells allowed_mentions its own way; this keeps the renderer's choice (nobody pinged). */
function mentions(message: DiscordMessage): MessageMentionOptions {
  const { parse = [], users, roles, replied_user } = message.allowed_mentions;
  return { parse: parse.map((p) => `${p}` as 'everyone' | 'roles' | 'users'), users, roles, repliedUser: replied_user ?? false };
}

function body(message: DiscordMessage) {
  return { content: message.content, embeds: message.embeds, components: message.components, allowedMentions: mentions(message) };
}

export function replyOptions(message: DiscordMessage): InteractionReplyOptions {
  return { ...body(message), ...(message.flags !== undefined && { flags: message.flags }) };
}

export function messageOptions(message: DiscordMessage): MessageReplyOptions {
  return body(message);
}

/** Edits keep the message's flags (ephemeral cannot change after the first response). */
export function editOptions(message: DiscordMessage): InteractionEditReplyOptions & InteractionUpdateOptions {
  return body(message);
}

export type ResponseMode = 'reply' | 'update';

/**
 * Answers an interaction within Discord's 3 seconds: at once when the answer is ready in time,
 * otherwise acknowledges first ("thinking…" or a silent update) and edits the answer in later.
 */
export async function respondInTime(
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  mode: ResponseMode,
  ephemeral: boolean,
  produce: () => Promise<DiscordMessage>,
  deferAfterMs: number,
): Promise<void> {
  const pending = produce();
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<undefined>((resolve) => (timer = setTimeout(resolve, deferAfterMs, undefined)));
  const quick = await Promise.race([pending, slow]).finally(() => clearTimeout(timer));
  const update = mode === 'update' && interaction.isButton() ? interaction : undefined;
  if (quick) {
    if (update) await update.update(editOptions(quick));
    else await interaction.reply(replyOptions(quick));
    return;
  }
  if (update) await update.deferUpdate();
  else await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  await interaction.editReply(editOptions(await pending));
}

/** Says sorry in the way the interaction still allows: a first response, an edit of the pending one, or a follow-up. */
export async function apologize(interaction: RepliableInteraction, message: DiscordMessage): Promise<void> {
  if (interaction.deferred && !interaction.replied) await interaction.editReply(editOptions(message));
  else if (interaction.replied) await interaction.followUp(replyOptions(message));
  else await interaction.reply(replyOptions(message));
}
