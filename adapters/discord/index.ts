// The Discord adapter: a discord.js Client that answers mentions, direct messages, /rights and its buttons,
// and posts digests. Intents are only what it uses; none is privileged. https://discord.js.org/docs
import { Client, Events, GatewayIntentBits, Partials, RESTEvents, Routes } from 'discord.js';
import type { Interaction, Message, RESTOptions, RepliableInteraction } from 'discord.js';
import type { Digest } from '../../src/digest/content.js';
import type { Engine } from '../../src/engine.js';
import { langFromLocale } from '../../src/i18n/catalog.js';
import type { DiscordConfig } from '../config.js';
import { createLogger, createRequestHandler, type ChatAdapter, type ChatRequest, type Logger, type RequestHandler } from '../types.js';
import { COMMAND_NAME } from './commands.js';
import { TextStash, decodeAction, encodeAction, isOwnCustomId } from './custom-id.js';
import { errorContext, isExpiredInteraction, redactRoute } from './errors.js';
import { interactionRequest, onAutocomplete, onButton, onChatInput, type InteractionContext } from './interactions.js';
import { onMessage } from './mentions.js';
import { renderDigest } from './render-digest.js';
import { restBase } from './rest-base.js';
import { renderReply, type DiscordMessage } from './render.js';
import { apologize, messageOptions } from './respond.js';

export { LIMITS, renderAnswer, renderReply } from './render.js';
export { discordCommands } from './commands.js';

export interface DiscordAdapterOptions {
  config: DiscordConfig;
  /** For autocomplete (record titles, themes) and, without `handle`, for answers. */
  engine: Engine;
  /** Turns a request into a reply (e.g. with digest commands); createRequestHandler(engine) by default. */
  handle?: RequestHandler;
  logger?: Logger;
  /** REST client overrides, e.g. `{ retries: 0, timeout: 2000 }` in tests. */
  rest?: Partial<RESTOptions>;
  /** Acknowledge an interaction first when its answer takes longer than this; Discord allows 3000 ms. */
  deferAfterMs?: number;
  /** How long start() waits for guilds Discord reports as unavailable (discord.js default: 15 s). */
  waitGuildTimeout?: number;
}

export interface DiscordAdapter extends ChatAdapter {
  /** The discord.js client (for tests and extra listeners). */
  readonly client: Client;
  /** Posts digests for the digest service. */
  readonly digestPoster: { platform: 'discord'; post(channel: string, digest: Digest): Promise<void> };
}

const DEFAULT_DEFER_AFTER_MS = 2000;

