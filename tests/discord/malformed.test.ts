// Regression: a malformed gateway packet (MESSAGE_CREATE without an author, INTERACTION_CREATE without a
// member or user) threw inside discord.js's packet handling, and the unhandled rejection killed the process.
// Through the real discord.js client and the gateway stand-in: each is dropped and logged, the bot answers on.
// Overlong input (a 10 kB paste) is answered from its beginning, within Discord's limits, with a note saying so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordMessage } from '../../adapters/discord/render.js';
import { realEngine } from '../helpers.js';
import { dataOf, startHarness, textOf, type Harness } from './harness.js';
import { discordViolations } from './limits-check.js';
import { autocomplete, BOT_USER, messageCreate, slashCommand } from './payloads.js';

let h: Harness;
const unhandled: unknown[] = [];
const record = (reason: unknown) => void unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', record);
  process.on('uncaughtException', record);
  h = await startHarness(realEngine());
});
afterAll(async () => {
  process.off('unhandledRejection', record);
  process.off('uncaughtException', record);
  await h?.close();
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

/** A normal mention still gets its answer. */
async function stillAnswers(): Promise<void> {
  expect((await h.mention('treaties consular')).reply.body.content).toContain('Treaties for “consular”');
}

describe('malformed gateway packets', () => {
  it('a guild MESSAGE_CREATE without an author is ignored with a warning; a normal mention is still answered', async () => {
    const { author: _author, ...noAuthor } = messageCreate(`<@${BOT_USER.id}> treaties consular`, { mentions: [BOT_USER] });
    h.standIn.gateway.dispatch('MESSAGE_CREATE', noAuthor);
    await settle();
    expect(h.logs).toContainEqual(expect.objectContaining({ level: 'warn', message: 'ignored a message without an author' }));
    await stillAnswers();
    expect(unhandled).toEqual([]);
  });

  it('a direct MESSAGE_CREATE without an author, in a channel discord.js does not know, is contained', async () => {
    const { author: _author, ...noAuthor } = messageCreate('treaties consular', { dm: true });
    h.standIn.gateway.dispatch('MESSAGE_CREATE', { ...noAuthor, channel_id: '1180000000000000999' });
    await settle();
    await stillAnswers();
    expect(unhandled).toEqual([]);
  });

  it('an INTERACTION_CREATE without a member or user is dropped and logged by type, never with its token', async () => {
    const { member: _member, ...noMember } = slashCommand('treaties', { query: 'consular' });
    h.standIn.gateway.dispatch('INTERACTION_CREATE', noMember);
    await settle();
    const dropped = h.logs.find((entry) => entry.message === 'dropped a gateway event that could not be read');
    expect(dropped).toMatchObject({ level: 'error', context: { event: 'INTERACTION_CREATE', error: expect.stringMatching(/^TypeError: /) } });
    expect(JSON.stringify(h.logs)).not.toContain(noMember.token);
    await stillAnswers();
    expect(unhandled).toEqual([]);
  });

  it('an interaction whose data is garbage is contained too', async () => {
    const payload = slashCommand('treaties', { query: 'consular' });
    h.standIn.gateway.dispatch('INTERACTION_CREATE', { ...payload, type: 2, data: null });
    await settle();
    await stillAnswers();
    expect(unhandled).toEqual([]);
  });
});

describe('overlong input', () => {
  const NOTE = 'only its beginning was read';
  const PASTE = 'detention of migrant children '.repeat(340); // 10 kB

  it('a 10 kB mention is answered from its beginning, within the limits, with the note', async () => {
    const { reply } = await h.mention(PASTE);
    expect(discordViolations(reply.body as unknown as DiscordMessage)).toEqual([]);
    expect(textOf(reply.body)).toContain(`Your message is longer than 4,000 characters, so ${NOTE}`);
  });

  it('a slash command with a 6,000-character query (Discord’s cap for an option) gets the note in the user’s language', async () => {
    const body = await h.callback(slashCommand('search', { query: 'detención de niños migrantes '.repeat(207) }, { locale: 'es-ES' }));
    expect(discordViolations(dataOf(body) as unknown as DiscordMessage)).toEqual([]);
    expect(textOf(body)).toContain('Su mensaje supera los 4000 caracteres');
  });

  it('autocomplete with 6,000 characters typed still suggests records', async () => {
    const body = await h.callback(autocomplete('treaties', { query: 'vienna convention '.repeat(333) }, 'query'));
    const choices = dataOf(body).choices as { name: string; value: string }[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.map((c) => c.name).join(' ')).toContain('Vienna Convention');
  });
});

