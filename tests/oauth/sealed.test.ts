// Sealing at rest (AES-256-GCM): round trip, tampering and the wrong key refused, key rotation through the
// installation store; OAuth mode's configuration (variables named, values never echoed); scopes = manifest.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Installation } from '@slack/bolt';
import { ConfigError, readSlackConfig } from '../../adapters/config.js';
import { createInstallationStore, workspaceId } from '../../adapters/slack/installations.js';
import { authorizeUrlFor, BOT_SCOPES } from '../../adapters/slack/oauth.js';
import { createSealer, SealError } from '../../adapters/slack/sealed.js';
import { ROOT } from '../helpers.js';
import { MemoryStore } from '../store/memory.js';
import { recordingLogger, type LogLine } from '../slack/harness.js';

const key = () => randomBytes(32);
const TOKEN = 'xoxb-1111-2222-sealed-token-value';

function refusal(work: () => unknown): SealError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(SealError);
    return error as SealError;
  }
  throw new Error('expected a SealError');
}

describe('sealing', () => {
  it('round-trips, with a fresh IV each time and nothing of the plaintext in the sealed value', () => {
    const sealer = createSealer(key());
    const a = sealer.seal(TOKEN, 'T0ALPHA');
    const b = sealer.seal(TOKEN, 'T0ALPHA');
    expect(a).not.toBe(b);
    expect(sealer.open(a, 'T0ALPHA')).toEqual({ plaintext: TOKEN, stale: false });
    for (const shown of [TOKEN, Buffer.from(TOKEN).toString('hex'), Buffer.from(TOKEN).toString('base64'), Buffer.from(TOKEN).toString('base64url')]) {
      expect(a).not.toContain(shown);
    }
    expect(a).toMatch(/^v1\.[\w-]{11}\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
  });

  it('detects tampering: any changed byte of IV, tag or ciphertext, or another id', () => {
    const sealer = createSealer(key());
    const sealed = sealer.seal(TOKEN, 'T0ALPHA');
    const parts = sealed.split('.');
    for (const field of [2, 3, 4]) {
      const bytes = Buffer.from(parts[field] ?? '', 'base64url');
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      const altered = parts.map((part, i) => (i === field ? bytes.toString('base64url') : part)).join('.');
      expect(refusal(() => sealer.open(altered, 'T0ALPHA')).code).toBe('SEAL_TAMPERED');
    }
    // Copied to another workspace's row, it does not open: the id is authenticated.
    expect(refusal(() => sealer.open(sealed, 'T0BRAVO')).code).toBe('SEAL_TAMPERED');
    expect(refusal(() => sealer.open('v1.garbage', 'T0ALPHA')).code).toBe('SEAL_FORMAT');
  });

  it('refuses the wrong key, even with the key id forged', () => {
    const sealed = createSealer(key()).seal(TOKEN, 'T0ALPHA');
    const other = createSealer(key());
    expect(refusal(() => other.open(sealed, 'T0ALPHA')).code).toBe('SEAL_UNKNOWN_KEY');
    const forged = other.seal('x', 'T0ALPHA').split('.')[1];
    const withForgedId = sealed.split('.').map((part, i) => (i === 1 ? forged : part)).join('.');
    expect(refusal(() => other.open(withForgedId, 'T0ALPHA')).code).toBe('SEAL_TAMPERED');
  });

  it('rotates keys: the previous key still opens (stale), and the installation store re-seals with the new one', async () => {
    const oldKey = key();
    const newKey = key();
    const store = new MemoryStore();
    const logs: LogLine[] = [];
    const installation = { team: { id: 'T0ALPHA' }, enterprise: undefined, user: { id: 'U1', token: undefined, scopes: undefined }, bot: { token: TOKEN, scopes: [], id: 'B1', userId: 'U2' } } as Installation;
    await createInstallationStore(store, createSealer(oldKey), recordingLogger(logs)).storeInstallation(installation);
    const sealedBefore = await store.getInstallation('T0ALPHA');

    const rotated = createInstallationStore(store, createSealer(newKey, [oldKey]), recordingLogger(logs));
    expect((await rotated.fetchById('T0ALPHA')).bot?.token).toBe(TOKEN);
    const sealedAfter = await store.getInstallation('T0ALPHA');
    expect(sealedAfter).not.toBe(sealedBefore);
    // Re-sealed: the new key alone opens it now, the old one no longer does.
    expect(createSealer(newKey).open(sealedAfter ?? '', 'T0ALPHA').stale).toBe(false);
    expect(refusal(() => createSealer(oldKey).open(sealedAfter ?? '', 'T0ALPHA')).code).toBe('SEAL_UNKNOWN_KEY');
    // Without the previous key, an old installation says which variable to set.
    await createInstallationStore(store, createSealer(oldKey), recordingLogger(logs)).storeInstallation(installation);
    await expect(createInstallationStore(store, createSealer(newKey), recordingLogger(logs)).fetchById('T0ALPHA')).rejects.toThrow(/RIGHTS_ENCRYPTION_KEY_PREVIOUS/);
    expect(JSON.stringify(logs)).not.toContain(TOKEN);
  });

  it('keys an installation by enterprise id for an org-wide install, by team id otherwise', () => {
    expect(workspaceId({ teamId: 'T1', enterpriseId: 'E1', isEnterpriseInstall: true })).toBe('E1');
    expect(workspaceId({ teamId: 'T1', enterpriseId: 'E1', isEnterpriseInstall: false })).toBe('T1');
    expect(workspaceId({ teamId: 'T1' })).toBe('T1');
  });
});

describe('OAuth configuration', () => {
  const KEY = randomBytes(32).toString('base64');
  const oauthEnv = {
    SLACK_CLIENT_ID: '1111.2222',
    SLACK_CLIENT_SECRET: 'client-secret-value-0123',
    SLACK_STATE_SECRET: 'state-secret-value-0123456789',
    SLACK_SIGNING_SECRET: 'signing-secret-value',
    RIGHTS_ENCRYPTION_KEY: KEY,
  };

  function configError(env: Record<string, string | undefined>): string {
    try {
      readSlackConfig(env);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
    throw new Error('expected a ConfigError');
  }

  it('reads OAuth mode: HTTP, no bot token, the key decoded', () => {
    const config = readSlackConfig({ ...oauthEnv, PORT: '0', SLACK_REDIRECT_URI: 'https://rights.example.org/slack/oauth_redirect' });
    expect(config?.botToken).toBeUndefined();
    expect(config?.mode).toEqual({ type: 'http', signingSecret: 'signing-secret-value', port: 0 });
    expect(config?.oauth?.encryptionKey.toString('base64')).toBe(KEY);
    expect(config?.oauth?.redirectUri).toBe('https://rights.example.org/slack/oauth_redirect');
  });

  it.each([
    ['missing', undefined, /^\[config\] Set RIGHTS_ENCRYPTION_KEY\b/],
    ['not base64', 'this is not a key at all!!', /^\[config\] RIGHTS_ENCRYPTION_KEY must be 32 random bytes written as base64/],
    ['too short', randomBytes(16).toString('base64'), /^\[config\] RIGHTS_ENCRYPTION_KEY must be 32 random bytes/],
    ['too long', randomBytes(48).toString('base64'), /^\[config\] RIGHTS_ENCRYPTION_KEY must be 32 random bytes/],
  ])('refuses a %s RIGHTS_ENCRYPTION_KEY, naming it without echoing it', (_case, value, expected) => {
    const message = configError({ ...oauthEnv, RIGHTS_ENCRYPTION_KEY: value });
    expect(message).toMatch(expected);
    if (value) expect(message).not.toContain(value);
  });

  it('refuses a bad RIGHTS_ENCRYPTION_KEY_PREVIOUS the same way', () => {
    const value = randomBytes(31).toString('base64');
    const message = configError({ ...oauthEnv, RIGHTS_ENCRYPTION_KEY_PREVIOUS: value });
    expect(message).toMatch(/RIGHTS_ENCRYPTION_KEY_PREVIOUS must be 32 random bytes/);
    expect(message).not.toContain(value);
  });

  it('names what is missing or in conflict, never a value', () => {
    expect(configError({ ...oauthEnv, SLACK_CLIENT_SECRET: '' })).toMatch(/Set SLACK_CLIENT_SECRET/);
    expect(configError({ ...oauthEnv, SLACK_SIGNING_SECRET: undefined })).toMatch(/Set SLACK_SIGNING_SECRET/);
    expect(configError({ ...oauthEnv, SLACK_BOT_TOKEN: 'xoxb-single-workspace' })).toMatch(/SLACK_BOT_TOKEN and SLACK_CLIENT_ID are both set/);
    expect(configError({ ...oauthEnv, SLACK_APP_TOKEN: 'xapp-socket' })).toMatch(/unset SLACK_APP_TOKEN/);
    expect(configError({ ...oauthEnv, SLACK_STATE_SECRET: 'short' })).toMatch(/SLACK_STATE_SECRET must be at least 16/);
    const redirect = configError({ ...oauthEnv, SLACK_REDIRECT_URI: 'https://user:pw@rights.example.org/elsewhere' });
    expect(redirect).toMatch(/SLACK_REDIRECT_URI must end with \/slack\/oauth_redirect/);
    for (const value of Object.values(oauthEnv)) expect(redirect).not.toContain(value);
  });

  it('needs no key outside OAuth mode', () => {
    expect(readSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-one', SLACK_SIGNING_SECRET: 's' })?.botToken).toBe('xoxb-one');
  });
});

describe('OAuth install URL', () => {
  it('asks for the scopes the manifest declares', () => {
    const manifest = parse(readFileSync(join(ROOT, 'adapters', 'slack', 'manifest.yaml'), 'utf8')) as { oauth_config: { scopes: { bot: string[] } } };
    expect([...BOT_SCOPES].sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
  });

  it('sends the installer to the authorize page beside SLACK_API_URL (GovSlack, a stand-in), else Bolt’s default', () => {
    expect(authorizeUrlFor('https://slack-gov.com/api/')).toBe('https://slack-gov.com/oauth/v2/authorize');
    expect(authorizeUrlFor('http://127.0.0.1:4000/api/')).toBe('http://127.0.0.1:4000/oauth/v2/authorize');
    expect(authorizeUrlFor(undefined)).toBeUndefined();
    expect(authorizeUrlFor('https://proxy.example.org/slack/')).toBeUndefined();
  });
});
