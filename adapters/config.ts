// Configuration: read once from the environment at the entry point into a typed, validated object.
// An empty variable counts as unset. Errors name the variable and what it expects. Secrets are never logged.
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { looksLikeToken, looksSecret as looksLikeSecret } from './secrets.js';
import { readSlackOAuth, type SlackOAuthConfig } from './slack/oauth-config.js';

export { ConfigError } from './config-error.js';
import { ConfigError } from './config-error.js';

/** Slack for one workspace (SLACK_BOT_TOKEN), or for any workspace through OAuth (adapters/slack/oauth-config.ts). */
export type SlackConfig = SlackWorkspaceConfig | SlackOAuthConfig;

export interface SlackWorkspaceConfig {
  botToken: string;
  oauth?: undefined;
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
  /** LOG_FORMAT: `json` for one JSON object per log line (pino); readable lines when unset or `text`. */
  logFormat?: 'text' | 'json';
  /** RIGHTS_DEBUG: show stack traces of internal errors. */
  debug?: boolean;
}

type Env = Record<string, string | undefined>;

/** An empty or blank variable counts as unset; a set one is trimmed. */
const unsetIfBlank = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/**
 * One variable of the environment: its schema over the trimmed text, what it expects (said in errors, as
 * "NAME must be <expects>, got …") and whether it holds a secret (then its value is never shown).
 */
function variable<T extends z.ZodType>(schema: T, expects: string, options: { secret?: boolean } = {}) {
  return z.preprocess(unsetIfBlank, schema.optional()).meta({ description: expects, secret: options.secret === true });
}

/** Digits only: `1e3`, `0x50`, `80.5`, `+80` and ` 80 abc` are not numbers here, whatever Number() says. */
const decimal = (min: number, max: number) =>
  z.string().regex(/^\d{1,15}$/).transform(Number).pipe(z.number().int().min(min).max(max));

