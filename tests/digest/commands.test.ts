// The digest chat commands, through the same request handler the adapters use.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withDigestCommands } from '../../adapters/digest/commands.js';
import { DigestService } from '../../adapters/digest/service.js';
import { FileStore } from '../../adapters/store/files.js';
import { createRequestHandler, type ChatRequest, type Logger } from '../../adapters/types.js';
import { realEngine } from '../helpers.js';

const quiet: Logger = { info: () => {}, warn: () => {}, error: () => {} };

async function harness() {
  const now = new Date('2026-12-18T10:00:00Z');
  const store = new FileStore(mkdtempSync(join(tmpdir(), 'rights-cmd-')), () => now.getTime());
  const service = new DigestService({ engine: realEngine(), store, posters: [], logger: quiet, now: () => now, timers: false });
  await service.start();
  const handle = withDigestCommands(createRequestHandler(realEngine()), service);
  const ask = (text: string, extra: Partial<ChatRequest> = {}) =>
    handle({ text, platform: 'slack', user: 'U1', userName: 'ana', channel: 'C1', ...extra });
  return { ask, service };
}

describe('digest chat commands', () => {
  it('previews today’s digest', async () => {
    const { ask } = await harness();
    const reply = await ask('digest');
    expect(reply.type).toBe('digest');
    expect(reply.type === 'digest' && reply.digest.onThisDay.map((d) => d.item.record.id)).toContain('icrmw');
  });

  it('turns the digest on with a time and zone, confirms publicly who did it, and reports status', async () => {
    const { ask, service } = await harness();
    const on = await ask('digest on 8:30 America/Mexico_City');
    expect(on).toMatchObject({ type: 'notice', key: 'digest.confirm.on', public: true, params: { user: 'ana', time: '08:30', timezone: 'America/Mexico_City' } });
    expect(service.status('slack', 'C1')).toMatchObject({ enabled: true, time: '08:30', timezone: 'America/Mexico_City' });
    expect(await ask('digest status')).toMatchObject({ key: 'digest.status.on', params: { time: '08:30' } });
    expect(await ask('digest off')).toMatchObject({ key: 'digest.confirm.off', public: true });
    expect(await ask('digest status')).toMatchObject({ key: 'digest.status.off' });
  });

  it('defaults to 09:00 UTC', async () => {
    const { ask, service } = await harness();
    await ask('digest on');
    expect(service.status('slack', 'C1')).toMatchObject({ time: '09:00', timezone: 'UTC' });
  });

  it('sets a theme watchlist by id or synonym, and rejects unknown themes', async () => {
    const { ask, service } = await harness();
    expect(await ask('digest themes children, immigration detention')).toMatchObject({ key: 'digest.confirm.themes', params: { themes: 'children, detention' } });
    expect(service.status('slack', 'C1')?.themes).toEqual(['children', 'detention']);
    expect(await ask('digest themes astrology')).toMatchObject({ key: 'digest.badTheme' });
    const preview = await ask('digest');
    expect(preview.type === 'digest' && preview.digest.recommendation?.record.themes.some((t) => ['children', 'detention'].includes(t))).toBe(true);
  });

  it('rejects bad times, zones and languages with a helpful notice', async () => {
    const { ask } = await harness();
    expect(await ask('digest on 25:00')).toMatchObject({ key: 'digest.badTime' });
    expect(await ask('digest on Mars/Olympus')).toMatchObject({ key: 'digest.badArg' });
    expect(await ask('digest lang de')).toMatchObject({ key: 'digest.badLang' });
    expect(await ask('digest frobnicate')).toMatchObject({ key: 'digest.usage' });
  });

  it('refuses changes from members who cannot manage the channel', async () => {
    const { ask, service } = await harness();
    expect(await ask('digest on', { platform: 'discord', canManageChannel: false })).toMatchObject({ key: 'digest.forbidden' });
    expect(service.status('discord', 'C1')).toBeUndefined();
    expect((await ask('digest', { platform: 'discord', canManageChannel: false })).type).toBe('digest');
  });

  it('on Slack, lets the member who turned the digest on, the channel creator and admins change it, and nobody else', async () => {
    // Finding: on Slack any channel member could turn a channel's digest off or change its themes.
    const { ask, service } = await harness();
    const member = { admin: false, channelCreator: false };
    expect(await ask('digest on 08:00', { user: 'U1', slackRole: member })).toMatchObject({ key: 'digest.confirm.on' });
    expect(service.status('slack', 'C1')).toMatchObject({ enabled: true, enabledBy: 'U1' });
    expect(await ask('digest off', { user: 'U2', userName: 'bo', slackRole: member })).toMatchObject({ key: 'digest.forbiddenSlack' });
    expect(await ask('digest themes children', { user: 'U2', userName: 'bo', slackRole: member })).toMatchObject({ key: 'digest.forbiddenSlack' });
    expect(service.status('slack', 'C1')).toMatchObject({ enabled: true, themes: [] });
    expect(await ask('digest themes children', { user: 'U3', slackRole: { admin: false, channelCreator: true } })).toMatchObject({ key: 'digest.confirm.themes' });
    expect(await ask('digest lang es', { user: 'U4', slackRole: { admin: true, channelCreator: false } })).toMatchObject({ key: 'digest.confirm.lang' });
    expect(await ask('digest off', { user: 'U1', slackRole: member })).toMatchObject({ key: 'digest.confirm.off' });
    // Anyone may see the status and the preview.
    expect(await ask('digest status', { user: 'U2' })).toMatchObject({ key: 'digest.status.off' });
  });

  it('leaves ordinary queries to the engine', async () => {
    const { ask } = await harness();
    const reply = await ask('treaties consular');
    expect(reply.type === 'answer' && reply.answer.type).toBe('results');
  });
});
