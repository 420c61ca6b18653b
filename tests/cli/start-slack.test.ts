// `npm start` with Slack credentials (HTTP mode) and SLACK_API_URL at a local stand-in: the real process
// answers a signed slash command on /slack/events, and the digest commands work through it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { postSigned, SIGNING_SECRET, slashCommand } from '../slack/payloads.js';
import { SlackStandIn, waitFor } from '../slack/stand-in.js';

let api: SlackStandIn;
let bot: ChildProcess;
let port = 0;
let stderr = '';
const stateDir = mkdtempSync(join(tmpdir(), 'rights-start-'));

beforeAll(async () => {
  api = await new SlackStandIn().start();
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, SLACK_BOT_TOKEN: 'xoxb-npm-start', SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: '0', SLACK_API_URL: api.apiUrl, RIGHTS_STATE_DIR: stateDir };
  bot = spawn(process.execPath, [join(ROOT, 'dist', 'adapters', 'start.js')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  bot.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  port = await waitFor(() => Number(/listening for Slack requests \{"port":(\d+)/.exec(stderr)?.[1]) || false, 10_000);
});

afterAll(async () => {
  bot?.kill('SIGTERM');
  await api?.stop();
});

describe('npm start with Slack in HTTP mode', () => {
  it('answers a signed /rights recommendations firewalls', async () => {
    const res = await postSigned(`http://127.0.0.1:${port}`, slashCommand('recommendations firewalls', api.responseUrl('firewalls')), 'application/x-www-form-urlencoded');
    expect(res.status).toBe(200);
    const [reply] = await waitFor(() => api.responsesTo('firewalls').length > 0 && api.responsesTo('firewalls'));
    expect(reply?.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(reply?.body.blocks)).toContain('Firewalls between public services and immigration enforcement');
  });

  it('turns the digest on from chat, confirms in the channel and saves the subscription', async () => {
    await postSigned(`http://127.0.0.1:${port}`, slashCommand('digest on 08:00 Europe/Madrid', api.responseUrl('digest')), 'application/x-www-form-urlencoded');
    const [reply] = await waitFor(() => api.responsesTo('digest').length > 0 && api.responsesTo('digest'));
    expect(reply?.body.response_type).toBe('in_channel');
    expect(String(reply?.body.text)).toMatch(/turned on the daily digest.*08:00 \(Europe\/Madrid\)/);
    const state = JSON.parse(readFileSync(join(stateDir, 'digest.json'), 'utf8'));
    expect(Object.values(state.targets)).toContainEqual(expect.objectContaining({ platform: 'slack', time: '08:00', timezone: 'Europe/Madrid', enabled: true }));
  });

  it('never logs the secrets', () => {
    expect(stderr).not.toContain('xoxb-npm-start');
    expect(stderr).not.toContain(SIGNING_SECRET);
  });
});
