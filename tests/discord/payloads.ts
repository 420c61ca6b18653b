// Discord payloads for the stand-in, shaped as in the API reference (and discord-api-types): the bot,
// a guild, messages, slash commands, autocomplete and button interactions.
// https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object
type Json = Record<string, unknown>;

const DISCORD_EPOCH = 1420070400000n;
let increment = 0n;
/** A fresh, realistic (18–19 digit) snowflake; discord.js's REST buckets need those. */
export function snowflake(): string {
  increment = (increment + 1n) % 4096n;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | increment).toString();
}

export const APP_ID = '1180000000000000001';
export const GUILD_ID = '1180000000000000100';
export const CHANNEL_ID = '1180000000000000200';
export const DM_CHANNEL_ID = '1180000000000000300';
export const BOT_ROLE_ID = '1180000000000000400';
export const MOD_ROLE_ID = '1180000000000000401';
export const COMMAND_ID = '1180000000000000500';

export const BOT_USER = { id: APP_ID, username: 'Rights Bot', discriminator: '0000', global_name: null, avatar: null, bot: true, flags: 0 };
export const HUMAN = { id: '1180000000000000010', username: 'ada', discriminator: '0', global_name: 'Ada', avatar: null, flags: 0 };
export const OTHER_BOT = { id: '1180000000000000020', username: 'other-bot', discriminator: '0000', global_name: null, avatar: null, bot: true, flags: 0 };

const JOINED = '2024-01-01T00:00:00.000Z';
/** View Channel, Send Messages, Embed Links, Read Message History, Use Application Commands. */
const MEMBER_PERMISSIONS = String(1024 + 2048 + 16384 + 65536 + 2147483648);

function member(user: Json, roles: string[] = []): Json {
  return { user, roles, joined_at: JOINED, deaf: false, mute: false, flags: 0, nick: null, avatar: null, premium_since: null, pending: false, communication_disabled_until: null };
}

function role(id: string, name: string, extra: Json = {}): Json {
  return { id, name, color: 0, colors: { primary_color: 0, secondary_color: null, tertiary_color: null }, hoist: false, icon: null, unicode_emoji: null, position: 0, permissions: MEMBER_PERMISSIONS, managed: false, mentionable: false, flags: 0, ...extra };
}

const CHANNEL = { id: CHANNEL_ID, type: 0, name: 'general', position: 0, permission_overwrites: [], parent_id: null, topic: null, nsfw: false, rate_limit_per_user: 0, last_message_id: null, flags: 0 };

export function guildCreate(id: string): Json {
  return {
    id,
    name: 'Migrant Rights Community',
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: HUMAN.id,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    premium_progress_bar_enabled: false,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    application_id: null,
    preferred_locale: 'en-US',
    features: [],
    roles: [role(id, '@everyone'), role(BOT_ROLE_ID, 'Rights Bot', { managed: true, tags: { bot_id: APP_ID } }), role(MOD_ROLE_ID, 'Moderators', { mentionable: true })],
    emojis: [],
    stickers: [],
    joined_at: JOINED,
    large: false,
    unavailable: false,
    member_count: 3,
    voice_states: [],
    members: [member(BOT_USER, [BOT_ROLE_ID])],
    channels: [CHANNEL],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    max_video_channel_users: 25,
    incidents_data: null,
  };
}

/** The message object the REST stand-in returns for a created or edited message. */
export function messageObject(channelId: string, body: Json): Json {
  return {
    id: snowflake(),
    channel_id: channelId,
    author: BOT_USER,
    content: typeof body.content === 'string' ? body.content : '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: Array.isArray(body.embeds) ? body.embeds : [],
    components: Array.isArray(body.components) ? body.components : [],
    pinned: false,
    type: body.message_reference ? 19 : 0,
    flags: typeof body.flags === 'number' ? body.flags : 0,
  };
}

