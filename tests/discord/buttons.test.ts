// Buttons whose query is too long for a custom_id, end to end: the real discord.js client against the stand-in,
// the texts kept in a shared store, so a button works after a restart and on another replica.
import { afterEach, describe, expect, it } from 'vitest';
import { BUTTON_LIFETIME_MS, BUTTON_NAMESPACE, textKey } from '../../adapters/discord/custom-id.js';
import { realEngine } from '../helpers.js';
import { MemoryStore } from '../store/memory.js';
import { buttonLabelled, dataOf, startHarness, type Harness } from './harness.js';
import { buttonClick, slashCommand } from './payloads.js';

const engine = realEngine();
const CALLBACK = { reply: 4, update: 7 };
/** Over the 93 characters a More custom_id has room for, once `recommendations ` is put in front. */
const LONG = 'migrants rights protection of migrant workers and members of their families in transit and at borders';
const TEXT = `recommendations ${LONG}`;
const STASHED = /^r1:m:5:~[A-Za-z0-9_-]{16}$/;

const open: Harness[] = [];
async function harness(store?: MemoryStore): Promise<Harness> {
  const h = await startHarness(engine, store ? { store } : {});
  open.push(h);
  return h;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close()));
});

async function longAnswerMore(h: Harness): Promise<string> {
  const answer = await h.callback(slashCommand('recommendations', { query: LONG }));
  return buttonLabelled(answer, 'More').custom_id;
}

describe('Discord buttons with a long query', () => {
  it('save the query before the answer is sent, and page on after the adapter restarts with the same store', async () => {
    const store = new MemoryStore();
    store.putDelayMs = 300;
    const first = await harness(store);
    const more = await longAnswerMore(first);
    expect(more).toBe(`r1:m:5:~${textKey(TEXT)}`);
    // The write took 300 ms and the answer came after it: it was saved before sending.
    expect(await store.getValue(BUTTON_NAMESPACE, textKey(TEXT), BUTTON_LIFETIME_MS)).toBe(TEXT);
    await first.close();
    open.splice(open.indexOf(first), 1);

    const restarted = await harness(store);
    const body = await restarted.callback(buttonClick(more, { ephemeral: true }));
    expect(body.type).toBe(CALLBACK.update);
    const asked = engine.ask(TEXT);
    if (asked.type !== 'results') throw new Error('expected results for the long query');
    expect(dataOf(body).content).toContain(`${asked.total} found, showing 6–10`);
    expect(buttonLabelled(body, 'More').custom_id).toMatch(/^r1:m:10:~/);
  });

  it('work on another replica sharing the store', async () => {
    const store = new MemoryStore();
    const [one, two] = [await harness(store), await harness(store)];
    const more = await longAnswerMore(one);
    expect(more).toMatch(STASHED);
    const body = await two.callback(buttonClick(more, { ephemeral: false }));
    expect(body.type).toBe(CALLBACK.reply);
    expect(dataOf(body)).toMatchObject({ flags: 64, content: expect.stringMatching(/showing 6–10/) });
    expect(store.gets).toContain(`${BUTTON_NAMESPACE}/${textKey(TEXT)}`);
  });

  it('from a mention, save the query before the reply is posted', async () => {
    const store = new MemoryStore();
    store.putDelayMs = 200;
    const h = await harness(store);
    const { reply } = await h.mention(TEXT);
    const more = buttonLabelled(reply.body, 'More').custom_id;
    expect(more).toBe(`r1:m:5:~${textKey(TEXT)}`);
    expect(await store.getValue(BUTTON_NAMESPACE, textKey(TEXT), BUTTON_LIFETIME_MS)).toBe(TEXT);
    const body = await h.callback(buttonClick(more, { ephemeral: false }));
    expect(dataOf(body).content).toMatch(/showing 6–10/);
  });

  it('say the button expired once its query is older than the lifetime', async () => {
    const store = new MemoryStore();
    const h = await harness(store);
    const more = await longAnswerMore(h);
    store.advance(BUTTON_LIFETIME_MS + 1000);
    const body = await h.callback(buttonClick(more, { ephemeral: true }));
    expect(body.type).toBe(CALLBACK.reply);
    expect(dataOf(body)).toMatchObject({ flags: 64, content: 'This button has expired: please ask again.' });
  });

  it('still answer when the store refuses the write: the button repeats the query cut to fit', async () => {
    const store = new MemoryStore();
    store.failPuts = 1;
    const h = await harness(store);
    const more = await longAnswerMore(h);
    expect(more).toBe(`r1:m:5:${TEXT.slice(0, 93)}`);
    expect(h.logs).toContainEqual(expect.objectContaining({ level: 'warn', message: expect.stringContaining('could not save a button') }));
    const body = await h.callback(buttonClick(more, { ephemeral: true }));
    expect(body.type).toBe(CALLBACK.update);
  });
});

describe('Discord buttons that are not ours', () => {
  it.each([
    ['unknown', 'someone-elses-button'],
    ['empty', ''],
    ['malformed', 'r1:x:1:abc'],
    ['a Details without an id', 'r1:d:0:'],
  ])('answer a click on an %s custom_id politely and privately', async (_, customId) => {
    const h = await harness();
    const body = await h.callback(buttonClick(customId, { ephemeral: false }));
    expect(body.type).toBe(CALLBACK.reply);
    expect(dataOf(body)).toMatchObject({ flags: 64, content: 'I don’t recognise this button. Ask again with /rights, or try /rights help.' });
    expect(h.logs).toContainEqual(expect.objectContaining({ level: 'warn', message: 'a button that is not ours' }));
  });

  it('answers in the user’s language', async () => {
    const h = await harness();
    const body = await h.callback(buttonClick('someone-elses-button', { ephemeral: false }, { locale: 'fr' }));
    expect(dataOf(body).content).toBe('Je ne reconnais pas ce bouton. Reposez la question avec /rights, ou essayez /rights help.');
  });
});
