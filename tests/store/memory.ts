// A minimal in-memory Store for adapter tests: button values in Maps with a settable clock, and scriptable
// write failures; the digest half is just enough to type-check (no subscriptions, claims always granted).
import type { TargetState } from '../../adapters/digest/state.js';
import type { Claim, DamagedTarget, PostFailure, Store } from '../../adapters/store/port.js';

export class MemoryStore implements Store {
  readonly kind = 'files' as const;
  /** What putValue received, in order (`namespace/key`). */
  readonly puts: string[] = [];
  /** What getValue was asked, in order (`namespace/key`). */
  readonly gets: string[] = [];
  /** Makes the next putValue calls fail (a database down). */
  failPuts = 0;
  /** Makes every putValue take this long (a slow database). */
  putDelayMs = 0;
  private readonly values = new Map<string, { value: string; at: number }>();
  private readonly targets = new Map<string, TargetState>();

  constructor(public now: () => number = () => Date.now()) {}

  /** Moves the clock forward, e.g. past a button's lifetime. */
  advance(ms: number): void {
    const at = this.now() + ms;
    this.now = () => at;
  }

  async loadTargets(): Promise<{ targets: Map<string, TargetState>; damaged: DamagedTarget[] }> {
    return { targets: new Map(this.targets), damaged: [] };
  }

  async saveTarget(key: string, target: TargetState): Promise<void> {
    this.targets.set(key, target);
  }

  async claim(key: string, date: string, owner: string, leaseMs: number): Promise<Claim | undefined> {
    return { key, date, owner, expires: this.now() + leaseMs };
  }

  async complete(_claim: Claim, _change: Partial<TargetState>): Promise<void> {}

  async release(_claim: Claim, _failure?: PostFailure): Promise<void> {}

  async putValue(namespace: string, key: string, value: string): Promise<void> {
    this.puts.push(`${namespace}/${key}`);
    if (this.putDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.putDelayMs));
    if (this.failPuts > 0) {
      this.failPuts--;
      throw new Error('memory store: scripted write failure');
    }
    this.values.set(`${namespace}/${key}`, { value, at: this.now() });
  }

  async getValue(namespace: string, key: string, maxAgeMs: number): Promise<string | undefined> {
    this.gets.push(`${namespace}/${key}`);
    const entry = this.values.get(`${namespace}/${key}`);
    return entry && this.now() - entry.at <= maxAgeMs ? entry.value : undefined;
  }

  private readonly installations = new Map<string, string>();

  async deleteTarget(key: string): Promise<void> {
    this.targets.delete(key);
  }

  async saveInstallation(id: string, sealed: string): Promise<void> {
    this.installations.set(id, sealed);
  }

  async getInstallation(id: string): Promise<string | undefined> {
    return this.installations.get(id);
  }

  async deleteInstallation(id: string): Promise<void> {
    this.installations.delete(id);
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}
}