export interface MessageOptions {
  author?: Json;
  /** Users the message mentions (Discord lists them with their member object in guilds). */
  mentions?: Json[];
  mentionRoles?: string[];
  mentionEveryone?: boolean;
  /** A direct message instead of a guild message. */
  dm?: boolean;
}

/** MESSAGE_CREATE data. */
export function messageCreate(content: string, options: MessageOptions = {}): Json & { id: string } {
  const author = options.author ?? HUMAN;
  const base = {
    id: snowflake(),
    author,
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: options.mentionEveryone ?? false,
    mentions: (options.mentions ?? []).map((u) => (options.dm ? u : { ...u, member: member(u) })),
    mention_roles: options.mentionRoles ?? [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    type: 0,
    flags: 0,
    nonce: snowflake(),
  };
  if (options.dm) return { ...base, channel_id: DM_CHANNEL_ID, channel_type: 1 };
  return { ...base, channel_id: CHANNEL_ID, guild_id: GUILD_ID, channel_type: 0, member: member(author) };
}

interface InteractionOptions {
  locale?: string;
  dm?: boolean;
  /** The member's permissions in the channel (a bitfield string); by default no Manage Channels. */
  permissions?: string;
}

/** MEMBER_PERMISSIONS plus Manage Channels. */
export const MANAGER_PERMISSIONS = String(BigInt(MEMBER_PERMISSIONS) | 16n);

function interactionBase(type: number, data: Json, options: InteractionOptions = {}): Json & { id: string; token: string } {
  const id = snowflake();
  const common = {
    id,
    application_id: APP_ID,
    type,
    token: `interaction-token-${id}`,
    version: 1,
    data,
    locale: options.locale ?? 'en-US',
    entitlements: [],
    attachment_size_limit: 10485760,
    app_permissions: MEMBER_PERMISSIONS,
  };
  if (options.dm) {
    return { ...common, user: HUMAN, channel_id: DM_CHANNEL_ID, channel: { id: DM_CHANNEL_ID, type: 1, last_message_id: null, flags: 0, recipients: [HUMAN] }, authorizing_integration_owners: { '0': APP_ID }, context: 1 };
  }
  return {
    ...common,
    guild_id: GUILD_ID,
    guild_locale: 'en-US',
    guild: { id: GUILD_ID, locale: 'en-US', features: [] },
    channel_id: CHANNEL_ID,
    channel: { ...CHANNEL, guild_id: GUILD_ID },
    member: { ...member(HUMAN), permissions: options.permissions ?? MEMBER_PERMISSIONS },
    authorizing_integration_owners: { '0': GUILD_ID },
    context: 0,
  };
}

type OptionValues = Record<string, string>;

function commandData(subcommand: string, values: OptionValues, focused?: string): Json {
  const options = Object.entries(values).map(([name, value]) => ({ type: 3, name, value, ...(name === focused && { focused: true }) }));
  return { id: COMMAND_ID, name: 'rights', type: 1, guild_id: GUILD_ID, options: [{ type: 1, name: subcommand, options }] };
}

/** INTERACTION_CREATE data for `/rights <subcommand> option:value…`. */
export function slashCommand(subcommand: string, values: OptionValues = {}, options?: InteractionOptions) {
  return interactionBase(2, commandData(subcommand, values), options);
}

/** INTERACTION_CREATE data for autocomplete while typing in option `focused`. */
export function autocomplete(subcommand: string, values: OptionValues, focused: string, options?: InteractionOptions) {
  return interactionBase(4, commandData(subcommand, values, focused), options);
}

/** INTERACTION_CREATE data for a click on a button of a message the bot sent (ephemeral or not). */
export function buttonClick(customId: string, message: { ephemeral: boolean; components?: unknown[] }, options?: InteractionOptions) {
  const channel = options?.dm ? DM_CHANNEL_ID : CHANNEL_ID;
  const shown = { ...messageObject(channel, { components: message.components ?? [] }), flags: message.ephemeral ? 64 : 0 };
  return { ...interactionBase(3, { custom_id: customId, component_type: 2 }, options), message: shown };
}
