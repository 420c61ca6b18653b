// Who changes a channel's digest on Slack: the adapter asks users.info and conversations.info through Bolt's
// client, only for digest commands that change settings, and hands the answers on as ChatRequest.slackRole.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { changesDigest } from '../../adapters/slack/role.js';
import { createRequestHandler, type ChatRequest, type RequestHandler } from '../../adapters/types.js';
import { realEngine } from '../helpers.js';
import { startHarness, type Harness } from './harness.js';
import { appMention, CHANNEL_ID, postSigned, slashCommand, USER_ID } from './payloads.js';
import { BOT_USER_ID } from './stand-in.js';

const FORM = 'application/x-www-form-urlencoded';
const ROLE_METHODS = ['users.info', 'conversations.info'];

/** The real handler, keeping every request it is given. */
const seen: ChatRequest[] = [];
const base = createRequestHandler(realEngine());
const handle: RequestHandler = async (request) => {
  seen.push(request);
  return base(request);
};

let h: Harness;
let n = 0;
beforeAll(async () => {
  h = await startHarness({ handle });
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => {
  seen.length = 0;
  h.api.calls.length = 0;
  h.api.users.clear();
  h.api.channels.clear();
});

/** Sends `/rights <text>`, waits for its answer, and returns the request the handler got. */
async function slash(text: string): Promise<ChatRequest> {
  const name = `role-${++n}`;
  expect((await postSigned(h.base, slashCommand(text, h.api.responseUrl(name)), FORM)).status).toBe(200);
  expect(h.api.responsesTo(name)).toHaveLength(1);
  const [request] = seen.splice(0);
  if (!request) throw new Error(`the handler got no request for ${text}`);
  return request;
}

const roleCalls = () => h.api.calls.filter((c) => ROLE_METHODS.includes(c.method));

describe('slackRole on digest changes', () => {
  it('is set from users.info and conversations.info for /rights digest off', async () => {
    h.api.users.set(USER_ID, { is_admin: true });
    const request = await slash('digest off');
    expect(request.slackRole).toEqual({ admin: true, channelCreator: false });
    expect(h.api.callsTo('users.info').map((c) => c.params.user)).toEqual([USER_ID]);
    expect(h.api.callsTo('conversations.info').map((c) => c.params.channel)).toEqual([CHANNEL_ID]);
    expect(h.api.callsTo('users.info')[0]?.authorization).toBe('Bearer xoxb-test-token');
  });

  it('says who created the channel, and counts owners as admins', async () => {
    h.api.channels.set(CHANNEL_ID, { creator: USER_ID });
    expect((await slash('digest themes children')).slackRole).toEqual({ admin: false, channelCreator: true });
    h.api.channels.clear();
    h.api.users.set(USER_ID, { is_owner: true });
    expect((await slash('digest lang es')).slackRole).toEqual({ admin: true, channelCreator: false });
    h.api.users.set(USER_ID, { is_primary_owner: true });
    expect((await slash('digest on 08:30 Europe/Madrid')).slackRole).toEqual({ admin: true, channelCreator: false });
  });

  it('is set on a mention in any language, whatever the case and accents', async () => {
    h.api.users.set(USER_ID, { is_admin: true });
    expect((await postSigned(h.base, appMention(`<@${BOT_USER_ID}> Résumé OFF`), 'application/json')).status).toBe(200);
    expect(seen[0]?.slackRole).toEqual({ admin: true, channelCreator: false });
  });

  it('is not asked for ordinary queries, previews or status', async () => {
    for (const text of ['recommendations firewalls', 'digest', 'digest status', 'treaties digest off']) {
      const request = await slash(text);
      expect(request.slackRole, text).toBeUndefined();
    }
    expect(roleCalls()).toEqual([]);
  });

  it('counts the user as a member, with a warning, when Slack refuses a call', async () => {
    h.api.users.set(USER_ID, { is_admin: true });
    h.api.fail('conversations.info', { error: 'missing_scope' });
    expect((await slash('digest off')).slackRole).toEqual({ admin: false, channelCreator: false });
    expect(h.logs).toContainEqual(expect.objectContaining({ level: 'warn', message: expect.stringContaining('could not ask Slack who changes the digest') }));
  });

  it('counts the user as a member when Slack does not answer in time, and still answers', async () => {
    h.api.users.set(USER_ID, { is_admin: true });
    h.api.fail('users.info', { hang: true });
    const started = Date.now();
    expect((await slash('digest off')).slackRole).toEqual({ admin: false, channelCreator: false });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(h.logs).toContainEqual(expect.objectContaining({ level: 'warn', context: expect.objectContaining({ error: expect.stringContaining('did not answer within') }) }));
  });
});

describe('changesDigest', () => {
  it('matches the digest words followed by a changing sub-command', () => {
    for (const text of ['digest on', 'Digest OFF', 'resumen themes niñez', 'résumé lang fr', 'RESUME theme children', '  digest   on 09:00']) expect(changesDigest(text), text).toBe(true);
    for (const text of ['digest', 'digest status', 'digest preview', 'digests on', 'recommendations digest on', 'help', '']) expect(changesDigest(text), text).toBe(false);
  });
});
