// The Discord adapter: a discord.js Client that answers mentions, direct messages, /rights and its buttons,
// and posts digests. Intents are only what it uses; none is privileged; every REST call has a timeout.
// https://discord.js.org/docs
import { Client, DiscordAPIError, Events, GatewayIntentBits, HTTPError, Partials, RateLimitError, RESTEvents, Routes } from 'discord.js';
import type { Interaction, Message, RESTOptions, RepliableInteraction } from 'discord.js';
import type { Digest } from '../../src/digest/content.js';
import { engineGetter, type EngineSource } from '../../src/live.js';
import { langFromLocale } from '../../src/i18n/catalog.js';
import type { DiscordConfig } from '../config.js';
import type { Store } from '../store/port.js';
import { createLogger, createRequestHandler, type ChatAdapter, type ChatRequest, type Logger, type RequestHandler } from '../types.js';
import { COMMAND_NAME } from './commands.js';
import { createButtonKeeper, encodeAction, memoryButtonTexts, type Encode } from './custom-id.js';
import { errorContext, isExpiredInteraction, redactRoute } from './errors.js';
import { containPacketErrors } from './gateway-guard.js';
import { interactionRequest, onAutocomplete, onButton, onChatInput, type InteractionContext } from './interactions.js';
import { onMessage, type MentionContext } from './mentions.js';
import { renderDigest } from './render-digest.js';
import { restBase } from './rest-base.js';
import { renderReply, type DiscordMessage } from './render.js';
import { apologize, messageOptions } from './respond.js';

export { LIMITS, renderAnswer, renderReply } from './render.js';
export { discordCommands } from './commands.js';

export interface DiscordAdapterOptions {
  config: DiscordConfig;
  /** For autocomplete (record titles, themes) and, without `handle`, for answers; a getter is read per interaction. */
  engine: EngineSource;
  /** Turns a request into a reply (e.g. with digest commands); createRequestHandler(engine) by default. */
  handle?: RequestHandler;
  logger?: Logger;
  /** REST client overrides, e.g. `{ retries: 0, timeout: 2000 }` in tests; `timeout` also bounds a digest post. */
  rest?: Partial<RESTOptions>;
  /** How long stop() lets events in progress finish, in ms; DRAIN_TIMEOUT_MS otherwise. */
  drainTimeoutMs?: number;
  /** Acknowledge an interaction first when its answer takes longer than this; Discord allows 3000 ms. */
  deferAfterMs?: number;
  /** How long start() waits for guilds Discord reports as unavailable (discord.js default: 15 s). */
  waitGuildTimeout?: number;
  /**
   * Where buttons keep query texts too long for their custom_id, so they work after a restart and on
   * every replica sharing it. Without one, texts live in this process only (tests, a quick try).
   */
  store?: Store;
}

export interface DiscordAdapter extends ChatAdapter {
  /** The discord.js client (for tests and extra listeners). */
  readonly client: Client;
  /** "ok" while logged in and not stopping; "starting", "reconnecting", "stopping" or "stopped" otherwise. */
  status(): 'ok' | 'starting' | 'reconnecting' | 'stopping' | 'stopped';
  /** Posts digests for the digest service; rejects within the REST timeout with a DigestPostError. */
  readonly digestPoster: { platform: 'discord'; post(channel: string, digest: Digest): Promise<void> };
}

/** Why a digest post failed: `permanent` when retrying cannot help (unknown channel, no access, 403/404). */
export type DigestPostError = Error & { platform: 'slack' | 'discord'; code: string; permanent: boolean };

const DEFAULT_DEFER_AFTER_MS = 2000;
/** How long one REST request may take (discord.js's default is 15 s); a digest post as a whole too. */
export const REQUEST_TIMEOUT_MS = 10_000;
/** How long stop() lets events in progress finish. */
export const DRAIN_TIMEOUT_MS = 10_000;

