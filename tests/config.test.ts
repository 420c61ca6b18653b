// Configuration is read once from the environment; errors name the variable and what it expects.
import { describe, expect, it } from 'vitest';
import { readConfig } from '../adapters/config.js';

describe('configuration', () => {
  it('starts with nothing configured: the console chat', () => {
    expect(readConfig({})).toEqual({ slack: undefined, discord: undefined, stateDir: undefined, configFile: undefined });
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
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', PORT: 'eighty' }, 'PORT must be a port number (0–65535), got "eighty"'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'slack.com' }, 'SLACK_API_URL must be an http(s) URL, got "slack.com"'],
    [{ DISCORD_GUILD_ID: '123456789012345678' }, 'Set DISCORD_TOKEN'],
    [{ DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: 'my-app' }, 'DISCORD_APPLICATION_ID must be a Discord snowflake id (digits only), got "my-app"'],
    [{ DISCORD_TOKEN: 't', DISCORD_API_URL: 'ftp://x' }, 'DISCORD_API_URL must be an http(s) URL, got "ftp://x"'],
  ])('%j → %s', (env, message) => {
    expect(() => readConfig(env)).toThrow(message);
  });

  it('never puts a secret in an error message', () => {
    try {
      readConfig({ SLACK_BOT_TOKEN: 'xoxp-secret-value', SLACK_SIGNING_SECRET: 'another-secret' });
    } catch (error) {
      expect((error as Error).message).not.toContain('secret-value');
      expect((error as Error).message).not.toContain('another-secret');
    }
  });
});
