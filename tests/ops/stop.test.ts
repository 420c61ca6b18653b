// Graceful stop: an adapter's stop() takes no new work, lets work in progress finish (bounded), then closes;
// `npm start` does so on SIGTERM and exits 0, serving /healthz and /readyz on HEALTH_PORT meanwhile.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readSlackConfig } from '../../adapters/config.js';
import { createSlackAdapter, type SlackAdapter } from '../../adapters/slack/index.js';
import { createRequestHandler, type RequestHandler } from '../../adapters/types.js';
import { MESSAGES_IN, startHarness, type Harness } from '../discord/harness.js';
import { BOT_USER, CHANNEL_ID, GUILD_ID, messageCreate } from '../discord/payloads.js';
import { DiscordStandIn } from '../discord/stand-in.js';
import { realEngine, ROOT } from '../helpers.js';
import { recordingLogger, type LogLine } from '../slack/harness.js';
import { postSigned, SIGNING_SECRET, slashCommand } from '../slack/payloads.js';
import { SlackStandIn, waitFor } from '../slack/stand-in.js';

const FORM = 'application/x-www-form-urlencoded';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls an async check until it returns something truthy. */
async function poll<T>(check: () => Promise<T | false>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => false as const);
    if (value) return value;
    if (Date.now() > deadline) throw new Error('poll: timed out');
    await sleep(50);
  }
}

/** The body of a 200 from /readyz, or false. */
async function readyBody(port: number): Promise<Record<string, unknown> | false> {
  const res = await fetch(`http://127.0.0.1:${port}/readyz`);
  return res.status === 200 && ((await res.json()) as Record<string, unknown>);
}

/** A handler that waits for `release()` before answering, so work is in progress when stop() begins. */
function gatedHandler(): { handle: RequestHandler; started: () => boolean; release: () => void } {
  const answer = createRequestHandler(realEngine());
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  let started = false;
  return {
    handle: async (request) => {
      started = true;
      await gate;
      return answer(request);
    },
    started: () => started,
    release: () => release(),
  };
}

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function slackAdapter(handle: RequestHandler, drainTimeoutMs?: number): Promise<{ api: SlackStandIn; adapter: SlackAdapter; base: string; logs: LogLine[] }> {
  const api = await new SlackStandIn().start();
  cleanups.push(() => api.stop());
  const config = readSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-stop', SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: '0', SLACK_API_URL: api.apiUrl });
  if (!config) throw new Error('Slack not configured');
  const logs: LogLine[] = [];
  // Production options: Bolt acknowledges first and the answer is work in progress after the HTTP response.
  const adapter = createSlackAdapter({ config, handle, logger: recordingLogger(logs), host: '127.0.0.1', ...(drainTimeoutMs !== undefined && { drainTimeoutMs }) });
  await adapter.start();
  cleanups.push(() => adapter.stop());
  return { api, adapter, base: `http://127.0.0.1:${adapter.port()}`, logs };
}

describe('Slack adapter stop()', () => {
  it('lets a request in progress finish before it resolves, then takes no more', async () => {
    const gated = gatedHandler();
    const { api, adapter, base } = await slackAdapter(gated.handle);
    expect((await postSigned(base, slashCommand('treaties consular', api.responseUrl('drain')), FORM)).status).toBe(200);
    await waitFor(() => gated.started());

    let stopped = false;
    const stopping = adapter.stop().then(() => (stopped = true));
    expect(adapter.status()).toBe('stopping');
    await sleep(150);
    expect(stopped).toBe(false);
    gated.release();
    await stopping;
    expect(api.responsesTo('drain')).toHaveLength(1);
    expect(adapter.status()).toBe('stopped');
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });

  it('waits no longer than its drain timeout', async () => {
    const { adapter, api, base, logs } = await slackAdapter(() => new Promise(() => undefined), 200);
    await postSigned(base, slashCommand('help', api.responseUrl('stuck')), FORM);
    await sleep(50);
    const started = Date.now();
    await adapter.stop();
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(logs).toContainEqual(expect.objectContaining({ level: 'warn', message: 'stopped with requests still in progress', context: { requests: 1 } }));
  });
});

