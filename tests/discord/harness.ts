// Runs the real Discord adapter (a real discord.js Client) against the stand-in, with a recording logger.
import { readDiscordConfig, type DiscordConfig } from '../../adapters/config.js';
import { createDiscordAdapter, type DiscordAdapter, type DiscordAdapterOptions } from '../../adapters/discord/index.js';
import type { Logger, RequestHandler } from '../../adapters/types.js';
import { createRequestHandler } from '../../adapters/types.js';
import type { Engine } from '../../src/engine.js';
import { BOT_USER, CHANNEL_ID, DM_CHANNEL_ID, GUILD_ID, messageCreate, type MessageOptions } from './payloads.js';
import { DiscordStandIn, type Json, type RecordedRequest } from './stand-in.js';

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
  context?: Record<string, unknown>;
}

export function recordingLogger(): { logger: Logger; logs: LogEntry[] } {
  const logs: LogEntry[] = [];
  const at = (level: LogEntry['level']) => (message: string, context?: Record<string, unknown>) => void logs.push({ level, message, context });
  return { logs, logger: { info: at('info'), warn: at('warn'), error: at('error') } };
}

export function configFor(standIn: DiscordStandIn, env: Record<string, string> = {}): DiscordConfig {
  const config = readDiscordConfig({ DISCORD_TOKEN: 'stand-in-bot-token', DISCORD_API_URL: standIn.apiUrl, ...env });
  if (!config) throw new Error('readDiscordConfig returned nothing for a set DISCORD_TOKEN');
  return config;
}

export const MESSAGES_IN = (channel: string) => new RegExp(`^/channels/${channel}/messages$`);

type InteractionPayload = Json & { id: string; token: string };

export interface Harness {
  standIn: DiscordStandIn;
  adapter: DiscordAdapter;
  logs: LogEntry[];
  /** Dispatches MESSAGE_CREATE and waits for the next message the bot posts in that channel. */
  send(content: string, options?: MessageOptions): Promise<{ sent: Json & { id: string }; reply: RecordedRequest }>;
  /** Sends `@Rights Bot <text>`. */
  mention(text: string, options?: MessageOptions): Promise<{ sent: Json & { id: string }; reply: RecordedRequest }>;
  /** Dispatches INTERACTION_CREATE and waits for `count` callbacks to it. */
  interact(payload: InteractionPayload, count?: number): Promise<RecordedRequest[]>;
  /** The body of the first callback to an interaction. */
  callback(payload: InteractionPayload): Promise<Json>;
  close(): Promise<void>;
}

export async function startHarness(engine: Engine, options: Partial<DiscordAdapterOptions> & { handle?: RequestHandler } = {}): Promise<Harness> {
  const standIn = await DiscordStandIn.start({ guildIds: [GUILD_ID] });
  const { logger, logs } = recordingLogger();
  const adapter = createDiscordAdapter({
    config: configFor(standIn),
    engine,
    handle: options.handle ?? createRequestHandler(engine),
    logger,
    rest: { retries: 0, timeout: 2000 },
    ...options,
  });
  await adapter.start();
  const send: Harness['send'] = async (content, messageOptions = {}) => {
    const channel = messageOptions.dm ? DM_CHANNEL_ID : CHANNEL_ID;
    const before = standIn.calls('POST', MESSAGES_IN(channel)).length;
    const sent = messageCreate(content, messageOptions);
    standIn.gateway.dispatch('MESSAGE_CREATE', sent);
    const reply = (await standIn.waitFor('POST', MESSAGES_IN(channel), before + 1))[before];
    if (!reply) throw new Error('no reply');
    return { sent, reply };
  };
  const interact: Harness['interact'] = (payload, count = 1) => {
    standIn.gateway.dispatch('INTERACTION_CREATE', payload);
    return standIn.waitFor('POST', new RegExp(`^/interactions/${payload.id}/${payload.token}/callback$`), count);
  };
  return {
    standIn,
    adapter,
    logs,
    send,
    mention: (text, messageOptions = {}) => send(`<@${BOT_USER.id}> ${text}`.trim(), { mentions: [BOT_USER], ...messageOptions }),
    interact,
    async callback(payload) {
      const [first] = await interact(payload);
      if (!first) throw new Error('no callback');
      return first.body;
    },
    async close() {
      await adapter.stop();
      await standIn.close();
    },
  };
}

/** The `data` of an interaction callback body, or of a message body. */
export function dataOf(body: Json): Json {
  return (body.data as Json | undefined) ?? body;
}

/** All the visible text of a message body: content, embed titles, descriptions, fields, footers, authors. */
export function textOf(body: Json): string {
  const data = dataOf(body);
  const embeds = (data.embeds as Json[] | undefined) ?? [];
  const parts = [String(data.content ?? '')];
  for (const e of embeds) {
    parts.push(String(e.title ?? ''), String(e.description ?? ''), String((e.footer as Json | undefined)?.text ?? ''), String((e.author as Json | undefined)?.name ?? ''));
    for (const f of (e.fields as Json[] | undefined) ?? []) parts.push(String(f.name), String(f.value));
  }
  return parts.join('\n');
}

export interface SentButton {
  custom_id: string;
  label: string;
  style: number;
}

/** The buttons of a message body (all rows). */
export function buttonsOf(body: Json): SentButton[] {
  const rows = (dataOf(body).components as { components: SentButton[] }[] | undefined) ?? [];
  return rows.flatMap((r) => r.components);
}

export function buttonLabelled(body: Json, label: string | RegExp): SentButton {
  const found = buttonsOf(body).find((b) => (typeof label === 'string' ? b.label === label : label.test(b.label)));
  if (!found) throw new Error(`no button ${String(label)} among ${buttonsOf(body).map((b) => b.label).join(', ')}`);
  return found;
}