export function createDiscordAdapter(options: DiscordAdapterOptions): DiscordAdapter {
  const { config, engine } = options;
  const logger = options.logger ?? createLogger('discord');
  const handle = options.handle ?? createRequestHandler(engine);
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    // Direct-message channels are not cached at start; without this partial, DMs are never delivered.
    partials: [Partials.Channel],
    // The renderer sets allowed_mentions on every message; this default covers anything else.
    allowedMentions: { parse: [], repliedUser: false },
    // Answer even if the message asked in was deleted meanwhile.
    failIfNotExists: false,
    rest: { ...restBase(config), ...options.rest },
    ...(options.waitGuildTimeout !== undefined && { waitGuildTimeout: options.waitGuildTimeout }),
  });
  const stash = new TextStash();
  const ctx: InteractionContext = {
    handle,
    engine,
    encode: (action) => encodeAction(action, stash),
    decode: (customId) => decodeAction(customId, stash),
    deferAfterMs: options.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS,
  };

  /** Runs one event's work: a failure is logged with context and apologized for where possible, never rethrown. */
  async function guard(what: string, context: Record<string, unknown>, run: () => Promise<unknown>, sorry?: () => Promise<unknown>): Promise<void> {
    try {
      await run();
    } catch (error) {
      if (isExpiredInteraction(error)) {
        logger.warn(`${what}: the interaction expired before it was answered`, { ...context, ...errorContext(error) });
        return;
      }
      logger.error(`${what} failed`, { ...context, ...errorContext(error) });
      if (!sorry) return;
      try {
        await sorry();
      } catch (again) {
        logger.warn(`${what}: could not apologize either`, { ...context, ...errorContext(again) });
      }
    }
  }

  const sorry = (request: ChatRequest, ephemeral: boolean): DiscordMessage =>
    renderReply({ type: 'notice', lang: langFromLocale(request.locale) ?? 'en', key: 'error.sorry', request }, { ephemeral, shareable: false });

  client.on(Events.MessageCreate, (message: Message) => {
    if (message.author.bot) return;
    const context = { event: 'message', guild: message.guildId, channel: message.channelId, message: message.id, user: message.author.id };
    const request: ChatRequest = { text: '', platform: 'discord', user: message.author.id, channel: message.channelId, locale: message.guild?.preferredLocale };
    void guard('mention', context, () => onMessage(message, ctx), () => message.reply(messageOptions(sorry(request, false))));
  });

  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    const context = { event: 'interaction', type: interaction.type, interaction: interaction.id, guild: interaction.guildId, channel: interaction.channelId, user: interaction.user.id };
    const apology = (target: RepliableInteraction) => () => apologize(target, sorry(interactionRequest(target, ''), true));
    if (interaction.isAutocomplete() && interaction.commandName === COMMAND_NAME) {
      void guard('autocomplete', context, () => onAutocomplete(interaction, ctx));
    } else if (interaction.isChatInputCommand() && interaction.commandName === COMMAND_NAME) {
      const command = `/${COMMAND_NAME} ${interaction.options.getSubcommand(false) ?? ''}`.trim();
      void guard('slash command', { ...context, command }, () => onChatInput(interaction, ctx), apology(interaction));
    } else if (interaction.isButton() && isOwnCustomId(interaction.customId)) {
      void guard('button', { ...context, customId: interaction.customId }, () => onButton(interaction, ctx), apology(interaction));
    }
  });

  client.once(Events.ClientReady, (ready) => {
    logger.info('logged in to Discord', { user: ready.user.tag, id: ready.user.id, guilds: ready.guilds.cache.size });
    if (config.applicationId && ready.application.id !== config.applicationId) {
      logger.warn('DISCORD_APPLICATION_ID is not the application of DISCORD_TOKEN', { configured: config.applicationId, actual: ready.application.id });
    }
  });
  client.on(Events.Error, (error) => logger.error('client error', errorContext(error)));
  client.on(Events.Warn, (message) => logger.warn(message));
  client.on(Events.ShardDisconnect, (event, shard) => logger.warn('gateway disconnected', { shard, code: event.code }));
  client.on(Events.ShardError, (error, shard) => logger.error('gateway error', { shard, ...errorContext(error) }));
  // A 429 from Discord: discord.js's REST client waits for Retry-After and retries; we only log it.
  client.rest.on(RESTEvents.Response, (request, response) => {
    if (response.status !== 429) return;
    logger.warn('rate limited by Discord (429); discord.js retries after the delay', {
      method: request.method.toUpperCase(),
      route: redactRoute(request.route),
      retryAfter: response.headers.get('retry-after'),
      scope: response.headers.get('x-ratelimit-scope'),
      global: response.headers.has('x-ratelimit-global'),
    });
  });
  // Waiting on our own bookkeeping of a bucket before even asking (many replies at once).
  client.rest.on(RESTEvents.RateLimited, (info) =>
    logger.warn('rate limited locally; discord.js queues the request', {
      method: info.method.toUpperCase(),
      route: redactRoute(info.route),
      retryAfter: info.retryAfter,
      global: info.global,
      scope: info.scope,
    }),
  );

  return {
    name: 'discord',
    client,
    async start() {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      try {
        await client.login(config.token);
      } catch (error) {
        await client.destroy();
        const refused = (error as { code?: unknown }).code === 'TokenInvalid';
        const context = errorContext(error);
        const message = refused
          ? '[discord] Discord refused DISCORD_TOKEN: copy the bot token again from the developer portal (Bot → Reset Token)'
          : `[discord] could not log in: ${String(context.error ?? `HTTP ${String(context.status)} on ${String(context.route)}`)}`;
        throw Object.assign(new Error(message), { code: refused ? 'DISCORD_TOKEN_INVALID' : 'DISCORD_LOGIN_FAILED', cause: error });
      }
      await ready;
    },
    async stop() {
      await client.destroy();
    },
    digestPoster: {
      platform: 'discord',
      async post(channel, digest) {
        // `rights digest --send` posts without logging in to the gateway: REST only needs the token.
        client.rest.setToken(config.token);
        await client.rest.post(Routes.channelMessages(channel), { body: renderDigest(digest, { encode: ctx.encode }) });
      },
    },
  };
}
