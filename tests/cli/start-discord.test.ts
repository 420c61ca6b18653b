// `npm start` with DISCORD_TOKEN and DISCORD_API_URL at a local stand-in: the real process logs in through
// the gateway, answers a mention of the bot, and pings nobody.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { BOT_USER, CHANNEL_ID, GUILD_ID, messageCreate } from '../discord/payloads.js';
import { DiscordStandIn } from '../discord/stand-in.js';
import { waitFor } from '../slack/stand-in.js';

let standIn: DiscordStandIn;
let bot: ChildProcess;
let stderr = '';

beforeAll(async () => {
  standIn = await DiscordStandIn.start({ guildIds: [GUILD_ID] });
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, DISCORD_TOKEN: 'npm-start-discord-token', DISCORD_API_URL: standIn.apiUrl, RIGHTS_STATE_DIR: mkdtempSync(join(tmpdir(), 'rights-dstart-')) };
  bot = spawn(process.execPath, [join(ROOT, 'dist', 'adapters', 'start.js')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  bot.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await waitFor(() => stderr.includes('logged in to Discord'), 10_000);
});

afterAll(async () => {
  bot?.kill('SIGTERM');
  await standIn?.close();
});

it('logs in through the gateway and answers a mention with a reply that cannot ping', async () => {
  expect(standIn.gateway.identifies[0]?.token).toBe('npm-start-discord-token');
  const mention = messageCreate(`<@${BOT_USER.id}> treaties consular @everyone`, { mentions: [BOT_USER] });
  standIn.gateway.dispatch('MESSAGE_CREATE', mention);
  const [reply] = await standIn.waitFor('POST', new RegExp(`^/channels/${CHANNEL_ID}/messages$`), 1, 10_000);
  expect(reply?.body).toMatchObject({ message_reference: { message_id: mention.id }, allowed_mentions: { parse: [] } });
  expect(JSON.stringify(reply?.body)).toContain('Vienna Convention on Consular Relations');
  expect(stderr).not.toContain('npm-start-discord-token');
});
