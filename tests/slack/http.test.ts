// End to end in HTTP mode: the real Bolt app on 127.0.0.1 receives signed requests as Slack sends them and
// answers through the Web API stand-in and a loopback response_url.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realEngine } from '../helpers.js';
import { startHarness, type Harness } from './harness.js';
import { allText, button, buttons, liveMentions } from './inspect.js';
import { appMention, blockAction, CHANNEL_ID, directMessage, DM_CHANNEL_ID, eventCallback, postSigned, slashCommand, USER_ID } from './payloads.js';
import { BOT_USER_ID } from './stand-in.js';

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

let h: Harness;
let n = 0;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Sends `/rights <text>` and returns what reached its response_url. */
async function slash(text: string): Promise<{ status: number; ack: string; replies: Record<string, unknown>[]; name: string }> {
  const name = `cmd-${++n}`;
  const res = await postSigned(h.base, slashCommand(text, h.api.responseUrl(name)), FORM);
  return { status: res.status, ack: await res.text(), replies: h.api.responsesTo(name).map((r) => r.body), name };
}

async function click(b: { action_id: string; value?: string }, options?: { ephemeral?: boolean }): Promise<Record<string, unknown>[]> {
  const name = `click-${++n}`;
  const res = await postSigned(h.base, blockAction(b, h.api.responseUrl(name), options), FORM);
  expect(res.status).toBe(200);
  return h.api.responsesTo(name).map((r) => r.body);
}

async function event(body: string): Promise<number> {
  const res = await postSigned(h.base, body, JSON_TYPE);
  return res.status;
}

function only<T>(list: T[]): T {
  expect(list).toHaveLength(1);
  return list[0] as T;
}

describe('slash command /rights', () => {
  it('acknowledges, then answers privately through response_url with Share and Details buttons', async () => {
    const { status, replies } = await slash('recommendations firewalls');
    expect(status).toBe(200);
    const reply = only(replies);
    expect(reply.response_type).toBe('ephemeral');
    expect(String(reply.text)).toMatch(/Recommendations for “firewalls”/);
    expect(allText(reply.blocks)).toMatch(/firewalls/i);
    const details = buttons(reply).filter((b) => b.action_id.startsWith('rights_details'));
    expect(details.length).toBeGreaterThan(0);
    expect(details.some((b) => b.value?.includes('firewalls'))).toBe(true);
    expect(button(reply, 'rights_share').value).toBe('0 recommendations firewalls');
  });

  it.each(['help', ''])('shows examples for %j', async (text) => {
    const reply = only((await slash(text)).replies);
    expect(allText(reply)).toContain('/rights recommendations firewalls');
    expect(allText(reply)).toContain('Examples');
  });

  it('says honestly when nothing matches, with suggestions', async () => {
    const reply = only((await slash('recommendations qwxzzyv')).replies);
    expect(allText(reply)).toMatch(/Nothing matches “qwxzzyv” among recommendations/);
    expect(allText(reply)).toMatch(/Try:/);
    expect(buttons(reply)).toHaveLength(0);
  });

  it('explains an unknown filter', async () => {
    const reply = only((await slash('treaties colour:blue')).replies);
    expect(allText(reply)).toMatch(/Unknown filter “colour:”/);
  });

  const KINDS = [
    ['recommendations', 'recommendation', 'Recommendation'],
    ['treaties', 'treaty', 'Treaty'],
    ['sessions', 'session', 'Session'],
    ['speakers', 'speaker', 'Speaker'],
    ['observances', 'observance', 'Observance'],
  ] as const;
  it.each(KINDS)('lists %s', async (word, kind, label) => {
    expect(realEngine().list(kind).length).toBeGreaterThan(0);
    const reply = only((await slash(word)).replies);
    const blocks = reply.blocks as { type: string; text?: { text: string } }[];
    expect(blocks[0]?.type).toBe('header');
    const sections = blocks.filter((b) => b.type === 'section').map((b) => b.text?.text ?? '');
    expect(sections.length).toBeGreaterThan(0);
    for (const s of sections) expect(s).toContain(`_${label}`);
  });

  it('answers the themes list and a record by id', async () => {
    expect(allText(only((await slash('themes')).replies))).toContain('`firewalls`');
    const id = realEngine().list('treaty')[0]?.id ?? '';
    const record = only((await slash(`show ${id}`)).replies);
    expect(allText(record)).toContain(`\`${id}\``);
    expect(allText(record)).toContain('Source:');
    expect(allText(only((await slash('show no-such-record')).replies))).toContain('No record with id “no-such-record”');
  });
});

