// End to end: the real discord.js Client, logged in to the local stand-in through its gateway, answering
// mentions, direct messages, /rights, autocomplete and buttons; what reaches the REST stand-in is asserted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestHandler, type RequestHandler } from '../../adapters/types.js';
import { realEngine } from '../helpers.js';
import { buttonLabelled, buttonsOf, dataOf, MESSAGES_IN, startHarness, textOf, type Harness } from './harness.js';
import { LIVE_MENTION } from './limits-check.js';
import {
  APP_ID,
  autocomplete,
  BOT_ROLE_ID,
  BOT_USER,
  buttonClick,
  CHANNEL_ID,
  DM_CHANNEL_ID,
  GUILD_ID,
  HUMAN,
  messageCreate,
  MOD_ROLE_ID,
  OTHER_BOT,
  slashCommand,
} from './payloads.js';
import type { Json } from './stand-in.js';

const engine = realEngine();
const base = createRequestHandler(engine);
/** The real handler, slowed down to 1.2 s for queries with the word "slowly". */
const handle: RequestHandler = async (request) => {
  if (request.text.includes('slowly')) await new Promise((resolve) => setTimeout(resolve, 1200));
  return base(request);
};
const NO_PINGS = { parse: [], replied_user: false };
const CALLBACK = { reply: 4, deferredReply: 5, update: 7, autocomplete: 8 };

let h: Harness;
beforeAll(async () => {
  h = await startHarness(engine, { handle, deferAfterMs: 600 });
});
afterAll(async () => {
  await h.close();
});

const live = (body: Json) => textOf(body).match(LIVE_MENTION) ?? [];

