// `npm start` as a real process: one adapter that cannot start leaves the other serving (and /readyz says
// so); LOG_FORMAT=json logs one JSON object per line without secrets; a malformed gateway packet does not
// end the process; with no chat credentials a bad RIGHTS_CONFIG or RIGHTS_STATE_DIR is still reported.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BOT_USER, CHANNEL_ID, GUILD_ID, messageCreate, slashCommand } from '../discord/payloads.js';
import { DiscordStandIn } from '../discord/stand-in.js';
import { ROOT } from '../helpers.js';
import { SIGNING_SECRET } from '../slack/payloads.js';
import { waitFor } from '../slack/stand-in.js';

const START = join(ROOT, 'dist', 'adapters', 'start.js');
const MESSAGES = new RegExp(`^/channels/${CHANNEL_ID}/messages$`);

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

const running: ChildProcess[] = [];
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const child of running.splice(0)) child.kill('SIGKILL');
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function spawnStart(env: NodeJS.ProcessEnv, input?: string): Run {
  let stdout = '';
  let stderr = '';
  const child = spawn(process.execPath, [START], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, RIGHTS_STATE_DIR: mkdtempSync(join(tmpdir(), 'rights-ops-start-')), ...env },
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  if (input !== undefined) child.stdin?.end(input);
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  running.push(child);
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** A port nothing listens on (a Slack that cannot be reached). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function discordStandIn(): Promise<DiscordStandIn> {
  const standIn = await DiscordStandIn.start({ guildIds: [GUILD_ID] });
  cleanups.push(() => standIn.close());
  return standIn;
}

/** Mentions the bot and returns the text of its reply. */
async function mention(standIn: DiscordStandIn, text: string): Promise<string> {
  const before = standIn.calls('POST', MESSAGES).length;
  standIn.gateway.dispatch('MESSAGE_CREATE', messageCreate(`<@${BOT_USER.id}> ${text}`, { mentions: [BOT_USER] }));
  const replies = await standIn.waitFor('POST', MESSAGES, before + 1, 10_000);
  return JSON.stringify(replies[before]?.body);
}

async function readyz(port: number, query = ''): Promise<{ status: number; body: { ready: boolean; checks: Record<string, string> } }> {
  const res = await fetch(`http://127.0.0.1:${port}/readyz${query}`);
  return { status: res.status, body: (await res.json()) as { ready: boolean; checks: Record<string, string> } };
}

describe('npm start, one adapter failing', () => {
  it('Slack cannot start: Discord keeps serving, /readyz is 503 naming Slack, and SIGTERM still exits 0', async () => {
    const standIn = await discordStandIn();
    const run = spawnStart({
      SLACK_BOT_TOKEN: 'xoxb-isolation-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      PORT: '0',
      SLACK_API_URL: `http://127.0.0.1:${await closedPort()}/api/`,
      DISCORD_TOKEN: 'isolation-discord-token',
      DISCORD_API_URL: standIn.apiUrl,
      HEALTH_PORT: '0',
    });
    const health = await waitFor(() => Number(/serving health endpoints \{"port":(\d+)/.exec(run.stderr())?.[1]) || false, 15_000);
    await waitFor(() => run.stderr().includes('slack could not start'), 15_000);
    await waitFor(() => run.stderr().includes('logged in to Discord'), 10_000);

    expect(await mention(standIn, 'treaties consular')).toContain('Vienna Convention on Consular Relations');
    // The bot check turns "ok" once every adapter has been tried.
    let ready = await readyz(health);
    for (const deadline = Date.now() + 5_000; ready.body.checks.bot !== 'ok' && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      ready = await readyz(health);
    }
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ ready: false, checks: { bot: 'ok', discord: 'ok', store: 'ok', slack: expect.stringMatching(/^failed: \[slack\] could not reach Slack/) } });
    // A proxy in front of the Discord replicas may leave Slack out of the question.
    expect(await readyz(health, '?ignore=slack')).toMatchObject({ status: 200, body: { ready: true } });

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    for (const secret of ['xoxb-isolation-token', 'isolation-discord-token', SIGNING_SECRET]) expect(run.stderr()).not.toContain(secret);
  }, 40_000);

  it('exits 1 with the adapter’s own message when the only adapter cannot start', async () => {
    const run = spawnStart({ SLACK_BOT_TOKEN: 'xoxb-alone-token', SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: '0', SLACK_API_URL: `http://127.0.0.1:${await closedPort()}/api/` });
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toMatch(/\[rights\] could not start: \[slack\] could not reach Slack/);
    expect(run.stderr()).not.toContain('xoxb-alone-token');
  }, 30_000);
});

