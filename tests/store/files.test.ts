// The file store: the shared contract, plus what only files can suffer (damage to the whole file, locks).
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileStore, StoreError } from '../../adapters/store/files.js';
import { describeStoreContract, target } from './contract.js';

describeStoreContract('files', () => ({
  fresh: async () => new FileStore(mkdtempSync(join(tmpdir(), 'rights-store-'))),
  twin: async (store) => new FileStore((store as FileStore).dir),
  damage: async (store, key) => {
    const path = (store as FileStore).digestPath;
    const data = JSON.parse(readFileSync(path, 'utf8')) as { targets: Record<string, unknown> };
    data.targets[key] = { ...target('BAD'), time: '9:00' };
    writeFileSync(path, JSON.stringify(data));
  },
}));

describe('file store damage', () => {
  const withFile = (content: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'rights-store-'));
    writeFileSync(join(dir, 'digest.json'), content);
    return new FileStore(dir);
  };
  const good = JSON.stringify({ version: 1, targets: { 'slack:C1': target('C1'), 'slack:C2': target('C2') } });

  it.each([
    ['empty', ''],
    ['truncated', good.slice(0, good.length / 2)],
    ['garbage', '\u0000\u0001 not json'],
    ['a trailing comma', good.replace(/}}$/, '},}')],
    ['a list instead of an object', '[]'],
    ['no targets', '{"version":1}'],
  ])('stops on %s, naming the file and the copy kept aside, and changes nothing', async (_kind, content) => {
    const store = withFile(content);
    const error = await store.loadTargets().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toContain(store.digestPath);
    expect((error as Error).message).toMatch(/copy is kept as .*digest\.json\.damaged-/);
    expect(readFileSync(store.digestPath, 'utf8')).toBe(content);
    expect(readdirSync(store.dir).some((n) => n.startsWith('digest.json.damaged-'))).toBe(true);
    // A post is never claimed from a file that cannot be read.
    await expect(store.claim('slack:C1', '2026-12-18', 'a', 60_000)).rejects.toThrow(StoreError);
  });

  it('reads a file saved with a byte-order mark', async () => {
    const store = withFile(`\uFEFF${good}`);
    expect([...(await store.loadTargets()).targets.keys()]).toEqual(['slack:C1', 'slack:C2']);
  });

  it.each([
    ['a time like "9:00"', { time: '9:00' }],
    ['an unknown platform', { platform: 'teams' }],
    ['a missing channel', { channel: undefined }],
    ['a wrong type', { enabled: 'yes' }],
  ])('keeps the other subscriptions when one has %s', async (_kind, change) => {
    const store = withFile(JSON.stringify({ version: 1, targets: { 'slack:C1': target('C1'), 'slack:BAD': { ...target('BAD'), ...change } } }));
    const { targets, damaged } = await store.loadTargets();
    expect([...targets.keys()]).toEqual(['slack:C1']);
    expect(damaged.map((d) => d.key)).toEqual(['slack:BAD']);
  });

  it('breaks a lock left by a process that died', async () => {
    const store = withFile(good);
    writeFileSync(`${store.digestPath}.lock`, '');
    const { utimesSync } = await import('node:fs');
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${store.digestPath}.lock`, old, old);
    expect(await store.claim('slack:C1', '2026-12-18', 'a', 60_000)).toBeDefined();
  });
});
