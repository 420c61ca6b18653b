// Configuration is read once from the environment; errors name the variable and what it expects.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEnvironment, environmentSchema, readConfig, readSlackConfig } from '../adapters/config.js';

describe('configuration', () => {
  it('starts with nothing configured: the console chat', () => {
    expect(readConfig({})).toEqual({ slack: undefined, discord: undefined, stateDir: undefined, configFile: undefined });
  });

  it('reads DATABASE_URL, and rejects anything but a PostgreSQL URL without echoing it', () => {
    expect(readConfig({ DATABASE_URL: 'postgres://rights:pw@db.example.org:5432/rights' }).databaseUrl).toBe('postgres://rights:pw@db.example.org:5432/rights');
    expect(readConfig({ DATABASE_URL: 'postgresql://db/rights?sslmode=require' }).databaseUrl).toBe('postgresql://db/rights?sslmode=require');
    expect(readConfig({ DATABASE_URL: '' }).databaseUrl).toBeUndefined();
    for (const bad of ['xoxb-123-456-secretsecret', 'mysql://u:hunter2@h/db', 'not a url with hunter2']) {
      expect(() => readConfig({ DATABASE_URL: bad })).toThrow(/^\[config\] DATABASE_URL must be a PostgreSQL URL/);
      try {
        readConfig({ DATABASE_URL: bad });
      } catch (error) {
        expect((error as Error).message).not.toContain(bad);
        expect((error as Error).message).not.toContain('hunter2');
      }
    }
  });

  it('treats empty variables as unset', () => {
    expect(readConfig({ SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '  ', DISCORD_TOKEN: '', RIGHTS_STATE_DIR: '' })).toEqual(readConfig({}));
  });

  it('chooses Socket Mode with an app token and HTTP mode with a signing secret', () => {
    expect(readConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slack).toEqual({ botToken: 'xoxb-1', mode: { type: 'socket', appToken: 'xapp-1' }, apiUrl: undefined });
    expect(readConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'http://127.0.0.1:9/api' }).slack).toEqual({
      botToken: 'xoxb-1',
      mode: { type: 'http', signingSecret: 's', port: 3000 },
      apiUrl: 'http://127.0.0.1:9/api/',
    });
  });

  it.each([
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'Set SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode)'],
    [{ SLACK_SIGNING_SECRET: 's' }, 'Set SLACK_BOT_TOKEN'],
    [{ SLACK_BOT_TOKEN: 'xoxp-user', SLACK_SIGNING_SECRET: 's' }, 'SLACK_BOT_TOKEN must be a bot token starting with xoxb-'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-2' }, 'SLACK_APP_TOKEN must be an app-level token starting with xapp-'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', PORT: 'eighty' }, 'PORT must be a port number: digits only, from 1 to 65535 (0 lets the system pick a free port), got "eighty"'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'slack.com' }, 'SLACK_API_URL must be an http(s) URL, got "slack.com"'],
    [{ DISCORD_GUILD_ID: '123456789012345678' }, 'Set DISCORD_TOKEN'],
    [{ DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: 'my-app' }, 'DISCORD_APPLICATION_ID must be a Discord snowflake id (digits only), got "my-app"'],
    [{ DISCORD_TOKEN: 't', DISCORD_API_URL: 'ftp://x' }, 'DISCORD_API_URL must be an http(s) URL, got "ftp://x"'],
  ])('%j → %s', (env, message) => {
    expect(() => readConfig(env)).toThrow(message);
  });

  it('reads Discord shards: DISCORD_SHARD_IDS of DISCORD_SHARD_COUNT, or every shard with the count alone', () => {
    expect(readConfig({ DISCORD_TOKEN: 't', DISCORD_SHARD_IDS: '0, 2', DISCORD_SHARD_COUNT: '3' }).discord?.shards).toEqual({ ids: [0, 2], count: 3 });
    expect(readConfig({ DISCORD_TOKEN: 't', DISCORD_SHARD_COUNT: '4' }).discord?.shards).toEqual({ count: 4 });
    expect(readConfig({ DISCORD_TOKEN: 't' }).discord?.shards).toBeUndefined();
  });

  it('reads HEALTH_PORT', () => {
    expect(readConfig({ HEALTH_PORT: '8081' }).healthPort).toBe(8081);
    expect(readConfig({ HEALTH_PORT: '' }).healthPort).toBeUndefined();
  });

  it.each([
    [{ DISCORD_TOKEN: 't', DISCORD_SHARD_IDS: '0,1' }, 'Set DISCORD_SHARD_COUNT (the total number of shards across all replicas) when DISCORD_SHARD_IDS is set'],
    [{ DISCORD_TOKEN: 't', DISCORD_SHARD_COUNT: '0' }, 'DISCORD_SHARD_COUNT must be a positive whole number (the total number of shards), got "0"'],
    [{ DISCORD_TOKEN: 't', DISCORD_SHARD_COUNT: '2.5' }, 'DISCORD_SHARD_COUNT must be a positive whole number (the total number of shards), got "2.5"'],
    [{ DISCORD_TOKEN: 't', DISCORD_SHARD_IDS: '0,two', DISCORD_SHARD_COUNT: '3' }, 'DISCORD_SHARD_IDS must be comma-separated shard numbers such as 0,2, got "0,two"'],
    [{ DISCORD_TOKEN: 't', DISCORD_SHARD_IDS: '-1', DISCORD_SHARD_COUNT: '3' }, 'DISCORD_SHARD_IDS must be comma-separated shard numbers such as 0,2, got "-1"'],
    [{ DISCORD_TOKEN: 't', DISCORD_SHARD_IDS: '0,3', DISCORD_SHARD_COUNT: '3' }, 'DISCORD_SHARD_IDS must be below DISCORD_SHARD_COUNT (3): shards are numbered 0 to 2, got 3'],
    [{ DISCORD_TOKEN: 't', DISCORD_SHARD_IDS: '1,1', DISCORD_SHARD_COUNT: '3' }, 'DISCORD_SHARD_IDS must not repeat a shard, got "1,1"'],
    [{ DISCORD_SHARD_COUNT: '2' }, 'Set DISCORD_TOKEN'],
    [{ HEALTH_PORT: 'health' }, 'HEALTH_PORT must be a port number: digits only, from 1 to 65535 (0 lets the system pick a free port), got "health"'],
  ])('%j → %s', (env, message) => {
    expect(() => readConfig(env)).toThrow(message);
  });

  it('never echoes a value that looks like a secret, even in the wrong variable', () => {
    const cases = [
      { DISCORD_TOKEN: 't', DISCORD_SHARD_COUNT: 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz0123' },
      { DISCORD_TOKEN: 't', DISCORD_SHARD_IDS: 'xoxb-1234-5678-abcdefghijkl', DISCORD_SHARD_COUNT: '2' },
      { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', PORT: '8f3a9c0d1e2b4a5f6c7d8e9f0a1b2c3d' },
      { DISCORD_TOKEN: 't', DISCORD_API_URL: 'ftp://proxy-user:hunter2@proxy.example' },
    ];
    for (const env of cases) {
      const message = (() => {
        try {
          readConfig(env);
        } catch (error) {
          return (error as Error).message;
        }
        throw new Error(`no error for ${Object.keys(env).join(', ')}`);
      })();
      expect(message).toContain('(a value that looks like a secret; not shown)');
      for (const value of Object.values(env)) if (value.length > 2) expect(message).not.toContain(value);
      expect(message).not.toContain('hunter2');
    }
  });

  it('never puts a secret in an error message', () => {
    try {
      readConfig({ SLACK_BOT_TOKEN: 'xoxp-secret-value', SLACK_SIGNING_SECRET: 'another-secret' });
    } catch (error) {
      expect((error as Error).message).not.toContain('secret-value');
      expect((error as Error).message).not.toContain('another-secret');
    }
  });

  it.each([
    ['PORT', '1e3'],
    ['PORT', '0x50'],
    ['PORT', '80.5'],
    ['PORT', '+80'],
    ['PORT', '-1'],
    ['PORT', '65536'],
    ['PORT', '80 90'],
    ['HEALTH_PORT', '8e3'],
    ['HEALTH_PORT', 'Infinity'],
  ])('rejects %s=%s: decimal digits only, 1–65535', (name, value) => {
    const env = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', [name]: value };
    expect(() => readConfig(env)).toThrow(`[config] ${name} must be a port number: digits only, from 1 to 65535 (0 lets the system pick a free port), got "${value}"`);
  });

  it('reads decimal ports, surrounding spaces trimmed, and 0 for a free port (tests)', () => {
    const http = (port: string) => readSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', PORT: port })?.mode;
    expect(http('8080')).toMatchObject({ port: 8080 });
    expect(http(' 443 ')).toMatchObject({ port: 443 });
    expect(http('0')).toMatchObject({ port: 0 });
    expect(http('')).toMatchObject({ port: 3000 });
  });

  it('checks every variable that is set, even one no adapter uses (PORT without Slack)', () => {
    expect(() => readConfig({ PORT: '1e3' })).toThrow('PORT must be a port number');
    expect(() => readConfig({ DISCORD_TOKEN: 't', SLACK_API_URL: 'slack.com' })).toThrow('SLACK_API_URL must be an http(s) URL, got "slack.com"');
  });

  it('has one schema for the whole environment, each variable saying what it expects', () => {
    for (const [name, schema] of Object.entries(environmentSchema.shape)) {
      expect(schema.meta()?.description, name).toEqual(expect.any(String));
    }
    expect(checkEnvironment({ PORT: '8080', DISCORD_SHARD_IDS: '0, 2', LOG_FORMAT: 'json', RIGHTS_DEBUG: '1', UNRELATED: 'x' })).toMatchObject({
      PORT: 8080,
      DISCORD_SHARD_IDS: [0, 2],
      LOG_FORMAT: 'json',
      RIGHTS_DEBUG: true,
    });
  });

  it('reads LOG_FORMAT and RIGHTS_DEBUG strictly', () => {
    expect(readConfig({ LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(readConfig({ LOG_FORMAT: 'text' }).logFormat).toBe('text');
    expect(readConfig({}).logFormat).toBeUndefined();
    expect(() => readConfig({ LOG_FORMAT: 'JSON-lines' })).toThrow('LOG_FORMAT must be text (one readable line per event, the default) or json (one JSON object per line), got "JSON-lines"');
    expect(readConfig({ RIGHTS_DEBUG: '1' }).debug).toBe(true);
    expect(readConfig({ RIGHTS_DEBUG: 'off' }).debug).toBe(false);
    expect(() => readConfig({ RIGHTS_DEBUG: 'verbose' })).toThrow('RIGHTS_DEBUG must be 1 (show stack traces of internal errors) or 0, got "verbose"');
  });

  it('names RIGHTS_STATE_DIR when it is a file, or under one, instead of failing later in mkdir', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rights-config-'));
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    expect(() => readConfig({ RIGHTS_STATE_DIR: file })).toThrow(`[config] RIGHTS_STATE_DIR must be a folder the bot can write to: "${file}" is a file`);
    expect(() => readConfig({ RIGHTS_STATE_DIR: join(file, 'state') })).toThrow(`[config] RIGHTS_STATE_DIR must be a folder the bot can write to: "${file}" is a file, so nothing can be created under it`);
    // A folder that does not exist yet, under one that does, is fine: the files store creates it.
    expect(readConfig({ RIGHTS_STATE_DIR: join(dir, 'state', 'deeper') }).stateDir).toBe(join(dir, 'state', 'deeper'));
    // Unused with DATABASE_URL, so not checked then.
    expect(readConfig({ RIGHTS_STATE_DIR: file, DATABASE_URL: 'postgres://db/rights' }).stateDir).toBe(file);
  });

  it.skipIf(process.getuid?.() === 0)('names RIGHTS_STATE_DIR when the folder cannot be written to', async () => {
    const { chmodSync } = await import('node:fs');
    const dir = mkdtempSync(join(tmpdir(), 'rights-config-'));
    chmodSync(dir, 0o500);
    expect(() => readConfig({ RIGHTS_STATE_DIR: join(dir, 'state') })).toThrow(/RIGHTS_STATE_DIR must be a folder the bot can write to: ".*" cannot be written to \(EACCES\)/);
  });

  it('never echoes a token given to a variable that holds one, whatever is wrong with it', () => {
    for (const env of [
      { SLACK_BOT_TOKEN: 'xoxp-0000-secret-value', SLACK_SIGNING_SECRET: 's' },
      { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-2-secret-value' },
      { DATABASE_URL: 'mysql://rights:hunter2@db/rights' },
    ]) {
      expect(() => readConfig(env)).toThrow(/^\[config\] \w+ must be /);
      try {
        readConfig(env);
      } catch (error) {
        expect((error as Error).message).not.toMatch(/secret-value|hunter2/);
      }
    }
  });
});
