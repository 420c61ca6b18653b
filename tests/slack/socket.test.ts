// Socket Mode end to end: the adapter opens a connection through apps.connections.open on the stand-in,
// receives envelopes over a local WebSocket, acknowledges them and answers.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readSlackConfig } from '../../adapters/config.js';
import { createSlackAdapter, type SlackAdapter } from '../../adapters/slack/index.js';
import { realEngine } from '../helpers.js';
import { recordingLogger, type LogLine } from './harness.js';
import { allText } from './inspect.js';
import { CHANNEL_ID, USER_ID } from './payloads.js';
import { BOT_USER_ID, SlackStandIn, waitFor } from './stand-in.js';

let api: SlackStandIn;
let adapter: SlackAdapter;
const logs: LogLine[] = [];

beforeAll(async () => {
  api = await new SlackStandIn().start();
  const config = readSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_APP_TOKEN: 'xapp-test-token', SLACK_API_URL: api.apiUrl });
  if (config?.mode.type !== 'socket') throw new Error('expected Socket Mode');
  adapter = createSlackAdapter({ config, engine: realEngine(), logger: recordingLogger(logs), retryConfig: { retries: 0 } });
  await adapter.start();
});

afterAll(async () => {
  await adapter?.stop();
  await api?.stop();
});

it('connects with the app-level token and checks the bot token', () => {
  expect(api.callsTo('apps.connections.open')[0]?.authorization).toBe('Bearer xapp-test-token');
  expect(api.callsTo('auth.test')[0]?.authorization).toBe('Bearer xoxb-test-token');
  expect(api.socketCount).toBe(1);
  expect(logs).toContainEqual(expect.objectContaining({ message: 'connected to Slack (Socket Mode)' }));
});

it('acknowledges a slash command envelope and answers through response_url', async () => {
  api.sendEnvelope({
    envelope_id: 'env-command-1',
    type: 'slash_commands',
    accepts_response_payload: true,
    payload: {
      token: 'x',
      team_id: 'T0TEST',
      team_domain: 'rights-test',
      channel_id: CHANNEL_ID,
      channel_name: 'general',
      user_id: USER_ID,
      user_name: 'ana',
      command: '/rights',
      text: 'recommendations firewalls',
      api_app_id: 'A0RIGHTS',
      response_url: api.responseUrl('socket-cmd'),
      trigger_id: '1.2.3',
    },
  });
  const [reply] = await waitFor(() => api.responsesTo('socket-cmd').length > 0 && api.responsesTo('socket-cmd'));
  expect(reply?.body.response_type).toBe('ephemeral');
  expect(allText(reply?.body)).toContain('Recommendations for “firewalls”');
  expect(api.socketMessages).toContainEqual(expect.objectContaining({ envelope_id: 'env-command-1' }));
});

it('answers an app_mention envelope in a thread', async () => {
  api.sendEnvelope({
    envelope_id: 'env-event-1',
    type: 'events_api',
    accepts_response_payload: false,
    payload: {
      team_id: 'T0TEST',
      api_app_id: 'A0RIGHTS',
      type: 'event_callback',
      event_id: 'Ev0SOCKET1',
      event_time: 1700000300,
      authorizations: [{ team_id: 'T0TEST', user_id: BOT_USER_ID, is_bot: true }],
      event: { type: 'app_mention', user: USER_ID, text: `<@${BOT_USER_ID}> treaties consular`, ts: '1700000300.000100', channel: CHANNEL_ID, event_ts: '1700000300.000100' },
    },
  });
  const [post] = await waitFor(() => api.callsTo('chat.postMessage').length > 0 && api.callsTo('chat.postMessage'));
  expect(post?.params).toMatchObject({ channel: CHANNEL_ID, thread_ts: '1700000300.000100' });
  expect(allText(post?.params.blocks)).toContain('Treaties for “consular”');
  expect(api.socketMessages).toContainEqual(expect.objectContaining({ envelope_id: 'env-event-1' }));
});