describe('buttons (block_actions)', () => {
  it('More results answers the next page privately', async () => {
    const first = only((await slash('recommendations')).replies);
    const more = button(first, 'rights_more');
    expect(more.value).toBe('5 recommendations');
    const next = only(await click(more));
    expect(next).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(allText(next)).toMatch(/showing 6–10/);
    expect(button(next, 'rights_share').value).toBe('5 recommendations');
  });

  it('Details shows the full record with its source', async () => {
    const first = only((await slash('recommendations firewalls')).replies);
    const details = button(first, 'rights_details_0');
    const reply = only(await click(details));
    const record = realEngine().kb.byId.get(details.value ?? '');
    expect(record).toBeDefined();
    expect(allText(reply)).toContain(record?.title);
    expect(allText(reply)).toMatch(/\*Source:\*/);
    expect(allText(reply)).toMatch(/\*Related:\*/);
    expect(button(reply, 'rights_share').value).toBe(`0 show ${details.value}`);
  });

  it('Share in channel posts the same answer publicly, says who shared it, and removes the private copy', async () => {
    const first = only((await slash('recommendations firewalls')).replies);
    const before = h.api.callsTo('chat.postMessage').length;
    const replies = await click(button(first, 'rights_share'));
    const post = only(h.api.callsTo('chat.postMessage').slice(before));
    expect(post.params.channel).toBe(CHANNEL_ID);
    expect(post.authorization).toBe('Bearer xoxb-test-token');
    expect(allText(post.params.blocks)).toContain(`Shared by <@${USER_ID}>`);
    expect(allText(post.params.blocks)).toContain(allText((first.blocks as unknown[]).slice(0, 1)));
    expect(buttons(post.params.blocks)).toHaveLength(0);
    expect(liveMentions(post.params)).toEqual([`<@${USER_ID}>`, `<@${USER_ID}>`]);
    expect(replies).toEqual([{ delete_original: true }]);
  });

  it('an unreadable button value gets a polite notice', async () => {
    const reply = only(await click({ action_id: 'rights_details_0', value: 'NOT A <slug>' }));
    expect(allText(reply)).toContain('That button no longer works');
  });
});

describe('events', () => {
  it('app_mention answers in a thread under the message, without the bot mention', async () => {
    const before = h.api.callsTo('chat.postMessage').length;
    expect(await event(appMention(`<@${BOT_USER_ID}> treaties consular`))).toBe(200);
    const post = only(h.api.callsTo('chat.postMessage').slice(before));
    expect(post.params).toMatchObject({ channel: CHANNEL_ID, thread_ts: '1700000100.000100' });
    expect(allText(post.params.blocks)).toContain('Treaties for “consular”');
    expect(buttons(post.params.blocks).map((b) => b.action_id)).not.toContain('rights_share');
  });

  it('app_mention inside a thread answers in that thread', async () => {
    const before = h.api.callsTo('chat.postMessage').length;
    await event(appMention(`<@${BOT_USER_ID}> help`, { thread_ts: '1699999999.000001' }));
    expect(only(h.api.callsTo('chat.postMessage').slice(before)).params.thread_ts).toBe('1699999999.000001');
  });

  it('a direct message is answered in the DM', async () => {
    const before = h.api.callsTo('chat.postMessage').length;
    await event(directMessage('recommendations firewalls'));
    const post = only(h.api.callsTo('chat.postMessage').slice(before));
    expect(post.params.channel).toBe(DM_CHANNEL_ID);
    expect(post.params.thread_ts).toBeUndefined();
    expect(String(post.params.text)).toMatch(/firewalls/);
  });

  it('ignores bots, edits and channel messages', async () => {
    const before = h.api.callsTo('chat.postMessage').length;
    await event(directMessage('treaties', { bot_id: 'B0OTHER', subtype: 'bot_message' }));
    await event(directMessage('treaties', { bot_id: 'B0OTHER' }));
    await event(directMessage('treaties', { subtype: 'message_changed' }));
    await event(eventCallback({ type: 'message', channel_type: 'channel', user: USER_ID, text: 'treaties', ts: '1.2', channel: CHANNEL_ID }));
    await event(appMention(`<@${BOT_USER_ID}> treaties`, { bot_id: 'B0OTHER' }));
    expect(h.api.callsTo('chat.postMessage').length).toBe(before);
  });
});

describe('request verification', () => {
  it('answers the url_verification handshake', async () => {
    const res = await postSigned(h.base, JSON.stringify({ token: 'x', challenge: 'challenge-123', type: 'url_verification' }), JSON_TYPE);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('challenge-123');
  });

  it('refuses a forged signature with 401 and runs nothing', async () => {
    const name = `forged-${++n}`;
    const body = slashCommand('treaties', h.api.responseUrl(name));
    expect((await postSigned(h.base, body, FORM, { signature: `v0=${'0'.repeat(64)}` })).status).toBe(401);
    expect((await postSigned(h.base, body, FORM, { secret: 'not-the-signing-secret' })).status).toBe(401);
    expect(h.api.responsesTo(name)).toHaveLength(0);
  });

  it('refuses a correctly signed request whose timestamp is 10 minutes old', async () => {
    const name = `stale-${++n}`;
    const res = await postSigned(h.base, slashCommand('treaties', h.api.responseUrl(name)), FORM, { timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(res.status).toBe(401);
    expect(h.api.responsesTo(name)).toHaveLength(0);
  });
});

describe('escaping', () => {
  it('`<!channel> treaties` never produces a live broadcast mention', async () => {
    const reply = only((await slash('<!channel> treaties')).replies);
    expect(liveMentions(reply)).toEqual([]);
    expect(allText(reply)).toContain('@channel');
  });

  it('entities Slack escaped in the query are shown as typed, still inert', async () => {
    const reply = only((await slash('&lt;!here&gt; &amp; treaties')).replies);
    expect(liveMentions(reply)).toEqual([]);
    expect(allText(reply)).toContain('&lt;!here&gt; &amp;');
  });

  it('mentions of users, groups and channels in a mention stay plain text', async () => {
    const before = h.api.callsTo('chat.postMessage').length;
    await event(appMention(`<@${BOT_USER_ID}> <!everyone> <@U0OTHER|bob> <#C0RANDOM|random> <!subteam^S1|@admins> treaties`));
    const post = only(h.api.callsTo('chat.postMessage').slice(before));
    expect(liveMentions(post.params)).toEqual([]);
    expect(allText(post.params.blocks)).toContain('@everyone @bob #random @admins treaties');
  });
});
