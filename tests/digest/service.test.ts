// Scheduling, exactly-once delivery, catch-up, corrupt state and failing targets, with a controlled clock.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DigestService, lastScheduled, localDate, type DigestPoster } from '../../adapters/digest/service.js';
import { StateStore } from '../../adapters/digest/state.js';
import type { Digest } from '../../src/digest/content.js';
import type { Logger } from '../../adapters/types.js';
import { realEngine } from '../helpers.js';

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

function setup(options: { dir?: string; fail?: (channel: string) => boolean; now: { value: Date } }) {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'rights-state-'));
  const posts: Post[] = [];
  const attempts: string[] = [];
  const poster = (platform: 'slack' | 'discord'): DigestPoster => ({
    platform,
    async post(channel, digest) {
      attempts.push(channel);
      if (options.fail?.(channel)) throw new Error(`channel_not_found: ${channel}`);
      posts.push({ platform, channel, digest });
    },
  });
  const { logger, lines } = recordingLogger();
  const store = new StateStore(dir, logger, () => options.now.value);
  const service = new DigestService({
    engine: realEngine(),
    store,
    posters: [poster('slack'), poster('discord')],
    logger,
    now: () => options.now.value,
    sleep: async () => undefined,
    timers: false,
  });
  return { dir, posts, attempts, lines, service, store };
}

const at = (iso: string) => ({ value: new Date(iso) });

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
    service.update('slack', 'MADRID', { enabled: true, time: '09:00', timezone: 'Europe/Madrid' }, 'ana');
    service.update('discord', 'MEXICO', { enabled: true, time: '09:00', timezone: 'America/Mexico_City' }, 'luis');
    now.value = new Date('2026-12-18T08:00:00Z'); // 09:00 in Madrid, 02:00 in Mexico City
    await service.runDue();
    expect(posts.map((p) => `${p.platform}:${p.channel}`)).toEqual(['slack:MADRID']);
    now.value = new Date('2026-12-18T15:00:00Z'); // 09:00 in Mexico City
    await service.runDue();
    expect(posts.map((p) => `${p.platform}:${p.channel}:${p.digest.date}`)).toEqual(['slack:MADRID:2026-12-18', 'discord:MEXICO:2026-12-18']);
  });

  it('posts once at the time, never twice the same local day, and again the next day', async () => {
    const now = at('2026-12-18T07:59:00Z');
    const { service, posts } = setup({ now });
    await service.start();
    service.update('slack', 'C1', { enabled: true, time: '09:00', timezone: 'Europe/Madrid' }, 'ana');
    await service.runDue();
    expect(posts).toHaveLength(0); // 08:59 in Madrid
    now.value = new Date('2026-12-18T08:00:00Z');
    await service.runDue();
    await service.runDue();
    expect(posts.map((p) => [p.channel, p.digest.date])).toEqual([['C1', '2026-12-18']]);
    expect(posts[0]?.digest.onThisDay.map((d) => d.item.record.id)).toContain('icrmw');
    now.value = new Date('2026-12-19T08:00:30Z');
    await service.runDue();
    expect(posts.map((p) => p.digest.date)).toEqual(['2026-12-18', '2026-12-19']);
    expect(posts[1]?.digest.recommendation?.record.id).not.toBe(posts[0]?.digest.recommendation?.record.id);
  });

  it('catches up once after a restart past the post time, and not after the window', async () => {
    const now = at('2026-12-18T06:00:00Z');
    const first = setup({ now });
    await first.service.start();
    first.service.update('discord', '42', { enabled: true, time: '07:00', timezone: 'UTC' }, 'ana');
    first.service.stop(); // down before 07:00

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

  it('never posts twice after a crash in the middle of a post', async () => {
    const now = at('2026-12-18T06:00:00Z');
    const first = setup({ now });
    await first.service.start();
    first.service.update('slack', 'C9', { enabled: true, time: '07:00', timezone: 'UTC' }, 'ana');
    // Simulate a crash after the post started: the attempt is on disk, the confirmation is not.
    const state = JSON.parse(readFileSync(join(first.dir, 'digest.json'), 'utf8'));
    state.targets['slack:C9'].attempt = '2026-12-18';
    writeFileSync(join(first.dir, 'digest.json'), JSON.stringify(state));
    now.value = new Date('2026-12-18T07:10:00Z');
    const second = setup({ now, dir: first.dir });
    await second.service.start();
    expect(second.posts).toHaveLength(0);
  });

  it('does not post for a time that passed before the digest was turned on', async () => {
    const now = at('2026-12-18T10:00:00Z');
    const { service, posts } = setup({ now });
    await service.start();
    service.update('slack', 'C1', { enabled: true, time: '09:00', timezone: 'UTC' }, 'ana');
    await service.runDue();
    expect(posts).toHaveLength(0);
  });

  it('keeps a corrupt state file aside, reports it, and keeps running', async () => {
    const now = at('2026-12-18T10:00:00Z');
    const dir = mkdtempSync(join(tmpdir(), 'rights-state-'));
    writeFileSync(join(dir, 'digest.json'), '{ not json');
    const { service, lines } = setup({ now, dir });
    await service.start();
    expect(lines.some((l) => l.startsWith('error digest state file is corrupt'))).toBe(true);
    const aside = readdirSync(dir).filter((f) => f.startsWith('digest.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0] ?? ''), 'utf8')).toBe('{ not json');
    expect(existsSync(join(dir, 'digest.json'))).toBe(true);
  });

  it('retries a failing channel, gives up for the day, and does not hold up the others', async () => {
    const now = at('2026-12-18T06:00:00Z');
    const { service, posts, attempts, lines } = setup({ now, fail: (c) => c === 'BROKEN' });
    await service.start();
    service.update('slack', 'BROKEN', { enabled: true, time: '07:00', timezone: 'UTC' }, 'ana');
    service.update('slack', 'OK', { enabled: true, time: '07:00', timezone: 'UTC' }, 'ana');
    now.value = new Date('2026-12-18T07:00:00Z');
    await service.runDue();
    expect(posts.map((p) => p.channel)).toEqual(['OK']);
    expect(attempts.filter((c) => c === 'BROKEN')).toHaveLength(4);
    expect(lines.some((l) => l.startsWith('error digest given up for today') && l.includes('slack:BROKEN'))).toBe(true);
    await service.runDue();
    expect(attempts.filter((c) => c === 'BROKEN')).toHaveLength(4); // given up until tomorrow
  });

  it('writes the state atomically as JSON', async () => {
    const now = at('2026-12-18T06:00:00Z');
    const { service, dir } = setup({ now });
    await service.start();
    service.update('slack', 'C1', { enabled: true, themes: ['children'] }, 'ana');
    const saved = JSON.parse(readFileSync(join(dir, 'digest.json'), 'utf8'));
    expect(saved.targets['slack:C1']).toMatchObject({ enabled: true, themes: ['children'], changedBy: 'ana', time: '09:00', timezone: 'UTC' });
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