export function createDiscordAdapter(options: DiscordAdapterOptions): DiscordAdapter {
  const { config, engine } = options;
  const currentEngine = engineGetter(engine);
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
    rest: { ...restBase(config), timeout: REQUEST_TIMEOUT_MS, ...options.rest },
    ...(options.waitGuildTimeout !== undefined && { waitGuildTimeout: options.waitGuildTimeout }),
    // DISCORD_SHARD_IDS of DISCORD_SHARD_COUNT, so replicas split the gateway (without ids: every shard).
    // shardCount is always given, or discord.js would take the number of ids as the total.
    ...(config.shards && { shardCount: config.shards.count, ...(config.shards.ids && { shards: config.shards.ids }) }),
  });
  const buttons = createButtonKeeper(options.store ?? memoryButtonTexts(), logger);
  const ctx: InteractionContext = {
    handle,
    get engine() {
      return currentEngine();
    },
    logger,
    render: (reply, renderOptions) => buttons.render((encode) => renderReply(reply, { ...renderOptions, encode })),
    decode: (customId) => buttons.decode(customId),
    deferAfterMs: options.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS,
  };

  /** onMessage renders and sends in one step: its reply is rendered here first, as it will be, to save its button texts. */
  function mentionContext(): MentionContext {
    let encode: Encode = (action) => encodeAction(action);
    return {
      async handle(request) {
        const reply = await handle(request);
        encode = await buttons.prepare((e) => renderReply(reply, { ephemeral: false, shareable: false, encode: e }));
        return reply;
      },
      encode: (action) => encode(action),
    };
  }

  let state: ReturnType<DiscordAdapter['status']> = 'starting';
  /** Events in progress, so stop() can let them finish. */
  const inFlight = new Set<Promise<void>>();

  /** Runs one event's work (none once stopping): a failure is logged with context and apologized for where possible, never rethrown. */
  async function guard(what: string, context: Record<string, unknown>, run: () => Promise<unknown>, sorry?: () => Promise<unknown>): Promise<void> {
    if (state === 'stopping' || state === 'stopped') return;
    const work = guarded(what, context, run, sorry);
    inFlight.add(work);
    await work.finally(() => inFlight.delete(work));
  }

  async function guarded(what: string, context: Record<string, unknown>, run: () => Promise<unknown>, sorry?: () => Promise<unknown>): Promise<void> {
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

  /** A listener's synchronous part: a throw (an event discord.js let through half-read) is logged, never raised into discord.js. */
  function contain(event: string, run: () => void): void {
    try {
      run();
    } catch (error) {
      logger.error(`dropped a ${event} event that could not be read`, errorContext(error));
    }
  }

  client.on(Events.MessageCreate, (message: Message) =>
    contain('message', () => {
      // A message without an author (malformed, or a kind discord.js does not know) is nobody's to answer.
      if (!message.author) return void logger.warn('ignored a message without an author', { event: 'message', channel: message.channelId, message: message.id });
      if (message.author.bot) return;
      const context = { event: 'message', guild: message.guildId, channel: message.channelId, message: message.id, user: message.author.id };
      const request: ChatRequest = { text: '', platform: 'discord', user: message.author.id, channel: message.channelId, locale: message.guild?.preferredLocale };
      void guard('mention', context, () => onMessage(message, mentionContext()), () => message.reply(messageOptions(sorry(request, false))));
    }),
  );

  client.on(Events.InteractionCreate, (interaction: Interaction) =>
    contain('interaction', () => {
      if (!interaction.user) return void logger.warn('ignored an interaction without a user', { event: 'interaction', interaction: interaction.id });
      const context = { event: 'interaction', type: interaction.type, interaction: interaction.id, guild: interaction.guildId, channel: interaction.channelId, user: interaction.user.id };
      const apology = (target: RepliableInteraction) => () => apologize(target, sorry(interactionRequest(target, ''), true));
      if (interaction.isAutocomplete() && interaction.commandName === COMMAND_NAME) {
        void guard('autocomplete', context, () => onAutocomplete(interaction, ctx));
      } else if (interaction.isChatInputCommand() && interaction.commandName === COMMAND_NAME) {
        const command = `/${COMMAND_NAME} ${interaction.options.getSubcommand(false) ?? ''}`.trim();
        void guard('slash command', { ...context, command }, () => onChatInput(interaction, ctx), apology(interaction));
      } else if (interaction.isButton()) {
        // Every button, ours or not: one left unanswered shows "This interaction failed".
        void guard('button', { ...context, customId: interaction.customId }, () => onButton(interaction, ctx), apology(interaction));
      }
    }),
  );
  containPacketErrors(client, logger);

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
      state = 'ok';
    },
    async stop() {
      if (state === 'stopped') return;
      // Take no new events, let those in progress finish (bounded), then close the gateway and REST.
      state = 'stopping';
      const drained = await settlesWithin(Promise.allSettled([...inFlight]), options.drainTimeoutMs ?? DRAIN_TIMEOUT_MS);
      if (!drained) logger.warn('stopped with events still in progress', { events: inFlight.size });
      await client.destroy();
      state = 'stopped';
    },
    status: () => (state === 'ok' && !client.isReady() ? 'reconnecting' : state),
    digestPoster: {
      platform: 'discord',
      async post(channel, digest) {
        // `rights digest --send` posts without logging in to the gateway: REST only needs the token.
        client.rest.setToken(config.token);
        const body = await buttons.render((encode) => renderDigest(digest, { encode }));
        const timeoutMs = options.rest?.timeout ?? REQUEST_TIMEOUT_MS;
        // One deadline for the whole post: its queue wait, the request and discord.js's own retries. Made
        // before the request starts, it fires before discord.js's per-request timeout of the same length, and
        // ends at once the retry discord.js makes after an abort: a timed-out post is never sent again.
        const signal = AbortSignal.timeout(timeoutMs);
        try {
          await client.rest.post(Routes.channelMessages(channel), { body, signal });
        } catch (error) {
          const { code, permanent } = signal.aborted ? { code: `timed out after ${timeoutMs} ms`, permanent: false } : classifyDiscordError(error);
          const hint = permanent ? ': retrying will not help (check the channel and the bot’s permissions there)' : '';
          throw Object.assign(new Error(`[discord] could not post the digest to channel ${channel} (${code})${hint}`, { cause: error }), {
            platform: 'discord' as const,
            code,
            permanent,
          }) satisfies DigestPostError;
        }
      },
    },
  };
}

