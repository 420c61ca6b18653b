// The daily digest through Discord: `/rights digest` previews it, `settings:` changes it (Manage Channels
// only, confirmed publicly), and the digest service posts through the adapter's digestPoster.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { withDigestCommands } from '../../adapters/digest/commands.js';
import { DigestService, type DigestPoster } from '../../adapters/digest/service.js';
import { FileStore } from '../../adapters/store/files.js';
import { createRequestHandler } from '../../adapters/types.js';
import { realEngine } from '../helpers.js';
import { buttonLabelled, dataOf, MESSAGES_IN, recordingLogger, startHarness, textOf, type Harness } from './harness.js';
import { buttonClick, CHANNEL_ID, MANAGER_PERMISSIONS, slashCommand } from './payloads.js';

const engine = realEngine();
const posters: DigestPoster[] = [];
const service = new DigestService({
  engine,
  store: new FileStore(mkdtempSync(join(tmpdir(), 'rights-discord-digest-'))),
  posters,
  logger: recordingLogger().logger,
  timers: false,
});

let h: Harness;
beforeAll(async () => {
  await service.load();
  h = await startHarness(engine, { handle: withDigestCommands(createRequestHandler(engine), service) });
  posters.push(h.adapter.digestPoster);
});
afterAll(async () => {
  await service.stop();
  await h.close();
});

it('/rights digest previews the channel’s digest, ephemeral', async () => {
  const body = await h.callback(slashCommand('digest'));
  expect(dataOf(body)).toMatchObject({ flags: 64, content: expect.stringContaining('Rights digest for') });
  expect(textOf(body)).toContain('Recommendation of the day');
});

it('only members who can manage the channel change its digest; the change is announced publicly', async () => {
  const refused = await h.callback(slashCommand('digest', { settings: 'on 09:00 UTC' }));
  expect(dataOf(refused)).toMatchObject({ flags: 64, content: 'Only members who can manage this channel may change its digest.' });

  const accepted = await h.callback(slashCommand('digest', { settings: 'on 09:00 UTC' }, { permissions: MANAGER_PERMISSIONS }));
  expect(dataOf(accepted).flags ?? 0).toBe(0);
  expect(dataOf(accepted).content).toBe('Ada turned on the daily digest in this channel, every day at 09:00 (UTC).');
  expect(service.status('discord', CHANNEL_ID)).toMatchObject({ enabled: true, time: '09:00', timezone: 'UTC' });
});

it('the digest service posts through the adapter, with a Full record button that works', async () => {
  const before = h.standIn.calls('POST', MESSAGES_IN(CHANNEL_ID)).length;
  await service.sendAll();
  const [posted] = (await h.standIn.waitFor('POST', MESSAGES_IN(CHANNEL_ID), before + 1)).slice(before);
  expect(posted?.body).toMatchObject({ content: expect.stringContaining('Rights digest for'), allowed_mentions: { parse: [], replied_user: false } });
  const details = await h.callback(buttonClick(buttonLabelled(posted?.body ?? {}, 'Full record').custom_id, { ephemeral: false }));
  expect(dataOf(details)).toMatchObject({ flags: 64, content: expect.stringMatching(/^Recommendation · `/) });
});
