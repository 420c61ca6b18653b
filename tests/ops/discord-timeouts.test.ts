// Every Discord REST call is bounded: the digest poster rejects within the REST timeout when Discord never
// answers, says whether a failure is permanent, and retries a 500 a bounded number of times. Shards from
// the configuration reach the discord.js client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDiscordConfig } from '../../adapters/config.js';
import { createDiscordAdapter, REQUEST_TIMEOUT_MS, type DigestPostError, type DiscordAdapter } from '../../adapters/discord/index.js';
import { buildDigest } from '../../src/digest/content.js';
import { configFor, MESSAGES_IN, recordingLogger } from '../discord/harness.js';
import { GUILD_ID } from '../discord/payloads.js';
import { DiscordStandIn } from '../discord/stand-in.js';
import { realEngine } from '../helpers.js';

const TIMEOUT_MS = 300;
const CHANNEL = '300000000000000001';
let standIn: DiscordStandIn;
let adapter: DiscordAdapter;
const { digest } = buildDigest(realEngine(), { date: '2024-12-18' });

/** How `post` rejected, and after how long. */
async function postFailure(): Promise<{ error: DigestPostError; ms: number }> {
  const started = Date.now();
  try {
    await adapter.digestPoster.post(CHANNEL, digest);
  } catch (error) {
    return { error: error as DigestPostError, ms: Date.now() - started };
  }
  throw new Error('post resolved');
}

const posts = () => standIn.calls('POST', MESSAGES_IN(CHANNEL)).length;

/** Adapters built only to look at their client's options, destroyed after the tests. */
const built: DiscordAdapter[] = [];
function adapterFor(env: Record<string, string>): DiscordAdapter {
  const config = readDiscordConfig({ DISCORD_TOKEN: 'shard-token', ...env });
  if (!config) throw new Error('Discord not configured');
  const created = createDiscordAdapter({ config, engine: realEngine(), logger: recordingLogger().logger });
  built.push(created);
  return created;
}

beforeAll(async () => {
  standIn = await DiscordStandIn.start({ guildIds: [GUILD_ID] });
  // The poster needs no gateway login: REST only needs the token.
  adapter = createDiscordAdapter({ config: configFor(standIn), engine: realEngine(), logger: recordingLogger().logger, rest: { timeout: TIMEOUT_MS, retries: 2 } });
});

afterAll(async () => {
  for (const created of built) await created.stop();
  await adapter?.stop();
  await standIn?.close();
});

describe('the Discord digest poster', () => {
  it('rejects within the timeout when Discord never answers, as a transient failure, without posting again', async () => {
    standIn.hangNext({ method: 'POST', path: MESSAGES_IN(CHANNEL) });
    const before = posts();
    const { error, ms } = await postFailure();
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 20);
    expect(ms).toBeLessThan(TIMEOUT_MS + 700);
    expect(error).toMatchObject({ platform: 'discord', permanent: false, code: `timed out after ${TIMEOUT_MS} ms` });
    expect(error.message).toBe(`[discord] could not post the digest to channel ${CHANNEL} (timed out after ${TIMEOUT_MS} ms)`);
    expect(posts() - before).toBe(1);
  });

  it.each([
    [404, 10003, 'Unknown Channel'],
    [403, 50001, 'Missing Access'],
    [403, 50013, 'Missing Permissions'],
    [404, 0, 'Not Found'],
  ])('HTTP %i with code %i (%s) is permanent', async (status, code, message) => {
    standIn.failNext({ method: 'POST', path: MESSAGES_IN(CHANNEL), status, body: { message, code } });
    const { error } = await postFailure();
    expect(error).toMatchObject({ platform: 'discord', permanent: true, code: `HTTP ${status}, code ${code}` });
    expect(error.message).toContain('retrying will not help');
  });

  it('a 400 is not permanent (the digest service may try again later)', async () => {
    standIn.failNext({ method: 'POST', path: MESSAGES_IN(CHANNEL), status: 400, body: { message: 'Invalid Form Body', code: 50035 } });
    const { error } = await postFailure();
    expect(error).toMatchObject({ permanent: false, code: 'HTTP 400, code 50035' });
  });

  it('a 500 is retried a bounded number of times, then rejects as transient', async () => {
    for (let i = 0; i < 3; i++) standIn.failNext({ method: 'POST', path: MESSAGES_IN(CHANNEL), status: 500 });
    const before = posts();
    const { error } = await postFailure();
    expect(error).toMatchObject({ permanent: false, code: 'HTTP 500' });
    expect(posts() - before).toBe(3);
  });

  it('a 502 then a success posts', async () => {
    standIn.failNext({ method: 'POST', path: MESSAGES_IN(CHANNEL), status: 502 });
    const before = posts();
    await adapter.digestPoster.post(CHANNEL, digest);
    expect(posts() - before).toBe(2);
  });
});

describe('client options', () => {
  it('gives REST a timeout by default', () => {
    expect(adapterFor({}).client.rest.options.timeout).toBe(REQUEST_TIMEOUT_MS);
  });

  it('runs the shards DISCORD_SHARD_IDS names, of DISCORD_SHARD_COUNT', () => {
    expect(adapterFor({ DISCORD_SHARD_IDS: '0,2', DISCORD_SHARD_COUNT: '3' }).client.options).toMatchObject({ shards: [0, 2], shardCount: 3 });
  });

  it('runs every shard with DISCORD_SHARD_COUNT alone, and one shard without either', () => {
    expect(adapterFor({ DISCORD_SHARD_COUNT: '2' }).client.options).toMatchObject({ shards: [0, 1], shardCount: 2 });
    expect(adapterFor({}).client.options.shardCount).toBe(1);
  });
});