/** Whether `work` settled within `ms`; it keeps running either way. */
async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([work.then(() => true), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Discord error codes after which a retry cannot succeed: Unknown Channel, Missing Access, Missing Permissions. */
const PERMANENT_DISCORD_CODES = new Set<number | string>([10003, 50001, 50013]);
const PERMANENT_HTTP_STATUSES = new Set([401, 403, 404]);

/** A short code for a REST failure and whether it is permanent; timeouts, 429, 5xx and network errors are not. */
export function classifyDiscordError(error: unknown): { code: string; permanent: boolean } {
  if (error instanceof DiscordAPIError) {
    return { code: `HTTP ${error.status}, code ${String(error.code)}`, permanent: PERMANENT_DISCORD_CODES.has(error.code) || PERMANENT_HTTP_STATUSES.has(error.status) };
  }
  if (error instanceof HTTPError) return { code: `HTTP ${error.status}`, permanent: PERMANENT_HTTP_STATUSES.has(error.status) };
  if (error instanceof RateLimitError) return { code: 'HTTP 429', permanent: false };
  const e = error as { name?: unknown; code?: unknown; cause?: { code?: unknown } } | undefined;
  if (e?.name === 'AbortError' || e?.name === 'TimeoutError') return { code: 'timed out', permanent: false };
  const network = e?.cause?.code ?? e?.code;
  if (typeof network === 'string') return { code: network, permanent: false };
  return { code: error instanceof Error ? error.message : String(error), permanent: false };
}
