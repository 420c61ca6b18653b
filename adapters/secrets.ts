// What a secret looks like, for the two places that must never show one: configuration errors
// (config.ts) and log lines (logging.ts). Patterns, not a list of known values: a token pasted into the
// wrong variable, or carried inside an error message, is caught all the same.

/** Slack's prefixed tokens (xoxb-, xoxp-, xapp-…), whole or inside a longer text. */
const SLACK_TOKEN = /\b(?:xox[a-z]|xapp)-[A-Za-z0-9-]+/gi;
/** Discord's three-part bot token (base64 user id . timestamp . HMAC). */
const DISCORD_TOKEN = /[\w-]{20,}\.[\w-]{5,}\.[\w-]{20,}/g;
/** Credentials in a URL: scheme://user:password@host. */
const URL_CREDENTIALS = /(\/\/[^/@\s:]+:)[^/@\s]+@/g;
/** An Authorization header's value: `Bot …`, `Bearer …`, `Basic …`. */
const AUTH_SCHEME = /\b(Bot|Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g;
/**
 * A long run of letters and digits mixed (keys, signing secrets, interaction tokens). Without `/`, which
 * would take whole file paths (/tmp/ci-4f2a9c/main/rights.yaml) for secrets.
 */
const RANDOM_RUN = /(?=[A-Za-z0-9_+=-]*\d)(?=[A-Za-z0-9_+=-]*[A-Za-z])[A-Za-z0-9_+=-]{32,}/g;

/** Tokens pasted into the wrong variable: Slack's prefixed tokens, Discord's three-part token, long random runs, URL credentials. */
export function looksSecret(value: string): boolean {
  return (
    /^(xox[a-z]|xapp)-/i.test(value) ||
    /[\w-]{20,}\.[\w-]{5,}\.[\w-]{20,}/.test(value) ||
    /\/\/[^/@\s]+:[^/@\s]+@/.test(value) ||
    /(?=[A-Za-z0-9_+/=-]*\d)(?=[A-Za-z0-9_+/=-]*[A-Za-z])[A-Za-z0-9_+/=-]{24,}/.test(value)
  );
}

/** A token by its shape alone (no "long random run": paths such as /tmp/rights-8fK2x9/state have those). */
export function looksLikeToken(value: string): boolean {
  return /(^|[^\w-])(xox[a-z]|xapp)-/i.test(value) || /[\w-]{20,}\.[\w-]{5,}\.[\w-]{20,}/.test(value) || /\/\/[^/@\s]+:[^/@\s]+@/.test(value);
}

export const REDACTED = '[redacted]';

/** A text with every token-looking part replaced by [redacted] (the rest kept, so a log line still reads). */
export function redactSecrets(text: string): string {
  return text
    .replace(SLACK_TOKEN, REDACTED)
    .replace(DISCORD_TOKEN, REDACTED)
    .replace(URL_CREDENTIALS, `$1${REDACTED}@`)
    .replace(AUTH_SCHEME, `$1 ${REDACTED}`)
    .replace(RANDOM_RUN, REDACTED);
}

/**
 * Field names whose value is a secret whatever it looks like (compared without case, `_` or `-`):
 * a signing secret such as "s3cr3t" matches no pattern, but never goes into a log under these names.
 */
export const SECRET_FIELDS = [
  'token',
  'botToken',
  'appToken',
  'userToken',
  'accessToken',
  'refreshToken',
  'signingSecret',
  'clientSecret',
  'stateSecret',
  'secret',
  'password',
  'authorization',
  'cookie',
  'encryptionKey',
  'previousEncryptionKey',
  'databaseUrl',
  'connectionString',
  'apiKey',
] as const;

const SECRET_FIELD_KEYS = new Set(SECRET_FIELDS.map((name) => normalize(name)));

function normalize(name: string): string {
  return name.toLowerCase().replace(/[_-]/g, '');
}

/** Whether a field of that name holds a secret (`token`, `SLACK_BOT_TOKEN`, `Authorization`, `database_url`…). */
export function isSecretField(name: string): boolean {
  const key = normalize(name);
  return SECRET_FIELD_KEYS.has(key) || key.endsWith('token') || key.endsWith('secret') || key.endsWith('password');
}
