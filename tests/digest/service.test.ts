// Scheduling and delivery: exactly once per channel per local day through claims in the store, catch-up,
// retries across the day, permanent refusals, damaged state, and two posters (bot and CLI, replicas).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DigestService, lastScheduled, localDate, type DigestPoster } from '../../adapters/digest/service.js';
import { FileStore, StoreError } from '../../adapters/store/files.js';
import { PostgresStore } from '../../adapters/store/postgres.js';
import type { Store } from '../../adapters/store/port.js';
import type { Digest } from '../../src/digest/content.js';
import type { Logger } from '../../adapters/types.js';
import { realEngine } from '../helpers.js';
import { startTestDatabase, type TestDatabase } from '../store/postgres-server.js';
import { target } from '../store/contract.js';

interface Post {
  platform: string;
  channel: string;
  digest: Digest;
}

function recordingLogger() {
  const lines: string[] = [];
  const log = (level: string) => (message: string, context?: Record<string, unknown>) => lines.push(`${level} ${message} ${JSON.stringify(context ?? {})}`);
  const logger: Logger = { info: log('info'), warn: log('warn'), error: log('error') };
  return { logger, lines };
}

type Behaviour = (channel: string, attempt: number) => 'ok' | 'hang' | Error;

/** A poster that records what the platform accepted; `behave` decides each attempt's fate. */
function poster(platform: 'slack' | 'discord', posts: Post[], attempts: string[], behave: Behaviour = () => 'ok'): DigestPoster {
  return {
    platform,
    async post(channel, digest) {
      attempts.push(channel);
      const fate = behave(channel, attempts.filter((c) => c === channel).length);
      if (fate === 'hang') return new Promise<void>(() => undefined);
      if (fate instanceof Error) throw fate;
      posts.push({ platform, channel, digest });
    },
  };
}

function setup(options: { store?: Store; dir?: string; behave?: Behaviour; now: { value: Date }; posts?: Post[] }) {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'rights-state-'));
  const store = options.store ?? new FileStore(dir, () => options.now.value.getTime());
  const posts: Post[] = options.posts ?? [];
  const attempts: string[] = [];
  const { logger, lines } = recordingLogger();
  const service = new DigestService({
    engine: realEngine(),
    store,
    posters: [poster('slack', posts, attempts, options.behave), poster('discord', posts, attempts, options.behave)],
    logger,
    now: () => options.now.value,
    postTimeoutMs: 50,
    backoffMs: 60_000,
    timers: false,
  });
  return { dir, store, posts, attempts, lines, service };
}

const at = (iso: string) => ({ value: new Date(iso) });
const by = { name: 'Ana', id: 'U1' };
const transient = (message: string) => Object.assign(new Error(message), { permanent: false });

