// GET /healthz and GET /readyz: through Bolt's custom routes on Slack's PORT (HTTP mode), and on the small
// HEALTH_PORT server used when no Bolt HTTP server runs. Readiness comes from an injected, bounded check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSlackConfig } from '../../adapters/config.js';
import { checkReadiness, startHealthServer, type HealthServer, type Readiness } from '../../adapters/health.js';
import { createSlackAdapter, type SlackAdapter } from '../../adapters/slack/index.js';
import { createRequestHandler } from '../../adapters/types.js';
import { realEngine } from '../helpers.js';
import { recordingLogger } from '../slack/harness.js';
import { postSigned, SIGNING_SECRET, slashCommand } from '../slack/payloads.js';
import { SlackStandIn, waitFor } from '../slack/stand-in.js';

let readiness: Readiness | Error = { ready: true, checks: { store: 'ok' } };
const health = async (): Promise<Readiness> => {
  if (readiness instanceof Error) throw readiness;
  return readiness;
};

async function get(url: string): Promise<{ status: number; type: string | null; body: string }> {
  const res = await fetch(url);
  return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
}

describe('Slack HTTP mode: the endpoints on PORT, beside /slack/events', () => {
  let api: SlackStandIn;
  let adapter: SlackAdapter;
  let base = '';

  beforeAll(async () => {
    api = await new SlackStandIn().start();
    const config = readSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-health', SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: '0', SLACK_API_URL: api.apiUrl });
    if (!config) throw new Error('Slack not configured');
    adapter = createSlackAdapter({ config, handle: createRequestHandler(realEngine()), logger: recordingLogger([]), host: '127.0.0.1', health });
    await adapter.start();
    base = `http://127.0.0.1:${adapter.port()}`;
  });

  afterAll(async () => {
    await adapter?.stop();
    await api?.stop();
  });

  it('/healthz answers 200 "ok"', async () => {
    expect(await get(`${base}/healthz`)).toMatchObject({ status: 200, body: 'ok' });
  });

  it('/readyz answers 200 with the checks when ready', async () => {
    readiness = { ready: true, checks: { store: 'ok' } };
    const res = await get(`${base}/readyz`);
    expect(res).toMatchObject({ status: 200, type: 'application/json' });
    expect(JSON.parse(res.body)).toEqual({ ready: true, checks: { slack: 'ok', store: 'ok' } });
  });

  it('/readyz answers 503 when the injected check says not ready', async () => {
    readiness = { ready: false, checks: { store: 'unreachable' } };
    const res = await get(`${base}/readyz`);
    expect(res.status).toBe(503);
    expect(JSON.parse(res.body)).toEqual({ ready: false, checks: { slack: 'ok', store: 'unreachable' } });
  });

  it('/readyz answers 503 when the check throws', async () => {
    readiness = new Error('database is down');
    const res = await get(`${base}/readyz`);
    expect(res.status).toBe(503);
    expect(JSON.parse(res.body)).toEqual({ ready: false, checks: { slack: 'ok', health: 'failed: database is down' } });
  });

  it('still answers signed Slack requests on /slack/events', async () => {
    readiness = { ready: true, checks: {} };
    const res = await postSigned(base, slashCommand('treaties consular', api.responseUrl('health')), 'application/x-www-form-urlencoded');
    expect(res.status).toBe(200);
    await waitFor(() => api.responsesTo('health').length > 0);
  });

  it('reports the adapter’s own state', () => {
    expect(adapter.status()).toBe('ok');
  });
});

describe('the HEALTH_PORT server (Socket Mode, Discord)', () => {
  let server: HealthServer;
  let base = '';

  beforeAll(async () => {
    server = await startHealthServer({ port: 0, host: '127.0.0.1', health, timeoutMs: 200 });
    base = `http://127.0.0.1:${server.port()}`;
  });

  afterAll(async () => {
    await server?.close();
  });

  it('serves /healthz and /readyz, ready or not', async () => {
    expect(await get(`${base}/healthz`)).toMatchObject({ status: 200, body: 'ok' });
    readiness = { ready: true, checks: { discord: 'ok' } };
    expect(await get(`${base}/readyz`)).toMatchObject({ status: 200, body: '{"ready":true,"checks":{"discord":"ok"}}' });
    readiness = { ready: false, checks: { discord: 'reconnecting' } };
    expect(await get(`${base}/readyz`)).toMatchObject({ status: 503, body: '{"ready":false,"checks":{"discord":"reconnecting"}}' });
  });

  it('a check that hangs is "not ready" once its timeout passes', async () => {
    const hanging = await startHealthServer({ port: 0, host: '127.0.0.1', health: () => new Promise<Readiness>(() => undefined), timeoutMs: 100 });
    const started = Date.now();
    const res = await get(`http://127.0.0.1:${hanging.port()}/readyz`);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(res.status).toBe(503);
    expect(JSON.parse(res.body)).toEqual({ ready: false, checks: { health: 'timed out after 100 ms' } });
    await hanging.close();
  });

  it('answers 404 elsewhere and 405 to other methods', async () => {
    expect((await get(`${base}/slack/events`)).status).toBe(404);
    expect((await fetch(`${base}/readyz`, { method: 'POST' })).status).toBe(405);
  });

  it('says which variable when the port is taken', async () => {
    await expect(startHealthServer({ port: server.port(), host: '127.0.0.1', health })).rejects.toThrow(`[health] could not listen on HEALTH_PORT ${server.port()} (EADDRINUSE)`);
  });
});

describe('checkReadiness', () => {
  it('never throws', async () => {
    await expect(checkReadiness(() => Promise.reject(new Error('boom')))).resolves.toEqual({ ready: false, checks: { health: 'failed: boom' } });
  });
});
