// Requests as Slack sends them: slash commands and interactivity as form posts, events as JSON, each
// signed with `v0=` HMAC-SHA256 of `v0:{timestamp}:{raw body}`. Field sets follow Slack's documented payloads.
import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const USER_ID = 'U0ASKER1';
export const CHANNEL_ID = 'C0GENERAL';
export const DM_CHANNEL_ID = 'D0DIRECT1';
const TEAM = { id: 'T0TEST', domain: 'rights-test' };

export interface SignOptions {
  secret?: string;
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  /** Replace the signature (forgeries). */
  signature?: string;
}

export function sign(body: string, { secret = SIGNING_SECRET, timestamp = Math.floor(Date.now() / 1000) }: SignOptions = {}): Record<string, string> {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature };
}

/** POSTs a signed body to the adapter's /slack/events with an exact content type (no charset). */
export async function postSigned(baseUrl: string, body: string, contentType: 'application/x-www-form-urlencoded' | 'application/json', options: SignOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': contentType, ...sign(body, options) };
  if (options.signature !== undefined) headers['x-slack-signature'] = options.signature;
  return fetch(`${baseUrl}/slack/events`, { method: 'POST', headers, body });
}

export function slashCommand(text: string, responseUrl: string, overrides: Record<string, string> = {}): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: TEAM.id,
    team_domain: TEAM.domain,
    channel_id: CHANNEL_ID,
    channel_name: 'general',
    user_id: USER_ID,
    user_name: 'ana',
    command: '/rights',
    text,
    api_app_id: 'A0RIGHTS',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: '123.456.abc',
    ...overrides,
  }).toString();
}

/** A block_actions payload for a click on `button` in a message (ephemeral unless said otherwise). */
export function blockAction(button: { action_id: string; value?: string }, responseUrl: string, { ephemeral = true, channel = CHANNEL_ID } = {}): string {
  const payload = {
    type: 'block_actions',
    user: { id: USER_ID, username: 'ana', name: 'ana', team_id: TEAM.id },
    api_app_id: 'A0RIGHTS',
    token: 'deprecated-verification-token',
    container: { type: 'message', message_ts: '1700000000.000200', channel_id: channel, is_ephemeral: ephemeral },
    trigger_id: '123.456.def',
    team: TEAM,
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channel, name: 'general' },
    response_url: responseUrl,
    actions: [{ type: 'button', block_id: 'b1', action_id: button.action_id, text: { type: 'plain_text', text: 'x' }, value: button.value, action_ts: '1700000001.000300' }],
    state: { values: {} },
  };
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

export function eventCallback(event: Record<string, unknown>): string {
  return JSON.stringify({
    token: 'deprecated-verification-token',
    team_id: TEAM.id,
    api_app_id: 'A0RIGHTS',
    event,
    type: 'event_callback',
    event_id: `Ev${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: TEAM.id, user_id: 'UBOT0001', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  });
}

export function appMention(text: string, extra: Record<string, unknown> = {}): string {
  return eventCallback({ type: 'app_mention', user: USER_ID, text, ts: '1700000100.000100', channel: CHANNEL_ID, event_ts: '1700000100.000100', ...extra });
}

export function directMessage(text: string, extra: Record<string, unknown> = {}): string {
  return eventCallback({ type: 'message', channel_type: 'im', user: USER_ID, text, ts: '1700000200.000100', channel: DM_CHANNEL_ID, event_ts: '1700000200.000100', ...extra });
}
