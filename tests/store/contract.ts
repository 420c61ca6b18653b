// One contract suite for every Store implementation (files and PostgreSQL): subscriptions, claims with a
// lease, failures, settings that never rewind deliveries, concurrency, button values.
import { describe, expect, it } from 'vitest';
import type { Store } from '../../adapters/store/port.js';
import type { TargetState } from '../../adapters/digest/state.js';

export interface StoreFactory {
  /** A fresh, empty store. */
  fresh(): Promise<Store>;
  /** A second store instance over the same data (another process, another replica). */
  twin(store: Store): Promise<Store>;
  /** Writes a raw, invalid entry beside the valid ones (a damaged subscription). */
  damage(store: Store, key: string): Promise<void>;
}

export function target(channel: string, change: Partial<TargetState> = {}): TargetState {
  return { platform: 'slack', channel, time: '09:00', timezone: 'UTC', themes: [], lang: 'en', enabled: true, origin: 'chat', rotation: { shown: [] }, ...change };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function describeStoreContract(name: string, factory: () => StoreFactory): void {
  describe(`store contract: ${name}`, () => {
    it('keeps subscriptions, and reports a damaged one by key while keeping the others', async () => {
      const store = await factory().fresh();
      await store.saveTarget('slack:C1', target('C1', { time: '08:30', themes: ['children'] }));
      await store.saveTarget('slack:C2', target('C2'));
      await factory().damage(store, 'slack:BAD');
      const { targets, damaged } = await store.loadTargets();
      expect([...targets.keys()].sort()).toEqual(['slack:C1', 'slack:C2']);
      expect(targets.get('slack:C1')).toMatchObject({ time: '08:30', themes: ['children'] });
      expect(damaged).toEqual([{ key: 'slack:BAD', problem: expect.stringMatching(/time/) }]);
      // Writing the others never drops the damaged entry.
      await store.saveTarget('slack:C2', target('C2', { time: '10:00' }));
      expect((await store.loadTargets()).damaged.map((d) => d.key)).toEqual(['slack:BAD']);
      await store.close();
    });

    it('claims a post once per day: a live claim or a sent post refuses the next claim', async () => {
      const store = await factory().fresh();
      await store.saveTarget('slack:C1', target('C1'));
      const claim = await store.claim('slack:C1', '2026-12-18', 'a', 60_000);
      expect(claim).toMatchObject({ key: 'slack:C1', date: '2026-12-18', owner: 'a' });
      expect(await store.claim('slack:C1', '2026-12-18', 'b', 60_000)).toBeUndefined();
      await store.complete(claim!, { rotation: { shown: ['x'] } });
      expect(await store.claim('slack:C1', '2026-12-18', 'b', 60_000)).toBeUndefined();
      const { targets } = await store.loadTargets();
      expect(targets.get('slack:C1')).toMatchObject({ lastSent: '2026-12-18', rotation: { shown: ['x'] } });
      expect(targets.get('slack:C1')?.claim).toBeUndefined();
      expect(await store.claim('slack:C1', '2026-12-19', 'b', 60_000)).toBeDefined();
      await store.close();
    });

    it('lets a claim whose holder died be claimed again once its lease expires', async () => {
      const store = await factory().fresh();
      await store.saveTarget('slack:C1', target('C1'));
      expect(await store.claim('slack:C1', '2026-12-18', 'dead', 150)).toBeDefined();
      expect(await store.claim('slack:C1', '2026-12-18', 'next', 60_000)).toBeUndefined();
      await sleep(250);
      expect(await store.claim('slack:C1', '2026-12-18', 'next', 60_000)).toMatchObject({ owner: 'next' });
      await store.close();
    });

    it('waits for a transient failure’s retry time, and stops a channel refused for good until its settings change', async () => {
      const store = await factory().fresh();
      await store.saveTarget('slack:C1', target('C1'));
      const first = await store.claim('slack:C1', '2026-12-18', 'a', 60_000);
      await store.release(first!, { permanent: false, error: 'HTTP 500', retryAt: Date.now() + 200 });
      expect(await store.claim('slack:C1', '2026-12-18', 'a', 60_000)).toBeUndefined();
      await sleep(300);
      const second = await store.claim('slack:C1', '2026-12-18', 'a', 60_000);
      expect(second).toBeDefined();
      await store.release(second!, { permanent: true, error: 'channel_not_found' });
      expect((await store.loadTargets()).targets.get('slack:C1')?.failure).toMatchObject({ permanent: true, attempts: 2, error: 'channel_not_found' });
      expect(await store.claim('slack:C1', '2026-12-19', 'a', 60_000)).toBeUndefined();
      await store.saveTarget('slack:C1', target('C1', { time: '10:00' }));
      expect(await store.claim('slack:C1', '2026-12-19', 'a', 60_000)).toBeDefined();
      await store.close();
    });

    it('never lets a settings change rewind what was sent', async () => {
      const store = await factory().fresh();
      await store.saveTarget('slack:C1', target('C1'));
      const stale = (await store.loadTargets()).targets.get('slack:C1')!;
      const other = await factory().twin(store);
      const claim = await other.claim('slack:C1', '2026-12-18', 'cli', 60_000);
      await other.complete(claim!, {});
      await store.saveTarget('slack:C1', { ...stale, themes: ['health'] });
      const saved = (await store.loadTargets()).targets.get('slack:C1');
      expect(saved).toMatchObject({ lastSent: '2026-12-18', themes: ['health'] });
      expect(await store.claim('slack:C1', '2026-12-18', 'bot', 60_000)).toBeUndefined();
      await other.close();
      await store.close();
    });

    it('gives one claim among many processes racing for the same post', async () => {
      const store = await factory().fresh();
      await store.saveTarget('slack:C1', target('C1'));
      const others = await Promise.all([1, 2, 3].map(() => factory().twin(store)));
      const claims = await Promise.all([store, ...others, store, ...others].map((s, i) => s.claim('slack:C1', '2026-12-18', `p${i}`, 60_000)));
      expect(claims.filter(Boolean)).toHaveLength(1);
      await Promise.all([...others, store].map((s) => s.close()));
    });

    it('keeps sealed installations by workspace id, and deletes subscriptions and installations', async () => {
      const store = await factory().fresh();
      await store.saveInstallation('T1', 'sealed-1');
      await store.saveInstallation('T2', 'sealed-2');
      await store.saveInstallation('T1', 'sealed-1b');
      const other = await factory().twin(store);
      expect(await other.getInstallation('T1')).toBe('sealed-1b');
      await other.deleteInstallation('T1');
      expect(await store.getInstallation('T1')).toBeUndefined();
      expect(await store.getInstallation('T2')).toBe('sealed-2');
      await store.saveTarget('slack:C1', target('C1'));
      await store.saveTarget('slack:C2', target('C2'));
      await other.deleteTarget('slack:C1');
      expect([...(await store.loadTargets()).targets.keys()]).toEqual(['slack:C2']);
      await other.close();
      await store.close();
    });

    it('keeps button values across instances, and forgets them after their lifetime', async () => {
      const store = await factory().fresh();
      await store.putValue('discord-button', 'k1', 'a long query');
      const other = await factory().twin(store);
      expect(await other.getValue('discord-button', 'k1', 60_000)).toBe('a long query');
      expect(await other.getValue('discord-button', 'nope', 60_000)).toBeUndefined();
      await sleep(30);
      expect(await other.getValue('discord-button', 'k1', 10)).toBeUndefined();
      await other.close();
      await store.close();
    });
  });
}
