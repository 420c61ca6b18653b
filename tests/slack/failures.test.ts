// When Slack or the handler fails: every failure is logged with context, the user gets an apology instead
// of silence, and the app keeps answering the next request.
import { afterEach, describe, expect, it } from 'vitest';
import { createRequestHandler } from '../../adapters/types.js';
import { realEngine } from '../helpers.js';
import { startHarness, type Harness } from './harness.js';
import { allText, button } from './inspect.js';
import { appMention, blockAction, CHANNEL_ID, postSigned, slashCommand, USER_ID } from './payloads.js';
import { BOT_USER_ID } from './stand-in.js';

const FORM = 'application/x-www-form-urlencoded';
const SORRY = 'Sorry, something went wrong while answering';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function mention(harness: Harness, text: string): Promise<void> {
  expect((await postSigned(harness.base, appMention(`<@${BOT_USER_ID}> ${text}`), 'application/json')).status).toBe(200);
}

async function slash(harness: Harness, text: string, name: string): Promise<Record<string, unknown>[]> {
  expect((await postSigned(harness.base, slashCommand(text, harness.api.responseUrl(name)), FORM)).status).toBe(200);
  return harness.api.responsesTo(name).map((r) => r.body);
}

/** The process is alive and still answers. */
async function stillAnswers(harness: Harness): Promise<void> {
  const [reply] = await slash(harness, 'treaties consular', `alive-${Date.now()}`);
  expect(allText(reply)).toContain('Treaties for “consular”');
}

describe('Web API failures', () => {
  it('a refused chat.postMessage is logged and the user gets an apology in the thread', async () => {
    h = await startHarness();
    h.api.fail('chat.postMessage', { error: 'invalid_blocks' });
    await mention(h, 'treaties consular');
    const [answer, apology] = h.api.callsTo('chat.postMessage');
    expect(answer?.params.blocks).toBeDefined();
    expect(apology?.params).toMatchObject({ channel: CHANNEL_ID, thread_ts: '1700000100.000100' });
    expect(String(apology?.params.text)).toContain(SORRY);
    expect(h.logs).toContainEqual(
      expect.objectContaining({ level: 'error', message: 'chat.postMessage failed', context: expect.objectContaining({ slackError: 'invalid_blocks', user: USER_ID, channel: CHANNEL_ID, text: 'treaties consular' }) }),
    );
    await stillAnswers(h);
  });

  it('an HTTP 500 from the Web API is handled the same way', async () => {
    h = await startHarness();
    h.api.fail('chat.postMessage', { status: 500 });
    await mention(h, 'help');
    expect(String(h.api.callsTo('chat.postMessage')[1]?.params.text)).toContain(SORRY);
    expect(h.logs.some((l) => l.level === 'error' && l.message === 'chat.postMessage failed')).toBe(true);
    await stillAnswers(h);
  });

  it('a 429 that is not retried (retries: 0) is logged and the user told', async () => {
    h = await startHarness({ retries: 0 });
    h.api.fail('chat.postMessage', { status: 429, retryAfter: 0 });
    await mention(h, 'treaties consular');
    const calls = h.api.callsTo('chat.postMessage');
    expect(calls).toHaveLength(2);
    expect(String(calls[1]?.params.text)).toContain(SORRY);
    expect(h.logs).toContainEqual(expect.objectContaining({ level: 'error', message: 'chat.postMessage failed', context: expect.objectContaining({ error: expect.stringMatching(/rate limit/i) }) }));
    await stillAnswers(h);
  });

  it('a 429 is retried after Retry-After by the Web API client, as in production', async () => {
    h = await startHarness({ retries: 2 });
    h.api.fail('chat.postMessage', { status: 429, retryAfter: 0 });
    await mention(h, 'treaties consular');
    const calls = h.api.callsTo('chat.postMessage');
    expect(calls).toHaveLength(2);
    expect(calls[0]?.params.blocks).toEqual(calls[1]?.params.blocks);
    expect(h.logs.some((l) => /rate limit/i.test(l.message))).toBe(true);
    expect(h.logs.some((l) => l.level === 'error')).toBe(false);
  });

  it('sharing where the bot is not a member tells the user how to fix it', async () => {
    h = await startHarness();
    const [first] = await slash(h, 'recommendations firewalls', 'share-source');
    h.api.fail('chat.postMessage', { error: 'not_in_channel' });
    const res = await postSigned(h.base, blockAction(button(first, 'rights_share'), h.api.responseUrl('share-click')), FORM);
    expect(res.status).toBe(200);
    const replies = h.api.responsesTo('share-click').map((r) => r.body);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(allText(replies[0])).toContain('I could not post in this channel');
    expect(h.logs).toContainEqual(expect.objectContaining({ level: 'error', message: 'sharing in the channel failed', context: expect.objectContaining({ slackError: 'not_in_channel' }) }));
  });
});

describe('response_url and handler failures', () => {
  it('a rejected response_url is logged and the apology goes out as an ephemeral message', async () => {
    h = await startHarness();
    h.api.fail('respond/gone', { status: 404 }, { status: 404 });
    const replies = await slash(h, 'treaties consular', 'gone');
    expect(replies).toHaveLength(2);
    const [ephemeral] = h.api.callsTo('chat.postEphemeral');
    expect(ephemeral?.params).toMatchObject({ channel: CHANNEL_ID, user: USER_ID });
    expect(String(ephemeral?.params.text)).toContain(SORRY);
    expect(h.logs).toContainEqual(expect.objectContaining({ level: 'error', message: 'response_url refused the answer', context: expect.objectContaining({ status: 404 }) }));
    await stillAnswers(h);
  });

  it('a response_url that refuses only the answer still gets the apology', async () => {
    h = await startHarness();
    h.api.fail('respond/big', { status: 400 });
    const replies = await slash(h, 'treaties', 'big');
    expect(replies).toHaveLength(2);
    expect(allText(replies[1])).toContain(SORRY);
    expect(h.api.callsTo('chat.postEphemeral')).toHaveLength(0);
  });

  it('a handler that throws is logged with context and the user gets an apology', async () => {
    const engine = realEngine();
    const normal = createRequestHandler(engine);
    h = await startHarness({
      handle: async (request) => {
        if (request.text.includes('boom')) throw new Error('index exploded');
        return normal(request);
      },
    });
    const [reply] = await slash(h, 'boom', 'boom');
    expect(reply).toMatchObject({ response_type: 'ephemeral' });
    expect(allText(reply)).toContain(SORRY);
    expect(h.logs).toContainEqual(expect.objectContaining({ level: 'error', message: 'could not answer', context: expect.objectContaining({ error: 'index exploded', text: 'boom', user: USER_ID }) }));
    await mention(h, 'boom');
    expect(String(h.api.callsTo('chat.postMessage')[0]?.params.text)).toContain(SORRY);
    await stillAnswers(h);
  });
});
