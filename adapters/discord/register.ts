// `npm run discord:register`: uploads the /rights command to DISCORD_GUILD_ID when set (instant, for
// trying it out), globally otherwise. Never run by `npm start`. https://discord.com/developers/docs/interactions/application-commands#registering-a-command
import { existsSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REST, Routes, type APIApplication, type RESTOptions } from 'discord.js';
import { loadKnowledgeBase, RecordsError } from '../../src/records/load.js';
import { ConfigError, readDiscordConfig, type DiscordConfig } from '../config.js';
import { projectRoot } from '../paths.js';
import { discordCommands, type ThemeChoice } from './commands.js';
import { errorContext } from './errors.js';
import { restBase } from './rest-base.js';

export interface RegisterOptions {
  config: DiscordConfig;
  themes: readonly ThemeChoice[];
  /** REST client overrides (tests). */
  rest?: Partial<RESTOptions>;
}

export interface RegisterResult {
  applicationId: string;
  scope: 'guild' | 'global';
  guildId?: string;
  commands: string[];
}

/** Replaces the application's commands (in one guild, or globally) with this adapter's. */
export async function registerCommands({ config, themes, rest: overrides }: RegisterOptions): Promise<RegisterResult> {
  const rest = new REST({ ...restBase(config), ...overrides }).setToken(config.token);
  const applicationId = config.applicationId ?? ((await rest.get(Routes.currentApplication())) as APIApplication).id;
  const body = discordCommands(themes);
  const route = config.guildId ? Routes.applicationGuildCommands(applicationId, config.guildId) : Routes.applicationCommands(applicationId);
  await rest.put(route, { body });
  return { applicationId, scope: config.guildId ? 'guild' : 'global', guildId: config.guildId, commands: body.map((c) => c.name) };
}

async function main(): Promise<void> {
  const root = projectRoot();
  const envFile = join(root, '.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  const config = readDiscordConfig(process.env);
  if (!config) throw new ConfigError('Set DISCORD_TOKEN (the bot token from the Discord developer portal) to register commands');
  const { taxonomy } = loadKnowledgeBase({ root });
  const result = await registerCommands({ config, themes: taxonomy.themes });
  const where = result.scope === 'guild' ? `in guild ${result.guildId ?? ''} (available now)` : 'globally (may take up to an hour to appear)';
  console.log(`[discord] registered /${result.commands.join(', /')} for application ${result.applicationId} ${where}`);
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  return script !== undefined && existsSync(script) && pathToFileURL(realpathSync(script)).href === import.meta.url;
}

if (isEntryPoint()) {
  main().catch((error: unknown) => {
    if (error instanceof ConfigError) console.error(error.message);
    else if (error instanceof RecordsError) console.error(`[records] invalid seeds:\n${error.message}`);
    else console.error(`[discord] could not register commands: ${JSON.stringify(errorContext(error))}`);
    process.exitCode = 1;
  });
}
