// Slack for any workspace (OAuth): the variables that turn it on, read and checked once at start-up. Kept
// apart from config.ts, which calls readSlackOAuth() first in readSlackConfig(). Errors name the variable and
// never echo a value. https://docs.slack.dev/authentication/installing-with-oauth
import { ConfigError } from '../config.js';
import { KEY_BYTES } from './sealed.js';

type Env = Record<string, string | undefined>;

/** What OAuth mode needs beyond HTTP mode. */
export interface SlackOAuthSettings {
  /** SLACK_CLIENT_ID and SLACK_CLIENT_SECRET (Basic Information → App Credentials). */
  clientId: string;
  clientSecret: string;
  /** SLACK_STATE_SECRET: signs the OAuth `state` (Bolt's state cookie) against forged installs. */
  stateSecret: string;
  /** RIGHTS_ENCRYPTION_KEY, decoded: seals each workspace's installation (its bot token) at rest. */
  encryptionKey: Buffer;
  /** RIGHTS_ENCRYPTION_KEY_PREVIOUS, decoded: still opens installations sealed before a key rotation. */
  previousEncryptionKey?: Buffer;
  /** SLACK_REDIRECT_URI (optional): the public …/slack/oauth_redirect, needed when the app lists several. */
  redirectUri?: string;
}

/** The Slack configuration in OAuth mode: HTTP mode, no bot token (each workspace's comes from its installation). */
export interface SlackOAuthConfig {
  botToken?: undefined;
  mode: { type: 'http'; signingSecret: string; port: number };
  /** Web API base URL (SLACK_API_URL, ending with /); also the host of Slack's authorize page. */
  apiUrl?: string;
  oauth: SlackOAuthSettings;
}

/** Where Slack sends the installer back (Bolt's default path, served beside /slack/events). */
export const REDIRECT_PATH = '/slack/oauth_redirect';
const OAUTH_VARIABLES = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;
const KEY_HINT = `${KEY_BYTES} random bytes written as base64, e.g. the output of \`openssl rand -base64 ${KEY_BYTES}\``;

function get(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** OAuth mode's configuration when any of its variables is set; undefined otherwise (single-workspace mode). */
export function readSlackOAuth(env: Env): SlackOAuthConfig | undefined {
  if (OAUTH_VARIABLES.every((name) => get(env, name) === undefined)) return undefined;
  const missing = OAUTH_VARIABLES.find((name) => get(env, name) === undefined);
  if (missing) throw new ConfigError(`Set ${missing}: Slack for any workspace (OAuth) needs ${OAUTH_VARIABLES.join(', ')} (Basic Information → App Credentials; the state secret is any long random string)`);
  if (get(env, 'SLACK_BOT_TOKEN')) {
    throw new ConfigError('SLACK_BOT_TOKEN and SLACK_CLIENT_ID are both set: unset SLACK_BOT_TOKEN to serve any workspace (OAuth), or the SLACK_CLIENT_* variables to serve one');
  }
  if (get(env, 'SLACK_APP_TOKEN')) throw new ConfigError('Slack OAuth (SLACK_CLIENT_ID) runs in HTTP mode: unset SLACK_APP_TOKEN and set SLACK_SIGNING_SECRET');
  const signingSecret = get(env, 'SLACK_SIGNING_SECRET');
  if (!signingSecret) throw new ConfigError('Set SLACK_SIGNING_SECRET (Basic Information → Signing Secret): Slack OAuth (SLACK_CLIENT_ID) runs in HTTP mode');
  const stateSecret = get(env, 'SLACK_STATE_SECRET') ?? '';
  if (stateSecret.length < 16) throw new ConfigError('SLACK_STATE_SECRET must be at least 16 characters long (e.g. the output of `openssl rand -hex 32`)');
  const previous = get(env, 'RIGHTS_ENCRYPTION_KEY_PREVIOUS');
  const redirectUri = httpUrl(env, 'SLACK_REDIRECT_URI');
  if (redirectUri !== undefined && !new URL(redirectUri).pathname.endsWith(REDIRECT_PATH)) {
    throw new ConfigError(`SLACK_REDIRECT_URI must end with ${REDIRECT_PATH}, e.g. https://rights.example.org${REDIRECT_PATH}`);
  }
  let apiUrl = httpUrl(env, 'SLACK_API_URL');
  if (apiUrl && !apiUrl.endsWith('/')) apiUrl += '/';
  return {
    mode: { type: 'http', signingSecret, port: port(env, 'PORT', 3000) },
    apiUrl,
    oauth: {
      clientId: get(env, 'SLACK_CLIENT_ID') ?? '',
      clientSecret: get(env, 'SLACK_CLIENT_SECRET') ?? '',
      stateSecret,
      encryptionKey: encryptionKey(env, 'RIGHTS_ENCRYPTION_KEY'),
      ...(previous !== undefined ? { previousEncryptionKey: encryptionKey(env, 'RIGHTS_ENCRYPTION_KEY_PREVIOUS') } : {}),
      ...(redirectUri !== undefined ? { redirectUri } : {}),
    },
  };
}

/** A 32-byte key written as base64 (standard or URL-safe, padded or not). The value is never shown. */
function encryptionKey(env: Env, name: string): Buffer {
  const value = get(env, name);
  if (value === undefined) throw new ConfigError(`Set ${name}: Slack OAuth keeps each workspace's token encrypted with it (${KEY_HINT})`);
  const bytes = /^[A-Za-z0-9+/_-]+={0,2}$/.test(value) ? Buffer.from(value, 'base64') : Buffer.alloc(0);
  if (bytes.length !== KEY_BYTES) throw new ConfigError(`${name} must be ${KEY_HINT}; the value set is not (not shown)`);
  return bytes;
}

/** An http(s) URL; the value is not shown (a URL may carry credentials). */
function httpUrl(env: Env, name: string): string | undefined {
  const value = get(env, name);
  if (value === undefined) return undefined;
  let parsed: URL | undefined;
  try {
    parsed = new URL(value);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) throw new ConfigError(`${name} must be an http(s) URL`);
  return value;
}

function port(env: Env, name: string, fallback: number): number {
  const value = get(env, name);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new ConfigError(`${name} must be a port number (0–65535)`);
  return n;
}