describe('Discord adapter against the stand-in', () => {
  it('logs in through the gateway with only the intents it uses, and waits for the unavailable guild', () => {
    const [identify] = h.standIn.gateway.identifies;
    expect(identify).toMatchObject({ token: 'stand-in-bot-token', compress: false });
    expect(identify?.intents).toBe(1 + 512 + 4096); // Guilds, GuildMessages, DirectMessages
    expect(Number(identify?.intents) & (1 << 15)).toBe(0); // never the privileged MessageContent
    expect(h.standIn.gateway.connectionUrls[0]).toBe('/?v=10&encoding=json');
    expect(h.standIn.calls('GET', /^\/gateway\/bot$/)[0]?.headers.authorization).toBe('Bot stand-in-bot-token');
    expect(h.adapter.client.guilds.cache.get(GUILD_ID)?.available).toBe(true);
    expect(h.logs).toContainEqual(expect.objectContaining({ level: 'info', message: 'logged in to Discord' }));
  });

  it('keeps the gateway alive with heartbeats', async () => {
    const deadline = Date.now() + 3000;
    while (h.standIn.gateway.heartbeats === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(h.standIn.gateway.heartbeats).toBeGreaterThan(0);
  });

  it('answers a mention with a reply to that message', async () => {
    const { sent, reply } = await h.mention('recommendations firewalls');
    expect(reply.body.message_reference).toMatchObject({ message_id: sent.id });
    expect(reply.body.content).toMatch(/^\*\*Recommendations for “firewalls”\*\* · \d+ found/);
    expect((reply.body.embeds as Json[]).length).toBeGreaterThan(0);
    expect(reply.body.allowed_mentions).toEqual(NO_PINGS);
    expect(buttonsOf(reply.body).map((b) => b.label)).toContain('Details 1');
    expect(buttonsOf(reply.body).map((b) => b.label)).not.toContain('Share');
  });

  it('answers a bare mention with help, and a mention of its role like one of itself', async () => {
    expect(textOf((await h.mention('')).reply.body)).toContain('Rights Bot: how to ask');
    const { reply } = await h.send(`<@&${BOT_ROLE_ID}> treaties consular`, { mentionRoles: [BOT_ROLE_ID] });
    expect(reply.body.content).toContain('Treaties for “consular”');
  });

  it('answers direct messages', async () => {
    const { reply } = await h.send('treaties consular', { dm: true });
    expect(reply.path).toBe(`/channels/${DM_CHANNEL_ID}/messages`);
    expect(reply.body.content).toContain('Treaties for “consular”');
  });

  it('ignores bots (itself included) and messages that do not mention it', async () => {
    const before = h.standIn.calls('POST', MESSAGES_IN(CHANNEL_ID)).length;
    for (const ignored of [
      messageCreate(`<@${BOT_USER.id}> treaties`, { author: OTHER_BOT, mentions: [BOT_USER] }),
      messageCreate(`<@${BOT_USER.id}> treaties`, { author: BOT_USER, mentions: [BOT_USER] }),
      messageCreate('treaties consular'),
      messageCreate('@everyone treaties', { mentionEveryone: true }),
    ]) {
      h.standIn.gateway.dispatch('MESSAGE_CREATE', ignored);
    }
    // Events are handled in order: once this one is answered, the ignored ones had their chance.
    const { sent } = await h.mention('help');
    const replies = h.standIn.calls('POST', MESSAGES_IN(CHANNEL_ID)).slice(before);
    expect(replies.map((r) => (r.body.message_reference as Json).message_id)).toEqual([sent.id]);
  });

  it('never pings from a mention whose query holds @everyone, @here and a role', async () => {
    const { reply } = await h.mention(`@everyone @here <@&${MOD_ROLE_ID}> recommendations firewalls`, { mentionEveryone: true, mentionRoles: [MOD_ROLE_ID] });
    expect(reply.body.allowed_mentions).toEqual(NO_PINGS);
    expect(live(reply.body)).toEqual([]);
    expect(reply.body.content).toContain('@\u200beveryone @\u200bhere @Moderators');
  });

  it('answers /rights recommendations query:firewalls with an ephemeral answer and Share / Details buttons', async () => {
    const body = await h.callback(slashCommand('recommendations', { query: 'firewalls' }));
    expect(body.type).toBe(CALLBACK.reply);
    const data = dataOf(body);
    expect(data.flags).toBe(64);
    expect(data.content).toMatch(/^\*\*Recommendations for “firewalls”\*\*/);
    expect(data.allowed_mentions).toEqual(NO_PINGS);
    expect(buttonsOf(body).map((b) => b.label)).toEqual(expect.arrayContaining(['Share', 'Details 1']));
  });

  it('never pings from a slash query holding @everyone, @here and a role', async () => {
    const body = await h.callback(slashCommand('search', { query: `@everyone @here <@&${MOD_ROLE_ID}> firewalls` }));
    expect(dataOf(body).allowed_mentions).toEqual(NO_PINGS);
    expect(live(body)).toEqual([]);
  });

  it('autocompletes queries, ids and themes with at most 25 choices', async () => {
    for (const [sub, values, focused] of [
      ['recommendations', { query: 'fire' }, 'query'],
      ['search', { query: '' }, 'query'],
      ['show', { id: 'gfmd' }, 'id'],
      ['treaties', { query: 'x', theme: 'chil' }, 'theme'],
    ] as const) {
      const body = await h.callback(autocomplete(sub, values, focused));
      expect(body.type).toBe(CALLBACK.autocomplete);
      const choices = dataOf(body).choices as { name: string; value: string }[];
      expect(choices.length, sub).toBeGreaterThan(0);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
      if (focused === 'id') for (const c of choices) expect(engine.kb.byId.has(c.value)).toBe(true);
      if (focused === 'theme') expect(choices.map((c) => c.value)).toContain('children');
    }
  });

  it('Share posts the answer in the channel, saying who shared it, pinging nobody', async () => {
    const answer = await h.callback(slashCommand('treaties', { query: 'consular' }));
    const share = buttonLabelled(answer, 'Share');
    const body = await h.callback(buttonClick(share.custom_id, { ephemeral: true, components: dataOf(answer).components as unknown[] }));
    expect(body.type).toBe(CALLBACK.reply);
    const data = dataOf(body);
    expect(data.flags ?? 0).toBe(0);
    expect(String(data.content).split('\n')[0]).toBe(`Shared by <@${HUMAN.id}>`);
    expect(data.content).toContain('Treaties for “consular”');
    expect(data.allowed_mentions).toEqual(NO_PINGS);
    expect(buttonsOf(body).map((b) => b.label)).not.toContain('Share');
  });

  it('More shows the next page in place on an ephemeral answer, as a new ephemeral one under a public reply', async () => {
    const answer = await h.callback(slashCommand('recommendations'));
    const more = buttonLabelled(answer, 'More');
    const updated = await h.callback(buttonClick(more.custom_id, { ephemeral: true }));
    expect(updated.type).toBe(CALLBACK.update);
    expect(dataOf(updated).content).toMatch(/showing 6–10/);
    expect(buttonLabelled(updated, 'More').custom_id).not.toBe(more.custom_id);

    const { reply } = await h.mention('recommendations');
    const fromPublic = await h.callback(buttonClick(buttonLabelled(reply.body, 'More').custom_id, { ephemeral: false }));
    expect(fromPublic.type).toBe(CALLBACK.reply);
    expect(dataOf(fromPublic)).toMatchObject({ flags: 64, content: expect.stringMatching(/showing 6–10/) });
  });

  it('Details shows the full record, ephemeral', async () => {
    const answer = await h.callback(slashCommand('recommendations', { query: 'firewalls' }));
    const details = buttonLabelled(answer, 'Details 1');
    const body = await h.callback(buttonClick(details.custom_id, { ephemeral: true }));
    expect(body.type).toBe(CALLBACK.reply);
    const data = dataOf(body);
    expect(data.flags).toBe(64);
    const id = details.custom_id.split(':').slice(3).join(':');
    const record = engine.kb.byId.get(id);
    expect(data.content).toContain(`\`${id}\``);
    expect(textOf(body)).toContain(record?.title.slice(0, 40));
    expect(((data.embeds as Json[])[0]?.fields as Json[]).map((f) => f.name)).toContain('Source');
  });

  it('says a button has expired when its stashed query is gone', async () => {
    const body = await h.callback(buttonClick('r1:m:5:~zzzz', { ephemeral: true }));
    expect(dataOf(body)).toMatchObject({ flags: 64, content: 'This button has expired: please ask again.' });
  });

  it('defers an answer that takes longer than the deadline, then edits it in', async () => {
    const payload = slashCommand('search', { query: 'slowly firewalls' });
    const body = await h.callback(payload);
    expect(body).toMatchObject({ type: CALLBACK.deferredReply, data: { flags: 64 } });
    const [edit] = await h.standIn.waitFor('PATCH', new RegExp(`^/webhooks/${APP_ID}/${payload.token}/messages/@original$`));
    expect(edit?.body.content).toMatch(/firewalls/);
    expect(edit?.body.allowed_mentions).toEqual(NO_PINGS);
  });

  it('answers in the user’s language from the interaction locale', async () => {
    const body = await h.callback(slashCommand('recommendations', { query: 'firewalls' }, { locale: 'es-ES' }));
    expect(buttonsOf(body).map((b) => b.label)).toEqual(expect.arrayContaining(['Compartir', 'Detalles 1']));
  });
});
