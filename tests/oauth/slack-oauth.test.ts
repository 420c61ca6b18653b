// Slack for any workspace (OAuth), end to end: the real Bolt app against the Slack stand-in and a real
// PostgreSQL store. Two workspaces install through /slack/install → Slack's authorize page → /slack/oauth_redirect
// (the state cookie followed as a browser does); each is answered with its own token; no token is readable in
// the database, the state files or the logs; uninstalling forgets a workspace; `npm start` in OAuth mode comes
// up with a valid RIGHTS_ENCRYPTION_KEY and refuses a missing or bad one.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSlackConfig } from '../../adapters/config.js';
import { withDigestCommands } from '../../adapters/digest/commands.js';
import { DigestService, type DigestPoster } from '../../adapters/digest/service.js';
import { createSlackAdapter, type SlackAdapter } from '../../adapters/slack/index.js';
import { PostgresStore } from '../../adapters/store/postgres.js';
import { createRequestHandler } from '../../adapters/types.js';
import { ROOT, realEngine } from '../helpers.js';
import { recordingLogger, type LogLine } from '../slack/harness.js';
import { postSigned, SIGNING_SECRET, slashCommand } from '../slack/payloads.js';
import { SlackStandIn, waitFor } from '../slack/stand-in.js';
import { startTestDatabase, type TestDatabase } from '../store/postgres-server.js';

const CLIENT = { id: '1111.2222', secret: 'client-secret-for-tests-0123' };
const STATE_SECRET = 'state-secret-for-tests-0123456789';
const KEY = randomBytes(32).toString('base64');
const ALPHA = { team: 'T0ALPHA', name: 'Alpha NGO', botToken: 'xoxb-111-alpha-bot-token-aaaaaaaa', channel: 'C0ALPHA' };
const BRAVO = { team: 'T0BRAVO', name: 'Bravo City', botToken: 'xoxb-222-bravo-bot-token-bbbbbbbb', channel: 'C0BRAVO' };
type Workspace = typeof ALPHA;

let db: TestDatabase;
let databaseUrl: string;
let store: PostgresStore;
let api: SlackStandIn;
let adapter: SlackAdapter;
let digest: DigestService;
let base: string;
const logs: LogLine[] = [];
const posters: DigestPoster[] = [];

beforeAll(async () => {
  db = await startTestDatabase();
  databaseUrl = await db.newDatabase();
  store = await PostgresStore.open(databaseUrl);
  api = await new SlackStandIn().start();
  api.oauthClient = CLIENT;
  for (const w of [ALPHA, BRAVO]) api.workspaces.set(w.team, { team: w.team, name: w.name, botToken: w.botToken });

  const config = readSlackConfig({
    SLACK_CLIENT_ID: CLIENT.id,
    SLACK_CLIENT_SECRET: CLIENT.secret,
    SLACK_STATE_SECRET: STATE_SECRET,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    RIGHTS_ENCRYPTION_KEY: KEY,
    PORT: '0',
    SLACK_API_URL: api.apiUrl,
  });
  if (!config) throw new Error('no Slack config');
  const engine = realEngine();
  const logger = recordingLogger(logs);
  digest = new DigestService({ engine, store, posters, logger, timers: false });
  const handle = withDigestCommands(createRequestHandler(engine), digest);
  adapter = createSlackAdapter({ config, handle, store, logger, host: '127.0.0.1', processBeforeResponse: true, retryConfig: { retries: 0 } });
  posters.push(adapter.digestPoster);
  await adapter.start();
  base = `http://127.0.0.1:${adapter.port()}`;
  // The Redirect URL configured in the app's Slack settings.
  api.oauthRedirectUrl = `${base}/slack/oauth_redirect`;
}, 120_000);

afterAll(async () => {
  await adapter?.stop();
  await api?.stop();
  await store?.close();
  await db?.stop();
});

