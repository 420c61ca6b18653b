// When Discord or the handler fails (REST 500, 429, an expired interaction, a throwing handler): each failure
// is logged with context and without tokens, the user gets an apology where possible, the bot keeps answering.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestHandler, type RequestHandler } from '../../adapters/types.js';
import { realEngine } from '../helpers.js';
import { dataOf, MESSAGES_IN, startHarness, type Harness } from './harness.js';
import { BOT_USER, CHANNEL_ID, HUMAN, messageCreate, slashCommand } from './payloads.js';

const base = createRequestHandler(realEngine());
/** The real handler, except that queries with the word "explode" throw. */
const handle: RequestHandler = async (request) => {
  if (request.text.includes('explode')) throw new Error('handler exploded');
  return base(request);
};
const NO_PINGS = { parse: [], replied_user: false };

let h: Harness;
beforeAll(async () => {
  h = await startHarness(realEngine(), { handle });
});
afterAll(async () => {
  await h.close();
});

describe('Discord failures', () => {
  const SORRY = 'Sorry, something went wrong while answering';

  async function stillAnswers(): Promise<void> {
    const body = await h.callback(slashCommand('treaties', { query: 'consular' }));
    expect(dataOf(body).content).toContain('Treaties for “consular”');
  }

  it('a handler that throws: logged with context, the user gets an apology', async () => {
    const body = await h.callback(slashCommand('search', { query: 'explode' }));
    expect(dataOf(body)).toMatchObject({ flags: 64, content: expect.stringContaining(SORRY) });
    expect(h.logs).toContainEqual(
      expect.objectContaining({ level: 'error', message: 'slash command failed', context: expect.objectContaining({ command: '/rights search', user: HUMAN.id, error: 'Error: handler exploded' }) }),
    );
    await stillAnswers();
  });

  it('REST 500 on a mention reply: logged with status and route, apology sent, still answering', async () => {
    h.standIn.failNext({ method: 'POST', path: MESSAGES_IN(CHANNEL_ID), status: 500, body: { message: '500: Internal Server Error', code: 0 } });
    const before = h.standIn.calls('POST', MESSAGES_IN(CHANNEL_ID)).length;
    h.standIn.gateway.dispatch('MESSAGE_CREATE', messageCreate(`<@${BOT_USER.id}> treaties consular`, { mentions: [BOT_USER] }));
    const [failed, apology] = (await h.standIn.waitFor('POST', MESSAGES_IN(CHANNEL_ID), before + 2)).slice(before);
    expect(failed?.status).toBe(500);
    expect(apology?.body.content).toContain(SORRY);
    expect(apology?.body.allowed_mentions).toEqual(NO_PINGS);
    expect(h.logs).toContainEqual(
      expect.objectContaining({ level: 'error', message: 'mention failed', context: expect.objectContaining({ status: 500, method: 'POST', route: `/api/v10/channels/${CHANNEL_ID}/messages`, channel: CHANNEL_ID }) }),
    );
    expect((await h.mention('treaties consular')).reply.body.content).toContain('Treaties for “consular”');
  });

  it('429 on a reply: logged, retried after Retry-After by discord.js’s REST client, then delivered', async () => {
    h.standIn.failNext({
      method: 'POST',
      path: MESSAGES_IN(CHANNEL_ID),
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: 0.05, global: false },
      headers: { 'retry-after': '0.05', 'x-ratelimit-scope': 'user' },
    });
    const before = h.standIn.calls('POST', MESSAGES_IN(CHANNEL_ID)).length;
    h.standIn.gateway.dispatch('MESSAGE_CREATE', messageCreate(`<@${BOT_USER.id}> treaties consular`, { mentions: [BOT_USER] }));
    const [limited, delivered] = (await h.standIn.waitFor('POST', MESSAGES_IN(CHANNEL_ID), before + 2)).slice(before);
    expect(limited?.status).toBe(429);
    expect(delivered?.status).toBe(200);
    expect(delivered?.body.content).toContain('Treaties for “consular”');
    expect(h.logs).toContainEqual(expect.objectContaining({ level: 'warn', message: expect.stringMatching(/rate limited/), context: expect.objectContaining({ method: 'POST' }) }));
  });

  it('an expired interaction (Unknown interaction) is logged without its token, and nothing else is tried', async () => {
    h.standIn.failNext({ method: 'POST', path: /^\/interactions\/\d+\/[^/]+\/callback$/, status: 404, body: { message: 'Unknown interaction', code: 10062 } });
    const payload = slashCommand('treaties', { query: 'consular' });
    await h.interact(payload);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.standIn.calls('POST', new RegExp(`^/interactions/${payload.id}/`))).toHaveLength(1);
    const entry = h.logs.find((l) => l.context?.interaction === payload.id);
    expect(entry).toMatchObject({ level: 'warn', message: expect.stringMatching(/expired/), context: { code: 10062, status: 404 } });
    expect(String(entry?.context?.route)).toBe(`/api/v10/interactions/${payload.id}/:token/callback`);
    await stillAnswers();
  });

  it('REST 500 on an interaction callback: logged, then the apology is tried and delivered', async () => {
    h.standIn.failNext({ method: 'POST', path: /^\/interactions\/\d+\/[^/]+\/callback$/, status: 500 });
    const payload = slashCommand('treaties', { query: 'consular' });
    const [failed, apology] = await h.interact(payload, 2);
    expect(failed?.status).toBe(500);
    expect(dataOf(apology?.body ?? {})).toMatchObject({ flags: 64, content: expect.stringContaining(SORRY) });
    expect(h.logs).toContainEqual(expect.objectContaining({ level: 'error', message: 'slash command failed', context: expect.objectContaining({ interaction: payload.id, status: 500 }) }));
    await stillAnswers();
  });

  it('never logs the bot token or an interaction token', () => {
    const logged = JSON.stringify(h.logs);
    expect(logged).not.toContain('stand-in-bot-token');
    expect(logged).not.toContain('interaction-token-');
  });
});
