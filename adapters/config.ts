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
  /**
   * Gateway shards this process runs (discord.js `shards`/`shardCount`), so replicas split the gateway:
   * `ids` of `count` in all. Without `ids`, this process runs every shard. Unset: one shard.
   */
  shards?: { ids?: number[]; count: number };
}

export interface Config {
  slack?: SlackConfig;
  discord?: DiscordConfig;
  /** Folder for runtime state (digest subscriptions…). */
  stateDir?: string;
  /** Optional YAML file declaring digest targets. */
  configFile?: string;
  /** HEALTH_PORT: serve /healthz and /readyz on this port (Slack's HTTP mode also serves them on PORT). */
  healthPort?: number;
  /** DATABASE_URL: keep state in PostgreSQL (shared by replicas) instead of files. */
  databaseUrl?: string;
}

type Env = Record<string, string | undefined>;

function get(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** Tokens pasted into the wrong variable: Slack's prefixed tokens, Discord's three-part token, long random runs, URL credentials. */
function looksSecret(value: string): boolean {
  return (
    /^(xox[a-z]|xapp)-/i.test(value) ||
    /[\w-]{20,}\.[\w-]{5,}\.[\w-]{20,}/.test(value) ||
    /\/\/[^/@\s]+:[^/@\s]+@/.test(value) ||
    /(?=[A-Za-z0-9_+/=-]*\d)(?=[A-Za-z0-9_+/=-]*[A-Za-z])[A-Za-z0-9_+/=-]{24,}/.test(value)
  );
}

/** A value for an error message, quoted; never a value that looks like a secret. */
function shown(value: string): string {
  return looksSecret(value) ? '(a value that looks like a secret; not shown)' : `"${value}"`;
}

function url(env: Env, name: string): string | undefined {
  const value = get(env, name);
  if (value === undefined) return undefined;
  try {
    const parsed = new URL(value);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('protocol');
  } catch {
    throw new ConfigError(`${name} must be an http(s) URL, got ${shown(value)}`);
  }
  return value;
}

function port(env: Env, name: string, fallback: number): number {
  const value = get(env, name);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ConfigError(`${name} must be a port number (0–65535), got ${shown(value)}`);
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
    if (value !== undefined && !/^\d{15,22}$/.test(value)) throw new ConfigError(`${name} must be a Discord snowflake id (digits only), got ${shown(value)}`);
  }
  const shards = discordShards(env);
  if (!token) {
    if (applicationId || guildId || shards) throw new ConfigError('Set DISCORD_TOKEN (the bot token from the Discord developer portal)');
    return undefined;
  }
  return { token, applicationId, guildId, apiUrl: url(env, 'DISCORD_API_URL'), ...(shards && { shards }) };
}

/** DISCORD_SHARD_IDS (e.g. `0,2`) of DISCORD_SHARD_COUNT shards in all. https://discord.com/developers/docs/events/gateway#sharding */
function discordShards(env: Env): DiscordConfig['shards'] {
  const idsValue = get(env, 'DISCORD_SHARD_IDS');
  const countValue = get(env, 'DISCORD_SHARD_COUNT');
  if (idsValue === undefined && countValue === undefined) return undefined;
  if (countValue === undefined) throw new ConfigError('Set DISCORD_SHARD_COUNT (the total number of shards across all replicas) when DISCORD_SHARD_IDS is set');
  const count = /^\d+$/.test(countValue) ? Number(countValue) : NaN;
  if (!Number.isSafeInteger(count) || count < 1) throw new ConfigError(`DISCORD_SHARD_COUNT must be a positive whole number (the total number of shards), got ${shown(countValue)}`);
  if (idsValue === undefined) return { count };
  const parts = idsValue.split(',').map((part) => part.trim());
  if (parts.some((part) => !/^\d+$/.test(part))) {
    throw new ConfigError(`DISCORD_SHARD_IDS must be comma-separated shard numbers such as 0,2, got ${shown(idsValue)}`);
  }
  const ids = parts.map(Number);
  const tooBig = ids.find((id) => id >= count);
  if (tooBig !== undefined) throw new ConfigError(`DISCORD_SHARD_IDS must be below DISCORD_SHARD_COUNT (${count}): shards are numbered 0 to ${count - 1}, got ${tooBig}`);
  if (new Set(ids).size !== ids.length) throw new ConfigError(`DISCORD_SHARD_IDS must not repeat a shard, got ${shown(idsValue)}`);
  return { ids, count };
}

export function readConfig(env: Env): Config {
  return {
    slack: readSlackConfig(env),
    discord: readDiscordConfig(env),
    stateDir: get(env, 'RIGHTS_STATE_DIR'),
    configFile: get(env, 'RIGHTS_CONFIG'),
    healthPort: get(env, 'HEALTH_PORT') === undefined ? undefined : port(env, 'HEALTH_PORT', 0),
    databaseUrl: databaseUrl(env),
  };
}

/** DATABASE_URL, checked for its form only (the database is reached at start-up); never echoed, it holds a password. */
function databaseUrl(env: Env): string | undefined {
  const value = get(env, 'DATABASE_URL');
  if (value === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || !/^postgres(ql)?:$/.test(url.protocol) || !url.hostname) {
    throw new ConfigError('DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@host:5432/rights (leave it unset to keep state in files)');
  }
  return value;
}
