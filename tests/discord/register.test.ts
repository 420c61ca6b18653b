// `npm run discord:register`: registers /rights to DISCORD_GUILD_ID when set, globally otherwise, with the
// application id from DISCORD_APPLICATION_ID or from the token; also run as the compiled script.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDiscordConfig } from '../../adapters/config.js';
import { registerCommands } from '../../adapters/discord/register.js';
import { realEngine, ROOT } from '../helpers.js';
import { APP_ID, GUILD_ID } from './payloads.js';
import { DiscordStandIn } from './stand-in.js';

const run = promisify(execFile);
const SCRIPT = join(ROOT, 'dist', 'adapters', 'discord', 'register.js');

let standIn: DiscordStandIn;
beforeAll(async () => {
  standIn = await DiscordStandIn.start({ guildIds: [] });
});
afterAll(async () => {
  await standIn.close();
});

function config(env: Record<string, string>) {
  const parsed = readDiscordConfig({ DISCORD_TOKEN: 'register-token', DISCORD_API_URL: standIn.apiUrl, ...env });
  if (!parsed) throw new Error('Discord not configured');
  return parsed;
}

describe('registerCommands', () => {
  const themes = realEngine().kb.taxonomy.themes;

  it('registers to one guild when DISCORD_GUILD_ID is set', async () => {
    const result = await registerCommands({ config: config({ DISCORD_APPLICATION_ID: APP_ID, DISCORD_GUILD_ID: GUILD_ID }), themes, rest: { retries: 0 } });
    expect(result).toEqual({ applicationId: APP_ID, scope: 'guild', guildId: GUILD_ID, commands: ['rights'] });
    const put = standIn.calls('PUT', new RegExp(`^/applications/${APP_ID}/guilds/${GUILD_ID}/commands$`)).at(-1);
    expect(put?.headers.authorization).toBe('Bot register-token');
    expect((put?.body as unknown as { name: string }[])[0]?.name).toBe('rights');
  });

  it('registers globally otherwise, taking the application id from the token', async () => {
    const before = standIn.calls('GET', /^\/applications\/@me$/).length;
    // A trailing slash on DISCORD_API_URL is fine (discord.js appends "/v10/…").
    const result = await registerCommands({ config: config({ DISCORD_API_URL: `${standIn.apiUrl}/` }), themes, rest: { retries: 0 } });
    expect(result).toMatchObject({ applicationId: APP_ID, scope: 'global' });
    expect(standIn.calls('GET', /^\/applications\/@me$/)).toHaveLength(before + 1);
    expect(standIn.calls('PUT', new RegExp(`^/applications/${APP_ID}/commands$`))).toHaveLength(1);
  });
});

describe.skipIf(!existsSync(SCRIPT))('the compiled discord:register script', () => {
  it('registers from the environment and says where', async () => {
    const env = { ...process.env, DISCORD_TOKEN: 'script-token', DISCORD_API_URL: standIn.apiUrl, DISCORD_GUILD_ID: GUILD_ID, DISCORD_APPLICATION_ID: '' };
    const { stdout } = await run(process.execPath, [SCRIPT], { env, cwd: ROOT });
    expect(stdout).toContain(`[discord] registered /rights for application ${APP_ID} in guild ${GUILD_ID}`);
    expect(standIn.calls('PUT', new RegExp(`^/applications/${APP_ID}/guilds/${GUILD_ID}/commands$`)).at(-1)?.headers.authorization).toBe('Bot script-token');
  });

  it('names the variable when DISCORD_TOKEN is missing', async () => {
    const env = { ...process.env, DISCORD_TOKEN: '', DISCORD_APPLICATION_ID: '', DISCORD_GUILD_ID: '' };
    await expect(run(process.execPath, [SCRIPT], { env, cwd: ROOT })).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('Set DISCORD_TOKEN') });
  });
});