/** The "Add to Slack" page: its link to Slack's authorize page and the state cookie it sets. */
async function openInstallPage(at = base): Promise<{ authorize: URL; cookie: string }> {
  const page = await fetch(`${at}/slack/install`);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('Add to Slack');
  const href = /<a href="([^"]+)"/.exec(html)?.[1] ?? '';
  const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  expect(cookie).toMatch(/^slack-app-oauth-state=.+/);
  return { authorize: new URL(href.replaceAll('&amp;', '&')), cookie };
}

/** Installs the app into a workspace as a browser does: install page → authorize (user picks it, allows) → redirect. */
async function install(workspace: Workspace, at = base): Promise<Response> {
  const { authorize, cookie } = await openInstallPage(at);
  authorize.searchParams.set('team', workspace.team);
  const slack = await fetch(authorize, { redirect: 'manual' });
  expect(slack.status).toBe(302);
  const back = slack.headers.get('location') ?? '';
  expect(back.startsWith(`${at}/slack/oauth_redirect?`)).toBe(true);
  return fetch(back, { headers: { cookie }, redirect: 'manual' });
}

function slash(workspace: Workspace, text: string, reply: string): Promise<Response> {
  const body = slashCommand(text, api.responseUrl(reply), { team_id: workspace.team, team_domain: workspace.team.toLowerCase(), channel_id: workspace.channel });
  return postSigned(base, body, 'application/x-www-form-urlencoded');
}