const isHttpUrl = (value: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

const isPostgresUrl = (value: string) => {
  try {
    const url = new URL(value);
    return /^postgres(ql)?:$/.test(url.protocol) && url.hostname !== '';
  } catch {
    return false;
  }
};

const PORT_EXPECTS = 'a port number: digits only, from 1 to 65535 (0 lets the system pick a free port)';
const BOOLEAN_WORDS = { '1': true, true: true, yes: true, on: true, '0': false, false: false, no: false, off: false } as const;

/**
 * Every variable the bot reads from the environment, and what each must be: the one schema they are checked
 * against (by readConfig as a whole, by readSlackConfig and readDiscordConfig one by one). How they depend on
 * each other (Socket Mode or HTTP mode, shards below their count) is checked after, in code.
 */
export const environmentSchema = z.object({
  SLACK_BOT_TOKEN: variable(z.string().startsWith('xoxb-'), 'a bot token starting with xoxb-', { secret: true }),
  SLACK_APP_TOKEN: variable(z.string().startsWith('xapp-'), 'an app-level token starting with xapp- (Socket Mode)', { secret: true }),
  SLACK_SIGNING_SECRET: variable(z.string(), 'the signing secret from Basic Information', { secret: true }),
  PORT: variable(decimal(0, 65535), PORT_EXPECTS),
  SLACK_API_URL: variable(z.string().refine(isHttpUrl), 'an http(s) URL'),
  DISCORD_TOKEN: variable(z.string(), 'the bot token from the Discord developer portal', { secret: true }),
  DISCORD_APPLICATION_ID: variable(z.string().regex(/^\d{15,22}$/), 'a Discord snowflake id (digits only)'),
  DISCORD_GUILD_ID: variable(z.string().regex(/^\d{15,22}$/), 'a Discord snowflake id (digits only)'),
  DISCORD_API_URL: variable(z.string().refine(isHttpUrl), 'an http(s) URL'),
  DISCORD_SHARD_COUNT: variable(decimal(1, Number.MAX_SAFE_INTEGER), 'a positive whole number (the total number of shards)'),
  DISCORD_SHARD_IDS: variable(
    z.string().regex(/^\d{1,9}(\s*,\s*\d{1,9})*$/).transform((ids) => ids.split(',').map((id) => Number(id.trim()))),
    'comma-separated shard numbers such as 0,2',
  ),
  HEALTH_PORT: variable(decimal(0, 65535), PORT_EXPECTS),
  RIGHTS_STATE_DIR: variable(z.string(), 'a folder the bot can write to'),
  DATABASE_URL: variable(
    z.string().refine(isPostgresUrl),
    'a PostgreSQL URL such as postgres://user:password@host:5432/rights (leave it unset to keep state in files)',
    { secret: true },
  ),
  RIGHTS_CONFIG: variable(z.string(), 'the path of a YAML file declaring digest targets'),
  LOG_FORMAT: variable(z.enum(['text', 'json']), 'text (one readable line per event, the default) or json (one JSON object per line)'),
  RIGHTS_DEBUG: variable(
    z.string().transform((value) => value.toLowerCase()).pipe(z.enum(Object.keys(BOOLEAN_WORDS) as [keyof typeof BOOLEAN_WORDS])).transform((word) => BOOLEAN_WORDS[word]),
    '1 (show stack traces of internal errors) or 0',
  ),
});

/** The environment as checked: each variable typed, undefined when unset. */
export type Environment = z.output<typeof environmentSchema>;
export type VariableName = keyof Environment;

/** Tokens pasted into the wrong variable: Slack's prefixed tokens, Discord's three-part token, long random runs, URL credentials. */
export function looksSecret(value: string): boolean {
  return looksLikeSecret(value);
}

/** A value for an error message, quoted; never a value that looks like a secret. */
export function shown(value: string): string {
  return looksSecret(value) ? '(a value that looks like a secret; not shown)' : `"${value}"`;
}

/** A path for an error message, quoted; hidden only when it holds a token (paths often look random). */
export function shownPath(path: string): string {
  return looksLikeToken(path) ? '(a value that looks like a secret; not shown)' : `"${path}"`;
}

/** "NAME must be <what it expects>, got <value>"; the value left out when the variable holds a secret. */
function invalid(name: VariableName, raw: string | undefined): ConfigError {
  const meta = environmentSchema.shape[name].meta() ?? {};
  const expects = String(meta.description ?? 'valid');
  const value = unsetIfBlank(raw);
  const got = meta.secret === true || value === undefined ? '' : `, got ${shown(value)}`;
  return new ConfigError(`${name} must be ${expects}${got}`);
}

/** One variable, checked against its schema; undefined when unset. Exported for other readers of the environment. */
export function readVariable<K extends VariableName>(env: Env, name: K): Environment[K] {
  const parsed = environmentSchema.shape[name].safeParse(env[name]);
  if (!parsed.success) throw invalid(name, env[name]);
  return parsed.data as Environment[K];
}

/** Every variable at once: the first one that is set but malformed is reported, even one no adapter uses. */
export function checkEnvironment(env: Env): Environment {
  const parsed = environmentSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const name = parsed.error.issues[0]?.path[0] as VariableName;
  throw invalid(name, env[name]);
}

export function readSlackConfig(env: Env): SlackConfig | undefined {
  const oauth = readSlackOAuth(env); if (oauth) return oauth;
  const botToken = readVariable(env, 'SLACK_BOT_TOKEN');
  const appToken = readVariable(env, 'SLACK_APP_TOKEN');
  const signingSecret = readVariable(env, 'SLACK_SIGNING_SECRET');
  if (!botToken && !appToken && !signingSecret) return undefined;
  if (!botToken) throw new ConfigError('Set SLACK_BOT_TOKEN (the xoxb-… bot token from your Slack app’s OAuth page)');
  let apiUrl = readVariable(env, 'SLACK_API_URL');
  if (apiUrl && !apiUrl.endsWith('/')) apiUrl += '/';
  if (appToken) return { botToken, mode: { type: 'socket', appToken }, apiUrl };
  if (!signingSecret) throw new ConfigError('Set SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode)');
  return { botToken, mode: { type: 'http', signingSecret, port: readVariable(env, 'PORT') ?? 3000 }, apiUrl };
}

export function readDiscordConfig(env: Env): DiscordConfig | undefined {
  const token = readVariable(env, 'DISCORD_TOKEN');
  const applicationId = readVariable(env, 'DISCORD_APPLICATION_ID');
  const guildId = readVariable(env, 'DISCORD_GUILD_ID');
  const shards = discordShards(env);
  if (!token) {
    if (applicationId || guildId || shards) throw new ConfigError('Set DISCORD_TOKEN (the bot token from the Discord developer portal)');
    return undefined;
  }
  return { token, applicationId, guildId, apiUrl: readVariable(env, 'DISCORD_API_URL'), ...(shards && { shards }) };
}

/** DISCORD_SHARD_IDS (e.g. `0,2`) of DISCORD_SHARD_COUNT shards in all. https://discord.com/developers/docs/events/gateway#sharding */
function discordShards(env: Env): DiscordConfig['shards'] {
  const count = readVariable(env, 'DISCORD_SHARD_COUNT');
  const ids = readVariable(env, 'DISCORD_SHARD_IDS');
  if (ids === undefined && count === undefined) return undefined;
  if (count === undefined) throw new ConfigError('Set DISCORD_SHARD_COUNT (the total number of shards across all replicas) when DISCORD_SHARD_IDS is set');
  if (ids === undefined) return { count };
  const tooBig = ids.find((id) => id >= count);
  if (tooBig !== undefined) throw new ConfigError(`DISCORD_SHARD_IDS must be below DISCORD_SHARD_COUNT (${count}): shards are numbered 0 to ${count - 1}, got ${tooBig}`);
  if (new Set(ids).size !== ids.length) throw new ConfigError(`DISCORD_SHARD_IDS must not repeat a shard, got ${shown(unsetIfBlank(env.DISCORD_SHARD_IDS) ?? '')}`);
  return { ids, count };
}

export function readConfig(env: Env): Config {
  const checked = checkEnvironment(env);
  return {
    slack: readSlackConfig(env),
    discord: readDiscordConfig(env),
    stateDir: checked.DATABASE_URL === undefined ? stateDir(checked.RIGHTS_STATE_DIR) : checked.RIGHTS_STATE_DIR,
    configFile: checked.RIGHTS_CONFIG,
    healthPort: checked.HEALTH_PORT,
    databaseUrl: checked.DATABASE_URL,
    ...(checked.LOG_FORMAT !== undefined && { logFormat: checked.LOG_FORMAT }),
    ...(checked.RIGHTS_DEBUG !== undefined && { debug: checked.RIGHTS_DEBUG }),
  };
}

/**
 * RIGHTS_STATE_DIR, checked without creating anything: it must be a folder the bot can write to, or not
 * exist yet under one (the files store creates it). Not checked with DATABASE_URL, which leaves it unused.
 */
function stateDir(path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  const problem = folderProblem(path);
  if (problem) throw new ConfigError(`RIGHTS_STATE_DIR must be a folder the bot can write to: ${problem}`);
  return path;
}

/** Why `path` cannot be (or become) a writable folder, or undefined when it can. */
export function folderProblem(path: string): string | undefined {
  const target = resolve(path);
  for (let current = target; ; ) {
    let isFolder: boolean;
    try {
      isFolder = statSync(current).isDirectory();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const parent = dirname(current);
      if ((code === 'ENOENT' || code === 'ENOTDIR') && parent !== current) {
        current = parent;
        continue;
      }
      return `${shownPath(current)} cannot be read (${code ?? 'error'})`;
    }
    if (!isFolder) return current === target ? `${shownPath(path)} is a file` : `${shownPath(current)} is a file, so nothing can be created under it`;
    try {
      accessSync(current, constants.W_OK | constants.X_OK);
    } catch (error) {
      return `${shownPath(current)} cannot be written to (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
    }
    return undefined;
  }
}