describe('Discord adapter stop()', () => {
  it('lets a mention in progress be answered, ignores new ones, then closes the gateway', async () => {
    const gated = gatedHandler();
    const h: Harness = await startHarness(realEngine(), { handle: gated.handle });
    cleanups.push(() => h.close());
    const first = messageCreate(`<@${BOT_USER.id}> treaties consular`, { mentions: [BOT_USER] });
    h.standIn.gateway.dispatch('MESSAGE_CREATE', first);
    await waitFor(() => gated.started());

    const stopping = h.adapter.stop();
    expect(h.adapter.status()).toBe('stopping');
    h.standIn.gateway.dispatch('MESSAGE_CREATE', messageCreate(`<@${BOT_USER.id}> sessions`, { mentions: [BOT_USER] }));
    await sleep(100);
    gated.release();
    await stopping;
    const replies = h.standIn.calls('POST', MESSAGES_IN(CHANNEL_ID));
    expect(replies).toHaveLength(1);
    expect(replies[0]?.body).toMatchObject({ message_reference: { message_id: first.id } });
    expect(h.adapter.status()).toBe('stopped');
    await waitFor(() => h.standIn.gateway.sockets.size === 0);
  });
});

describe('npm start on SIGTERM', () => {
  let bot: ChildProcess | undefined;
  afterEach(() => {
    bot?.kill('SIGKILL');
    bot = undefined;
  });

  function spawnStart(env: NodeJS.ProcessEnv): { child: ChildProcess; stderr: () => string; exited: Promise<number | null> } {
    let stderr = '';
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'adapters', 'start.js')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, RIGHTS_STATE_DIR: mkdtempSync(join(tmpdir(), 'rights-ops-')), HEALTH_PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    bot = child;
    return { child, stderr: () => stderr, exited };
  }

  const healthPort = (stderr: string) => Number(/serving health endpoints \{"port":(\d+)/.exec(stderr)?.[1]) || false;

  it('Slack HTTP mode: ready on PORT and HEALTH_PORT, then exits 0 promptly', async () => {
    const api = await new SlackStandIn().start();
    cleanups.push(() => api.stop());
    const run = spawnStart({ SLACK_BOT_TOKEN: 'xoxb-ops-start', SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: '0', SLACK_API_URL: api.apiUrl });
    const port = await waitFor(() => Number(/listening for Slack requests \{"port":(\d+)/.exec(run.stderr())?.[1]) || false, 15_000);
    const health = await waitFor(() => healthPort(run.stderr()), 5_000);

    expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).text()).toBe('ok');
    expect(await poll(() => readyBody(health), 5_000)).toEqual({ ready: true, checks: { bot: 'ok', slack: 'ok', store: 'ok' } });
    // Bolt's /readyz on PORT knows the Slack adapter (and what createBot injects, if anything).
    expect(await poll(() => readyBody(port), 5_000)).toMatchObject({ ready: true, checks: { slack: 'ok' } });

    const signalled = Date.now();
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(5_000);
    expect(run.stderr()).toMatch(/SIGTERM: stopping/);
    expect(run.stderr()).toMatch(/\[rights\] stopped/);
    expect(run.stderr()).not.toContain('xoxb-ops-start');
  });

  it('Discord only: /readyz on HEALTH_PORT once logged in, then exits 0 promptly', async () => {
    const standIn = await DiscordStandIn.start({ guildIds: [GUILD_ID] });
    cleanups.push(() => standIn.close());
    const run = spawnStart({ DISCORD_TOKEN: 'ops-discord-token', DISCORD_API_URL: standIn.apiUrl });
    const health = await waitFor(() => healthPort(run.stderr()), 15_000);
    await waitFor(() => run.stderr().includes('logged in to Discord'), 10_000);
    expect(await poll(() => readyBody(health), 5_000)).toEqual({ ready: true, checks: { bot: 'ok', discord: 'ok', store: 'ok' } });

    const signalled = Date.now();
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(5_000);
    expect(standIn.gateway.sockets.size).toBe(0);
  });
});
