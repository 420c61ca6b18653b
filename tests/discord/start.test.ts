// The "done when": with DISCORD_TOKEN and DISCORD_API_URL set, the adapter built the way `npm start`
// builds it (production REST options) logs in through the stand-in's gateway and answers a mention;
// a refused token fails start() with a message naming the variable; digests post through REST.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readDiscordConfig } from '../../adapters/config.js';
import { createDiscordAdapter, type DiscordAdapter } from '../../adapters/discord/index.js';
import { createLogger, createRequestHandler } from '../../adapters/types.js';
import { buildDigest } from '../../src/digest/content.js';
import { realEngine } from '../helpers.js';
import { BOT_USER, CHANNEL_ID, GUILD_ID, messageCreate } from './payloads.js';
import { DiscordStandIn } from './stand-in.js';

let standIn: DiscordStandIn;
let adapter: DiscordAdapter;
const lines: string[] = [];

beforeAll(async () => {
  standIn = await DiscordStandIn.start({ guildIds: [GUILD_ID] });
  const config = readDiscordConfig({ DISCORD_TOKEN: 'start-bot-token', DISCORD_API_URL: standIn.apiUrl });
  if (!config) throw new Error('Discord not configured');
  const engine = realEngine();
  adapter = createDiscordAdapter({ config, engine, handle: createRequestHandler(engine), logger: createLogger('discord', (line) => lines.push(line)) });
  await adapter.start();
});

afterAll(async () => {
  await adapter?.stop();
  await standIn?.close();
});

it('logs in through the gateway and answers a mention of the bot', async () => {
  expect(standIn.gateway.identifies[0]?.token).toBe('start-bot-token');
  expect(lines.some((l) => l.includes('info [discord] logged in to Discord'))).toBe(true);
  const mention = messageCreate(`<@${BOT_USER.id}> recommendations firewalls`, { mentions: [BOT_USER] });
  standIn.gateway.dispatch('MESSAGE_CREATE', mention);
  const [reply] = await standIn.waitFor('POST', new RegExp(`^/channels/${CHANNEL_ID}/messages$`));
  expect(reply?.headers.authorization).toBe('Bot start-bot-token');
  expect(reply?.body).toMatchObject({ message_reference: { message_id: mention.id }, allowed_mentions: { parse: [] } });
  expect(String(reply?.body.content)).toContain('Recommendations for “firewalls”');
});

it('posts a digest to a channel through REST, pinging nobody', async () => {
  const { digest } = buildDigest(realEngine(), { date: '2024-12-18' });
  const before = standIn.calls('POST', /\/messages$/).length;
  await adapter.digestPoster.post(CHANNEL_ID, digest);
  const posted = standIn.calls('POST', new RegExp(`^/channels/${CHANNEL_ID}/messages$`)).slice(before)[0];
  expect(posted?.body).toMatchObject({ content: expect.stringContaining('Rights digest for 2024-12-18'), allowed_mentions: { parse: [], replied_user: false } });
  expect(posted?.body.flags).toBeUndefined();
});

it('fails to start with a message naming DISCORD_TOKEN when Discord refuses it', async () => {
  standIn.failNext({ method: 'GET', path: /^\/gateway\/bot$/, status: 401, body: { message: '401: Unauthorized', code: 0 } });
  const config = readDiscordConfig({ DISCORD_TOKEN: 'revoked-token', DISCORD_API_URL: standIn.apiUrl });
  if (!config) throw new Error('Discord not configured');
  const refused = createDiscordAdapter({ config, engine: realEngine(), logger: createLogger('discord', () => undefined), rest: { retries: 0 } });
  await expect(refused.start()).rejects.toThrow('[discord] Discord refused DISCORD_TOKEN');
  await refused.stop();
});

it('stops cleanly: the gateway connection is closed', async () => {
  const config = readDiscordConfig({ DISCORD_TOKEN: 'second-token', DISCORD_API_URL: standIn.apiUrl });
  if (!config) throw new Error('Discord not configured');
  const second = createDiscordAdapter({ config, engine: realEngine(), logger: createLogger('discord', () => undefined) });
  await second.start();
  const open = standIn.gateway.sockets.size;
  await second.stop();
  const deadline = Date.now() + 2000;
  while (standIn.gateway.sockets.size >= open && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(standIn.gateway.sockets.size).toBe(open - 1);
});