describe('digest scheduling', () => {
  it('fires each target at its own local time', () => {
    const madrid = { platform: 'slack' as const, channel: 'C1', time: '09:00', timezone: 'Europe/Madrid', themes: [], lang: 'en' as const, enabled: true };
    const mexico = { ...madrid, channel: 'C2', timezone: 'America/Mexico_City' };
    const now = new Date('2026-12-18T12:00:00Z');
    expect(lastScheduled(madrid, now).toISOString()).toBe('2026-12-18T08:00:00.000Z');
    expect(lastScheduled(mexico, now).toISOString()).toBe('2026-12-17T15:00:00.000Z');
    expect(localDate(new Date('2026-12-18T03:00:00Z'), 'America/Mexico_City')).toBe('2026-12-17');
  });

  it('posts each channel at its own local time in two time zones', async () => {
    const now = at('2026-12-18T07:30:00Z');
    const { service, posts } = setup({ now });
    await service.start();
    await service.update('slack', 'MADRID', { enabled: true, time: '09:00', timezone: 'Europe/Madrid' }, by);
    await service.update('discord', 'MEXICO', { enabled: true, time: '09:00', timezone: 'America/Mexico_City' }, by);
    now.value = new Date('2026-12-18T08:00:00Z'); // 09:00 in Madrid, 02:00 in Mexico City
    await service.tick();
    expect(posts.map((p) => `${p.platform}:${p.channel}`)).toEqual(['slack:MADRID']);
    now.value = new Date('2026-12-18T15:00:00Z'); // 09:00 in Mexico City
    await service.tick();
    expect(posts.map((p) => `${p.platform}:${p.channel}:${p.digest.date}`)).toEqual(['slack:MADRID:2026-12-18', 'discord:MEXICO:2026-12-18']);
  });

  it('posts once at the time, never twice the same local day, and again the next day', async () => {
    const now = at('2026-12-18T07:59:00Z');
    const { service, posts } = setup({ now });
    await service.start();
    await service.update('slack', 'C1', { enabled: true, time: '09:00', timezone: 'Europe/Madrid' }, by);
    await service.tick();
    expect(posts).toHaveLength(0); // 08:59 in Madrid
    now.value = new Date('2026-12-18T08:00:00Z');
    await Promise.all([service.tick(), service.tick()]);
    await service.tick();
    expect(posts.map((p) => [p.channel, p.digest.date])).toEqual([['C1', '2026-12-18']]);
    expect(posts[0]?.digest.onThisDay.map((d) => d.item.record.id)).toContain('icrmw');
    now.value = new Date('2026-12-19T08:00:30Z');
    await service.tick();
    expect(posts.map((p) => p.digest.date)).toEqual(['2026-12-18', '2026-12-19']);
    expect(posts[1]?.digest.recommendation?.record.id).not.toBe(posts[0]?.digest.recommendation?.record.id);
  });

  it('catches up once after a restart past the post time, and not after the window', async () => {
    const now = at('2026-12-18T06:00:00Z');
    const first = setup({ now });
    await first.service.start();
    await first.service.update('discord', '42', { enabled: true, time: '07:00', timezone: 'UTC' }, by);
    await first.service.stop(); // down before 07:00
    now.value = new Date('2026-12-18T09:30:00Z');
    const second = setup({ now, dir: first.dir });
    await second.service.start(); // restart 2.5 h late: caught up once
    expect(second.posts.map((p) => p.digest.date)).toEqual(['2026-12-18']);
    const third = setup({ now, dir: first.dir });
    await third.service.start(); // restart again the same day: nothing
    expect(third.posts).toHaveLength(0);
    now.value = new Date('2026-12-19T14:00:00Z'); // down all morning, 7 h late: past the 6 h window
    const fourth = setup({ now, dir: first.dir });
    await fourth.service.start();
    expect(fourth.posts).toHaveLength(0);
  });

  it('does not post for a time that passed before the digest was turned on', async () => {
    const now = at('2026-12-18T10:00:00Z');
    const { service, posts } = setup({ now });
    await service.start();
    await service.update('slack', 'C1', { enabled: true, time: '09:00', timezone: 'UTC' }, by);
    await service.tick();
    expect(posts).toHaveLength(0);
  });
});

