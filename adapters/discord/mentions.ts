// Messages that mention the bot (or its managed role), and direct messages: the text after the mention is
// the query, answered with a public reply. Discord sends the content of exactly these messages without the
// privileged Message Content intent. https://discord.com/developers/docs/events/gateway#message-content-intent
import { PermissionFlagsBits, type Message } from 'discord.js';
import type { ChatRequest, RequestHandler } from '../types.js';
import type { ButtonAction } from './custom-id.js';
import { renderReply } from './render.js';
import { messageOptions } from './respond.js';

export interface MentionContext {
  handle: RequestHandler;
  encode: (action: ButtonAction) => string;
}

/** Display names for the mention markup left in a query. */
export interface MentionNames {
  users: ReadonlyMap<string, string>;
  roles: ReadonlyMap<string, string>;
  channels: ReadonlyMap<string, string>;
}

/**
 * The query in a message: the bot's own mentions removed, other mention markup turned into plain
 * names ("<@123>" → "@Ada", "<#9>" → "#general", "<:ok:1>" → ":ok:"), spaces collapsed.
 */
export function queryFromContent(content: string, botId: string, botRoleIds: ReadonlySet<string>, names: MentionNames): string {
  return content
    .replace(/<@!?(\d+)>/g, (whole, id: string) => (id === botId ? ' ' : `@${names.users.get(id) ?? 'user'}`))
    .replace(/<@&(\d+)>/g, (whole, id: string) => (botRoleIds.has(id) ? ' ' : `@${names.roles.get(id) ?? 'role'}`))
    .replace(/<#(\d+)>/g, (whole, id: string) => `#${names.channels.get(id) ?? 'channel'}`)
    .replace(/<a?:(\w+):\d+>/g, ':$1:')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The roles Discord created for this bot in the message's guild (users can mention those instead of the bot). */
function botRoles(message: Message, botId: string): Set<string> {
  if (!message.inGuild()) return new Set();
  return new Set(message.guild.roles.cache.filter((role) => role.tags?.botId === botId).map((role) => role.id));
}

/** Whether the bot should answer: a person's direct message, or a guild message mentioning the bot or its role. */
export function isAddressedToBot(message: Message, botId: string, roles: ReadonlySet<string>): boolean {
  // No author: a malformed or unknown kind of message, addressed to nobody.
  if (!message.author || message.author.bot || message.webhookId !== null || message.system) return false;
  if (!message.inGuild()) return true;
  return message.mentions.users.has(botId) || message.mentions.roles.some((role) => roles.has(role.id));
}

function canManage(message: Message): boolean {
  if (!message.inGuild()) return true;
  try {
    return message.member?.permissionsIn(message.channel).has(PermissionFlagsBits.ManageChannels) ?? false;
  } catch {
    return false;
  }
}

export function messageRequest(message: Message, botId: string, roles: ReadonlySet<string>): ChatRequest {
  const { mentions } = message;
  const names: MentionNames = {
    users: new Map(mentions.users.map((u) => [u.id, mentions.members?.get(u.id)?.displayName ?? u.displayName])),
    roles: new Map(mentions.roles.map((r) => [r.id, r.name])),
    channels: new Map(mentions.channels.map((c) => [c.id, 'name' in c && c.name ? c.name : 'channel'])),
  };
  return {
    text: queryFromContent(message.content, botId, roles, names),
    platform: 'discord',
    user: message.author.id,
    userName: message.member?.displayName ?? message.author.displayName,
    channel: message.channelId,
    // Messages carry no user locale; the server's preferred one is the best guess.
    locale: message.guild?.preferredLocale,
    canManageChannel: canManage(message),
  };
}

/** Answers a mention or direct message with a reply; returns false when the message is not for the bot. */
export async function onMessage(message: Message, ctx: MentionContext): Promise<boolean> {
  const botId = message.client.user.id;
  const roles = botRoles(message, botId);
  if (!isAddressedToBot(message, botId, roles)) return false;
  const reply = await ctx.handle(messageRequest(message, botId, roles));
  await message.reply(messageOptions(renderReply(reply, { ephemeral: false, shareable: false, encode: ctx.encode })));
  return true;
}
