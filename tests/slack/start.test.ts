// The "done when": with SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, PORT and SLACK_API_URL set, the
// adapter built the way `npm start` builds it (production options: ack before work) answers a signed
// `/rights recommendations firewalls` on /slack/events; start-up failures say what to check.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readSlackConfig } from '../../adapters/config.js';
import { createSlackAdapter, type SlackAdapter } from '../../adapters/slack/index.js';
import { createRequestHandler } from '../../adapters/types.js';
import { realEngine } from '../helpers.js';
import { recordingLogger, type LogLine } from './harness.js';
import { button } from './inspect.js';
import { postSigned, SIGNING_SECRET, slashCommand } from './payloads.js';
import { SlackStandIn, waitFor } from './stand-in.js';

let api: SlackStandIn;
let adapter: SlackAdapter;
const logs: LogLine[] = [];

beforeAll(async () => {
  api = await new SlackStandIn().start();
  const env = { SLACK_BOT_TOKEN: 'xoxb-start-token', SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: '0', SLACK_API_URL: api.apiUrl.replace(/\/$/, '') };
  const config = readSlackConfig(env);
  if (!config) throw new Error('Slack not configured');
  adapter = createSlackAdapter({ config, handle: createRequestHandler(realEngine()), logger: recordingLogger(logs) });
  await adapter.start();
});

afterAll(async () => {
  await adapter?.stop();
  await api?.stop();
});

it('answers a signed /rights recommendations firewalls', async () => {
  const started = Date.now();
  const res = await postSigned(`http://127.0.0.1:${adapter.port()}`, slashCommand('recommendations firewalls', api.responseUrl('start')), 'application/x-www-form-urlencoded');
  expect(res.status).toBe(200);
  expect(Date.now() - started).toBeLessThan(3000);
  const [reply] = await waitFor(() => api.responsesTo('start').length > 0 && api.responsesTo('start'));
  expect(reply?.body.response_type).toBe('ephemeral');
  expect(String(reply?.body.text)).toContain('Recommendations for “firewalls”');
  expect(button(reply?.body, 'rights_details_0').value).toContain('firewalls');
  expect(api.callsTo('auth.test')[0]?.authorization).toBe('Bearer xoxb-start-token');
  expect(logs).toContainEqual(expect.objectContaining({ message: 'listening for Slack requests', context: expect.objectContaining({ port: adapter.port(), path: '/slack/events' }) }));
});

it('fails to start with a message naming the variable when Slack refuses the bot token', async () => {
  api.fail('auth.test', { error: 'invalid_auth' });
  const config = readSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-revoked', SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: '0', SLACK_API_URL: api.apiUrl });
  if (!config) throw new Error('Slack not configured');
  const refused = createSlackAdapter({ config, handle: createRequestHandler(realEngine()), logger: recordingLogger([]), retryConfig: { retries: 0 } });
  await expect(refused.start()).rejects.toThrow('[slack] Slack refused SLACK_BOT_TOKEN (invalid_auth)');
  await refused.stop();
});

it('fails to start with a clear message when the port is taken', async () => {
  const config = readSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-start-token', SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: String(adapter.port()), SLACK_API_URL: api.apiUrl });
  if (!config) throw new Error('Slack not configured');
  const second = createSlackAdapter({ config, handle: createRequestHandler(realEngine()), logger: recordingLogger([]) });
  await expect(second.start()).rejects.toThrow(`[slack] could not listen on PORT ${adapter.port()}`);
  await second.stop();
});
