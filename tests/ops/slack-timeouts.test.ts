// Every Slack Web API call is bounded: a hung call rejects within the request timeout, a 500 after a few
// quick retries, and the digest poster says whether a failure is permanent. Start-up fails fast when Slack
// cannot be reached.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSlackConfig, type SlackConfig } from '../../adapters/config.js';
import { createSlackAdapter, type DigestPostError, type SlackAdapter } from '../../adapters/slack/index.js';
import { createRequestHandler } from '../../adapters/types.js';
import { buildDigest } from '../../src/digest/content.js';
import { realEngine } from '../helpers.js';
import { recordingLogger, type LogLine } from '../slack/harness.js';
import { postSigned, SIGNING_SECRET, slashCommand } from '../slack/payloads.js';
import { SlackStandIn, waitFor } from '../slack/stand-in.js';

const TIMEOUT_MS = 300;
let api: SlackStandIn;
let adapter: SlackAdapter;
const logs: LogLine[] = [];
const { digest } = buildDigest(realEngine(), { date: '2024-12-18' });

function configAt(apiUrl: string): SlackConfig {
  const config = readSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-ops-token', SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: '0', SLACK_API_URL: apiUrl });
  if (!config) throw new Error('Slack not configured');
  return config;
}

/** How `post` rejected, and after how long. */
async function postFailure(channel: string): Promise<{ error: DigestPostError; ms: number }> {
  const started = Date.now();
  try {
    await adapter.digestPoster.post(channel, digest);
  } catch (error) {
    return { error: error as DigestPostError, ms: Date.now() - started };
  }
  throw new Error('post resolved');
}

beforeAll(async () => {
  api = await new SlackStandIn().start();
  adapter = createSlackAdapter({
    config: configAt(api.apiUrl),
    handle: createRequestHandler(realEngine()),
    logger: recordingLogger(logs),
    host: '127.0.0.1',
    requestTimeoutMs: TIMEOUT_MS,
    retryConfig: { retries: 2, minTimeout: 10, maxTimeout: 20 },
  });
  await adapter.start();
});

afterAll(async () => {
  await adapter?.stop();
  await api?.stop();
});

describe('the Slack digest poster', () => {
  it('rejects within the timeout when Slack never answers, as a transient failure, without retrying', async () => {
    api.fail('chat.postMessage', { hang: true });
    const before = api.callsTo('chat.postMessage').length;
    const { error, ms } = await postFailure('C0HUNG');
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 20);
    expect(ms).toBeLessThan(TIMEOUT_MS + 700);
    expect(error).toMatchObject({ platform: 'slack', permanent: false, code: `timed out after ${TIMEOUT_MS} ms` });
    expect(error.message).toBe(`[slack] could not post the digest to C0HUNG (timed out after ${TIMEOUT_MS} ms)`);
    // A timed-out post may have reached Slack: it is not sent again.
    expect(api.callsTo('chat.postMessage').length - before).toBe(1);
  });

  it.each(['channel_not_found', 'not_in_channel', 'is_archived', 'invalid_auth', 'account_inactive', 'missing_scope'])('%s is permanent', async (slackError) => {
    api.fail('chat.postMessage', { error: slackError });
    const { error } = await postFailure('C0GONE');
    expect(error).toMatchObject({ platform: 'slack', permanent: true, code: slackError });
    expect(error.message).toContain(`[slack] could not post the digest to C0GONE (${slackError}): retrying will not help`);
  });

  it.each([403, 404])('HTTP %i is permanent', async (status) => {
    api.fail('chat.postMessage', { status });
    const before = api.callsTo('chat.postMessage').length;
    const { error } = await postFailure('C0GONE');
    expect(error).toMatchObject({ permanent: true, code: `HTTP ${status}` });
    expect(api.callsTo('chat.postMessage').length - before).toBe(1);
  });

  it('a 500 is retried a bounded number of times, then rejects as transient', async () => {
    api.fail('chat.postMessage', { status: 500 }, { status: 500 }, { status: 500 });
    const before = api.callsTo('chat.postMessage').length;
    const { error } = await postFailure('C0BUSY');
    expect(error).toMatchObject({ permanent: false, code: 'HTTP 500' });
    expect(api.callsTo('chat.postMessage').length - before).toBe(3);
  });

  it('a 429 that persists through the retries rejects as transient', async () => {
    api.fail('chat.postMessage', { status: 429, retryAfter: 0 }, { status: 429, retryAfter: 0 }, { status: 429, retryAfter: 0 });
    const { error } = await postFailure('C0BUSY');
    expect(error).toMatchObject({ permanent: false, code: 'ratelimited' });
  });

  it('a 500 then a success posts once it succeeds', async () => {
    api.fail('chat.postMessage', { status: 503 });
    const before = api.callsTo('chat.postMessage').length;
    await adapter.digestPoster.post('C0FLAKY', digest);
    expect(api.callsTo('chat.postMessage').length - before).toBe(2);
  });

  it('an unknown Slack error is transient (the digest service tries again later)', async () => {
    api.fail('chat.postMessage', { error: 'internal_error' });
    const { error } = await postFailure('C0ODD');
    expect(error).toMatchObject({ permanent: false, code: 'internal_error' });
  });
});

describe('answers through response_url', () => {
  it('gives up on a response_url that never answers, within the timeout, and apologizes', async () => {
    api.fail('respond/hung', { hang: true });
    const started = Date.now();
    await postSigned(`http://127.0.0.1:${adapter.port()}`, slashCommand('treaties consular', api.responseUrl('hung')), 'application/x-www-form-urlencoded');
    await waitFor(() => api.responsesTo('hung').length === 2, 3_000);
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 1_500);
    expect(JSON.stringify(api.responsesTo('hung')[1]?.body)).toContain('Sorry, something went wrong');
    expect(logs).toContainEqual(expect.objectContaining({ level: 'error', message: 'response_url refused the answer' }));
  });
});

describe('start-up', () => {
  it('fails within seconds with a [slack] message when Slack cannot be reached', async () => {
    const closed = await closedPortUrl();
    const unreachable = createSlackAdapter({ config: configAt(closed), handle: createRequestHandler(realEngine()), logger: recordingLogger([]), host: '127.0.0.1' });
    const started = Date.now();
    await expect(unreachable.start()).rejects.toThrow(`[slack] could not reach Slack at ${closed} (ECONNREFUSED)`);
    expect(Date.now() - started).toBeLessThan(5_000);
    await unreachable.stop();
  });
});

/** A Web API URL on a port nothing listens on. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/api/`;
}