function event(workspace: Workspace, payload: Record<string, unknown>): Promise<Response> {
  const body = JSON.stringify({
    token: 'deprecated-verification-token',
    team_id: workspace.team,
    api_app_id: 'A0RIGHTS',
    event: payload,
    type: 'event_callback',
    event_id: `Ev${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: workspace.team, user_id: 'UBOT0001', is_bot: true, is_enterprise_install: false }],
  });
  return postSigned(base, body, 'application/json');
}

const bearer = (workspace: Workspace) => `Bearer ${workspace.botToken}`;

/** Every form a token could be written in: as is, hex, base64 and base64url at each of the three alignments. */
function tokenForms(token: string): string[] {
  const forms = [token, Buffer.from(token).toString('hex')];
  for (const pad of ['', 'a', 'ab']) {
    for (const encoding of ['base64', 'base64url'] as const) {
      const encoded = Buffer.from(pad + token).toString(encoding);
      // The characters that depend only on the token (not on the padding before it or the end).
      forms.push(encoded.slice(pad.length === 0 ? 0 : 4, -4));
    }
  }
  return forms;
}

async function databaseText(): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(`select table_name as name from information_schema.tables where table_schema = 'public'`);
    const dump: string[] = [];
    for (const { name } of tables) {
      const { rows } = await client.query<{ row: string }>(`select t::text as row from ${pg.escapeIdentifier(name)} t`);
      dump.push(...rows.map((r) => `${name}: ${r.row}`));
    }
    return dump.join('\n');
  } finally {
    await client.end();
  }
}

describe('Slack OAuth: installing into two workspaces', () => {
  it('refuses a redirect without the browser’s state cookie (a forged install)', async () => {
    const { authorize } = await openInstallPage();
    authorize.searchParams.set('team', ALPHA.team);
    const slack = await fetch(authorize, { redirect: 'manual' });
    const res = await fetch(slack.headers.get('location') ?? '', { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(await store.getInstallation(ALPHA.team)).toBeUndefined();
  });

  it('installs each workspace through /slack/install and /slack/oauth_redirect, exchanging its code on SLACK_API_URL', async () => {
    for (const workspace of [ALPHA, BRAVO]) {
      const res = await install(workspace);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('Thank you!');
    }
    const visit = api.authorizeVisits.at(-1)?.params;
    expect(visit?.client_id).toBe(CLIENT.id);
    expect(visit?.scope?.split(',')).toContain('commands');
    expect(api.callsTo('oauth.v2.access')).toHaveLength(2);
    expect(await store.getInstallation(ALPHA.team)).toMatch(/^v1\./);
    expect(await store.getInstallation(BRAVO.team)).toMatch(/^v1\./);
  });

  it('answers each workspace’s slash command with its own token', async () => {
    for (const workspace of [ALPHA, BRAVO]) {
      const from = api.calls.length;
      const res = await slash(workspace, 'digest on 08:00 Europe/Madrid', `digest-${workspace.team}`);
      expect(res.status).toBe(200);
      const [reply] = await waitFor(() => api.responsesTo(`digest-${workspace.team}`).length > 0 && api.responsesTo(`digest-${workspace.team}`));
      expect(String(reply?.body.text)).toMatch(/turned on the daily digest/);
      // Who may change the digest is asked of Slack with that workspace's token.
      const asked = api.calls.slice(from).filter((c) => c.method === 'users.info' || c.method === 'conversations.info');
      expect(asked.map((c) => c.method).sort()).toEqual(['conversations.info', 'users.info']);
      expect(asked.map((c) => c.authorization)).toEqual([bearer(workspace), bearer(workspace)]);
    }
  });

  it('answers each workspace’s mention in chat.postMessage with its own token', async () => {
    for (const workspace of [ALPHA, BRAVO]) {
      const res = await event(workspace, { type: 'app_mention', user: 'U0ASKER1', text: '<@UBOT0001> treaties consular', ts: '1700000100.000100', channel: workspace.channel, event_ts: '1700000100.000100' });
      expect(res.status).toBe(200);
      const post = await waitFor(() => api.callsTo('chat.postMessage').find((c) => c.params.channel === workspace.channel));
      expect(post.authorization).toBe(bearer(workspace));
    }
  });

  it('records the workspace on each digest subscription and posts each digest with its workspace’s token', async () => {
    await digest.load();
    expect(digest.status('slack', ALPHA.channel)?.team).toBe(ALPHA.team);
    expect(digest.status('slack', BRAVO.channel)?.team).toBe(BRAVO.team);
    const before = api.callsTo('chat.postMessage').length;
    const outcomes = await digest.sendAll();
    expect(outcomes.map((o) => o.outcome)).toEqual(['sent', 'sent']);
    const posts = api.callsTo('chat.postMessage').slice(before);
    for (const workspace of [ALPHA, BRAVO]) expect(posts.find((c) => c.params.channel === workspace.channel)?.authorization).toBe(bearer(workspace));
  });

  it('keeps no token readable in the database — not plain, hex or base64 — nor in the logs', async () => {
    const dump = await databaseText();
    expect(dump).toContain('slack_installations: (T0ALPHA,v1.');
    expect(dump).toContain('slack_installations: (T0BRAVO,v1.');
    for (const workspace of [ALPHA, BRAVO]) {
      for (const form of tokenForms(workspace.botToken)) {
        expect(dump).not.toContain(form);
        expect(JSON.stringify(logs)).not.toContain(form);
      }
    }
    expect(JSON.stringify(logs)).not.toContain(KEY);
    expect(JSON.stringify(logs)).not.toContain(CLIENT.secret);
  });

  it('forgets a workspace on app_uninstalled: its installation and its digest subscriptions, not the others’', async () => {
    const res = await event(ALPHA, { type: 'app_uninstalled', event_ts: '1700000300.000100' });
    expect(res.status).toBe(200);
    expect(await store.getInstallation(ALPHA.team)).toBeUndefined();
    const { targets } = await store.loadTargets();
    expect([...targets.values()].map((t) => t.team)).toEqual([BRAVO.team]);
    expect(await store.getInstallation(BRAVO.team)).toBeDefined();
    expect(logs.some((l) => l.message.startsWith('forgot a workspace') && l.context?.workspace === ALPHA.team && l.context?.subscriptions === 1)).toBe(true);

    // Its requests are no longer answered; the other workspace's still are.
    const calls = api.calls.length;
    await slash(ALPHA, 'digest on', 'after-uninstall-alpha');
    await slash(BRAVO, 'treaties consular', 'after-uninstall-bravo');
    await waitFor(() => api.responsesTo('after-uninstall-bravo').length > 0);
    expect(api.responsesTo('after-uninstall-alpha')).toHaveLength(0);
    expect(api.calls.slice(calls).some((c) => c.authorization === bearer(ALPHA))).toBe(false);
    // A digest for a workspace that is gone is refused for good, without a call to Slack.
    await expect(adapter.digestPoster.post(ALPHA.channel, digest.preview('slack', ALPHA.channel), { team: ALPHA.team })).rejects.toMatchObject({ code: 'not_installed', permanent: true });
  });

  it('forgets a workspace whose bot token was revoked (tokens_revoked)', async () => {
    await event(BRAVO, { type: 'tokens_revoked', tokens: { bot: ['UBOT0001'] }, event_ts: '1700000400.000100' });
    expect(await store.getInstallation(BRAVO.team)).toBeUndefined();
    expect((await store.loadTargets()).targets.size).toBe(0);
  });
});

describe('starting in OAuth mode (npm start)', () => {
  /** `npm start`'s entry point with OAuth variables, and everything it prints. */
  function start(env: NodeJS.ProcessEnv): { bot: ChildProcess; output: () => string; exit: Promise<number | null> } {
    const bot = spawn(process.execPath, [join(ROOT, 'dist', 'adapters', 'start.js')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, SLACK_CLIENT_ID: CLIENT.id, SLACK_CLIENT_SECRET: CLIENT.secret, SLACK_STATE_SECRET: STATE_SECRET, SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    bot.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    bot.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exit = new Promise<number | null>((resolve) => bot.on('close', resolve));
    return { bot, output: () => output, exit };
  }

  it.each([
    ['without RIGHTS_ENCRYPTION_KEY', undefined],
    ['with a key that is not 32 bytes of base64', 'not-a-valid-key-but-secret-anyway-0123456789'],
    ['with a 16-byte key', randomBytes(16).toString('base64')],
  ])('refuses to start %s, naming the variable and never echoing it', async (_case, key) => {
    const { output, exit } = start({ SLACK_API_URL: 'http://127.0.0.1:9/api/', ...(key !== undefined ? { RIGHTS_ENCRYPTION_KEY: key } : {}) });
    expect(await exit).toBe(1);
    expect(output()).toMatch(/\[config\] .*RIGHTS_ENCRYPTION_KEY/);
    if (key) expect(output()).not.toContain(key);
    expect(output()).not.toContain(CLIENT.secret);
  });

  it('starts with a valid key, installs a workspace, and keeps it sealed in the state files', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'rights-oauth-'));
    const { bot, output, exit } = start({ RIGHTS_ENCRYPTION_KEY: KEY, SLACK_API_URL: api.apiUrl, RIGHTS_STATE_DIR: stateDir });
    try {
      const port = await waitFor(() => Number(/listening for Slack requests \{"port":(\d+),"path":"\/slack\/events","install":"\/slack\/install"\}/.exec(output())?.[1]) || false, 20_000);
      const botBase = `http://127.0.0.1:${port}`;
      api.oauthRedirectUrl = `${botBase}/slack/oauth_redirect`;
      expect((await install(ALPHA, botBase)).status).toBe(200);
      const files = readdirSync(stateDir).map((name) => `${name}: ${readFileSync(join(stateDir, name), 'utf8')}`).join('\n');
      expect(files).toMatch(/installations\.json: .*"T0ALPHA": "v1\./s);
      for (const form of tokenForms(ALPHA.botToken)) {
        expect(files).not.toContain(form);
        expect(output()).not.toContain(form);
      }
      expect(output()).not.toContain(KEY);
    } finally {
      bot.kill('SIGTERM');
      await exit;
      api.oauthRedirectUrl = `${base}/slack/oauth_redirect`;
    }
  }, 40_000);
});