describe('npm start with LOG_FORMAT=json', () => {
  it('logs one JSON object per line, survives a malformed packet, and never logs a token', async () => {
    const standIn = await discordStandIn();
    const run = spawnStart({ DISCORD_TOKEN: 'json-discord-token', DISCORD_API_URL: standIn.apiUrl, LOG_FORMAT: 'json', HEALTH_PORT: '0' });
    await waitFor(() => run.stderr().includes('logged in to Discord'), 15_000);

    // Regression: this packet killed the whole process (an unhandled rejection inside discord.js).
    const { member: _member, ...malformed } = slashCommand('treaties', { query: 'consular' });
    standIn.gateway.dispatch('INTERACTION_CREATE', malformed);
    await waitFor(() => run.stderr().includes('dropped a gateway event'), 5_000);
    expect(await mention(standIn, 'treaties consular')).toContain('Vienna Convention on Consular Relations');

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    const lines = run.stderr().trim().split('\n');
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const entry of entries) expect(entry).toMatchObject({ level: expect.stringMatching(/^(info|warn|error)$/), time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), component: expect.any(String), msg: expect.any(String) });
    expect(entries).toContainEqual(expect.objectContaining({ level: 'info', component: 'discord', msg: 'logged in to Discord', context: expect.objectContaining({ user: 'Rights Bot' }) }));
    expect(entries).toContainEqual(expect.objectContaining({ level: 'error', component: 'discord', msg: 'dropped a gateway event that could not be read', context: expect.objectContaining({ event: 'INTERACTION_CREATE' }) }));
    expect(entries).toContainEqual(expect.objectContaining({ component: 'rights', msg: 'stopped' }));
    expect(run.stderr()).not.toContain('json-discord-token');
    expect(run.stderr()).not.toContain(malformed.token);
  }, 40_000);
});

describe('npm start with no chat credentials', () => {
  it('reads RIGHTS_CONFIG anyway: a bad file stops it with a message naming the file and line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rights-ops-config-'));
    const file = join(dir, 'rights.yaml');
    writeFileSync(file, 'digest:\n  targets:\n    - platform: slack\n      channel: C0GENERAL\n      time: "9am"\n');
    const run = spawnStart({ RIGHTS_CONFIG: file }, 'treaties consular\n');
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toMatch(new RegExp(`^\\[config\\] ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:5: digest\\.targets\\.0\\.time`, 'm'));
    expect(run.stdout()).toBe('');
  }, 30_000);

  it('says in one line that a good RIGHTS_CONFIG is valid but unused, then answers in the console', async () => {
    const run = spawnStart({ RIGHTS_CONFIG: join(ROOT, 'rights.example.yaml') }, 'treaties consular\n');
    expect(await run.exited).toBe(0);
    const lines = run.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/info \[rights\] RIGHTS_CONFIG ".*rights\.example\.yaml" is valid \(\d+ digest targets?\); digests are not posted from the console/);
    expect(run.stdout()).toContain('Vienna Convention on Consular Relations');
  }, 30_000);

  it('names RIGHTS_STATE_DIR when it points at a file', async () => {
    const run = spawnStart({ RIGHTS_STATE_DIR: '/etc/hostname', DISCORD_TOKEN: 'statedir-token', DISCORD_API_URL: 'http://127.0.0.1:9/api' });
    expect(await run.exited).toBe(1);
    expect(run.stderr().trim()).toBe('[config] RIGHTS_STATE_DIR must be a folder the bot can write to: "/etc/hostname" is a file');
  }, 30_000);
});