describe('digest delivery under faults', () => {
  it('times out a hung call, and the channel still gets its digest later that day, once', async () => {
    // Finding 1: a hung Slack call used to silence a channel for good, with nothing logged.
    const now = at('2026-12-18T06:59:00Z');
    const { service, posts, attempts, lines } = setup({ now, behave: (_c, n) => (n === 1 ? 'hang' : 'ok') });
    await service.start();
    await service.update('slack', 'C1', { enabled: true, time: '07:00', timezone: 'UTC' }, by);
    now.value = new Date('2026-12-18T07:00:00Z');
    await service.tick();
    expect(posts).toHaveLength(0);
    expect(lines.some((l) => l.startsWith('warn digest post failed; will retry') && l.includes('no answer from slack'))).toBe(true);
    now.value = new Date('2026-12-18T07:00:30Z');
    await service.tick(); // before the retry time: nothing
    expect(attempts).toHaveLength(1);
    now.value = new Date('2026-12-18T07:02:00Z');
    await service.tick();
    await service.tick();
    expect(posts.map((p) => p.digest.date)).toEqual(['2026-12-18']);
  });

  it('delivers once after a kill during the retry backoff of a 500 and a restart', async () => {
    // Finding 2: one transient failure plus a restart used to mean no digest that day.
    const now = at('2026-12-18T07:00:00Z');
    const failing = setup({ now, behave: () => transient('An API error occurred: HTTP 500') });
    await failing.service.update('slack', 'C1', { enabled: true, time: '07:00', timezone: 'UTC' }, by);
    // activeSince is now: move the clock on so 07:00 tomorrow is the first scheduled post.
    now.value = new Date('2026-12-19T07:00:00Z');
    await failing.service.tick();
    expect(failing.posts).toHaveLength(0);
    // The process is killed during its backoff; a new one starts after the retry time.
    now.value = new Date('2026-12-19T07:05:00Z');
    const restarted = setup({ now, dir: failing.dir });
    await restarted.service.start();
    const again = setup({ now, dir: failing.dir });
    await again.service.start();
    expect([...restarted.posts, ...again.posts].map((p) => p.digest.date)).toEqual(['2026-12-19']);
  });

  it('takes over a post whose poster died holding the claim, once its lease ends', async () => {
    const now = at('2026-12-18T06:00:00Z');
    const first = setup({ now });
    await first.service.update('slack', 'C1', { enabled: true, time: '07:00', timezone: 'UTC' }, by);
    now.value = new Date('2026-12-18T07:00:00Z');
    expect(await first.store.claim('slack:C1', '2026-12-18', 'a-process-that-dies', 120_000)).toBeDefined();
    const second = setup({ now, dir: first.dir });
    await second.service.start();
    expect(second.posts).toHaveLength(0); // the claim is still live
    now.value = new Date('2026-12-18T07:03:00Z');
    await second.service.tick();
    expect(second.posts.map((p) => p.channel)).toEqual(['C1']);
  });

  it('stops a channel the platform refuses for good, logs it with the channel, and keeps posting the others', async () => {
    const now = at('2026-12-18T06:00:00Z');
    const refused = Object.assign(new Error('An API error occurred: channel_not_found'), { permanent: true });
    const { service, posts, attempts, lines } = setup({ now, behave: (c) => (c === 'GONE' ? refused : 'ok') });
    await service.start();
    await service.update('slack', 'GONE', { enabled: true, time: '07:00', timezone: 'UTC' }, by);
    await service.update('slack', 'OK', { enabled: true, time: '07:00', timezone: 'UTC' }, by);
    now.value = new Date('2026-12-18T07:00:00Z');
    await service.tick();
    now.value = new Date('2026-12-19T07:00:00Z');
    await service.tick();
    expect(posts.map((p) => `${p.channel}:${p.digest.date}`)).toEqual(['OK:2026-12-18', 'OK:2026-12-19']);
    expect(attempts.filter((c) => c === 'GONE')).toHaveLength(1);
    expect(lines.some((l) => l.startsWith('error digest refused for good') && l.includes('"channel":"GONE"'))).toBe(true);
  });

  it('retries a transient failure with backoff across the catch-up window, then gives up for the day', async () => {
    const now = at('2026-12-18T06:00:00Z');
    const { service, attempts, lines } = setup({ now, behave: () => transient('HTTP 503') });
    await service.start();
    await service.update('slack', 'C1', { enabled: true, time: '07:00', timezone: 'UTC' }, by);
    for (let minute = 0; minute <= 7 * 60; minute += 5) {
      now.value = new Date(Date.parse('2026-12-18T07:00:00Z') + minute * 60_000);
      await service.tick();
    }
    // Backoff 1, 2, 4, 8… minutes (at most an hour) within the 6 h window: a handful of attempts, not hundreds.
    expect(attempts.length).toBeGreaterThanOrEqual(5);
    expect(attempts.length).toBeLessThanOrEqual(14);
    expect(lines.some((l) => l.startsWith('error digest not delivered today'))).toBe(true);
  });

  it('keeps the other subscriptions when one is damaged, and posts nothing twice', async () => {
    // Finding 3: one bad field used to throw away every target.
    const now = at('2026-12-18T06:00:00Z');
    const first = setup({ now });
    await first.service.update('slack', 'C1', { enabled: true, time: '07:00', timezone: 'UTC' }, by);
    await first.service.update('slack', 'C2', { enabled: true, time: '07:00', timezone: 'UTC' }, by);
    const path = join(first.dir, 'digest.json');
    const { readFileSync } = await import('node:fs');
    const data = JSON.parse(readFileSync(path, 'utf8'));
    data.targets['slack:C2'].time = '9:00';
    writeFileSync(path, JSON.stringify(data));
    now.value = new Date('2026-12-18T07:00:00Z');
    const second = setup({ now, dir: first.dir });
    await second.service.start();
    await second.service.tick();
    expect(second.posts.map((p) => p.channel)).toEqual(['C1']);
    expect(second.lines.some((l) => l.startsWith('error digest subscription is damaged') && l.includes('slack:C2'))).toBe(true);
    expect(JSON.parse(readFileSync(path, 'utf8')).targets['slack:C2'].time).toBe('9:00'); // kept for a person to fix
  });

  it('refuses to start on an unreadable state file instead of starting empty and posting again', async () => {
    const now = at('2026-12-18T07:00:00Z');
    const dir = mkdtempSync(join(tmpdir(), 'rights-state-'));
    writeFileSync(join(dir, 'digest.json'), '{ "version": 1, "targets": {');
    const { service, posts } = setup({ now, dir });
    await expect(service.start()).rejects.toThrow(StoreError);
    expect(posts).toHaveLength(0);
  });

  it('delivers once when `rights digest --send` runs while the bot runs', async () => {
    // Finding 4: the bot's in-memory state used to overwrite what the CLI wrote.
    const now = at('2026-12-18T06:00:00Z');
    const bot = setup({ now });
    await bot.service.start();
    await bot.service.update('slack', 'C1', { enabled: true, time: '07:00', timezone: 'UTC' }, by);
    const cli = setup({ now, dir: bot.dir, posts: bot.posts });
    await cli.service.load();
    expect(await cli.service.sendAll()).toEqual([{ target: 'slack:C1', outcome: 'sent' }]);
    now.value = new Date('2026-12-18T07:00:00Z');
    await bot.service.tick();
    expect(bot.posts.map((p) => p.channel)).toEqual(['C1']);
    expect(await cli.service.sendAll()).toEqual([{ target: 'slack:C1', outcome: 'skipped' }]);
  });

  it('writes the state as JSON, atomically', async () => {
    const now = at('2026-12-18T06:00:00Z');
    const { service, dir } = setup({ now });
    await service.start();
    await service.update('slack', 'C1', { enabled: true, themes: ['children'] }, by);
    const { readFileSync, readdirSync } = await import('node:fs');
    const saved = JSON.parse(readFileSync(join(dir, 'digest.json'), 'utf8'));
    expect(saved.targets['slack:C1']).toMatchObject({ enabled: true, themes: ['children'], changedBy: 'Ana', enabledBy: 'U1', time: '09:00', timezone: 'UTC' });
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp') || f.endsWith('.lock'))).toEqual([]);
  });
});

describe('replicas on PostgreSQL', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await startTestDatabase();
  }, 120_000);
  afterAll(async () => {
    await db?.stop();
  });

  it('posts once when two replicas are due at the same minute, and sees settings changed on the other', async () => {
    // Finding 6: state in one JSON file could not be shared by two replicas.
    const url = await db.newDatabase();
    const [a, b] = await Promise.all([PostgresStore.open(url), PostgresStore.open(url)]);
    await a.saveTarget('slack:C1', target('C1', { time: '07:00' }));
    const now = at('2026-12-18T07:00:00Z');
    const posts: Post[] = [];
    const one = setup({ now, store: a, posts });
    const two = setup({ now, store: b, posts });
    await Promise.all([one.service.start(), two.service.start()]);
    await Promise.all([one.service.tick(), two.service.tick(), one.service.tick(), two.service.tick()]);
    expect(posts.map((p) => p.channel)).toEqual(['C1']);
    await one.service.update('slack', 'C1', { themes: ['health'] }, by);
    await two.service.tick();
    expect(two.service.status('slack', 'C1')).toMatchObject({ themes: ['health'], lastSent: '2026-12-18' });
    await Promise.all([a.close(), b.close()]);
  });
});
