// Configuration: read once from the environment at the entry point into a typed, validated object.
// An empty variable counts as unset. Errors name the variable and what it expects. Secrets are never logged.

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(message: string) {
    super(`[config] ${message}`);
    this.name = 'ConfigError';
  }
}

export interface SlackConfig {
  botToken: string;
  /** Socket Mode when an app-level token (xapp-…) is set; HTTP mode with the signing secret otherwise. */
  mode: { type: 'socket'; appToken: string } | { type: 'http'; signingSecret: string; port: number };
  /** Web API base URL, e.g. for GovSlack or a proxy (must end with /api/). */
  apiUrl?: string;
}

export interface DiscordConfig {
  token: string;
  applicationId?: string;
  guildId?: string;
  /** REST base, same form as discord.js's `rest.api` option, e.g. http://127.0.0.1:PORT/api */
  apiUrl?: string;
}

export interface Config {
  slack?: SlackConfig;
  discord?: DiscordConfig;
  /** Folder for runtime state (digest subscriptions…). */
  stateDir?: string;
  /** Optional YAML file declaring digest targets. */
  configFile?: string;
}

type Env = Record<string, string | undefined>;

function get(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function url(env: Env, name: string): string | undefined {
  const value = get(env, name);
  if (value === undefined) return undefined;
  try {
    const parsed = new URL(value);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('protocol');
  } catch {
    throw new ConfigError(`${name} must be an http(s) URL, got "${value}"`);
  }
  return value;
}

function port(env: Env, name: string, fallback: number): number {
  const value = get(env, name);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ConfigError(`${name} must be a port number (0–65535), got "${value}"`);
  return n;
}

export function readSlackConfig(env: Env): SlackConfig | undefined {
  const botToken = get(env, 'SLACK_BOT_TOKEN');
  const appToken = get(env, 'SLACK_APP_TOKEN');
  const signingSecret = get(env, 'SLACK_SIGNING_SECRET');
  if (!botToken && !appToken && !signingSecret) return undefined;
  if (!botToken) throw new ConfigError('Set SLACK_BOT_TOKEN (the xoxb-… bot token from your Slack app’s OAuth page)');
  if (!botToken.startsWith('xoxb-')) throw new ConfigError('SLACK_BOT_TOKEN must be a bot token starting with xoxb-');
  let apiUrl = url(env, 'SLACK_API_URL');
  if (apiUrl && !apiUrl.endsWith('/')) apiUrl += '/';
  if (appToken) {
    if (!appToken.startsWith('xapp-')) throw new ConfigError('SLACK_APP_TOKEN must be an app-level token starting with xapp- (Socket Mode)');
    return { botToken, mode: { type: 'socket', appToken }, apiUrl };
  }
  if (!signingSecret) throw new ConfigError('Set SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode)');
  return { botToken, mode: { type: 'http', signingSecret, port: port(env, 'PORT', 3000) }, apiUrl };
}

export function readDiscordConfig(env: Env): DiscordConfig | undefined {
  const token = get(env, 'DISCORD_TOKEN');
  const applicationId = get(env, 'DISCORD_APPLICATION_ID');
  const guildId = get(env, 'DISCORD_GUILD_ID');
  for (const [name, value] of [['DISCORD_APPLICATION_ID', applicationId], ['DISCORD_GUILD_ID', guildId]] as const) {
    if (value !== undefined && !/^\d{15,22}$/.test(value)) throw new ConfigError(`${name} must be a Discord snowflake id (digits only), got "${value}"`);
  }
  if (!token) {
    if (applicationId || guildId) throw new ConfigError('Set DISCORD_TOKEN (the bot token from the Discord developer portal)');
    return undefined;
  }
  return { token, applicationId, guildId, apiUrl: url(env, 'DISCORD_API_URL') };
}

export function readConfig(env: Env): Config {
  return {
    slack: readSlackConfig(env),
    discord: readDiscordConfig(env),
    stateDir: get(env, 'RIGHTS_STATE_DIR'),
    configFile: get(env, 'RIGHTS_CONFIG'),
  };
}
