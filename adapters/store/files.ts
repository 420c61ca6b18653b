// The file store (the default; no setup): data/state/digest.json for subscriptions and their claims,
// data/state/values.json for button values. Every change re-reads the file under an exclusive lock file,
// changes one entry and writes the file atomically (temp file, fsync, rename), so the bot and
// `rights digest --send` never overwrite each other. A damaged entry is reported and kept as it was;
// an unreadable file stops the store with a message naming it and the copy kept aside.
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DELIVERY_FIELDS, targetStateSchema, type TargetState } from '../digest/state.js';
import type { Claim, DamagedTarget, PostFailure, Store } from './port.js';

/** A store file that cannot be read as a whole: the bot stops rather than start empty and post again. */
export class StoreError extends Error {}

/** How long a lock is waited for, and after how long an abandoned one (its process died) is broken. */
const LOCK_WAIT_MS = 5_000;
const LOCK_STALE_MS = 10_000;
/** Button values kept at most this long in values.json (older ones are pruned on write). */
const VALUES_MAX_AGE_MS = 90 * 24 * 3_600_000;

type Json = Record<string, unknown>;

export class FileStore implements Store {
  readonly kind = 'files';
  readonly digestPath: string;
  readonly valuesPath: string;
  readonly installationsPath: string;

  constructor(
    readonly dir: string,
    private readonly now: () => number = Date.now,
  ) {
    this.digestPath = join(dir, 'digest.json');
    this.valuesPath = join(dir, 'values.json');
    this.installationsPath = join(dir, 'installations.json');
  }

  async loadTargets(): Promise<{ targets: Map<string, TargetState>; damaged: DamagedTarget[] }> {
    const raw = this.readTargets();
    const targets = new Map<string, TargetState>();
    const damaged: DamagedTarget[] = [];
    for (const [key, value] of Object.entries(raw)) {
      const parsed = targetStateSchema.safeParse(value);
      if (parsed.success) targets.set(key, parsed.data);
      else damaged.push({ key, problem: parsed.error.issues.map((i) => `${i.path.join('.') || 'entry'}: ${i.message}`).join('; ') });
    }
    return { targets, damaged };
  }

  async saveTarget(key: string, target: TargetState): Promise<void> {
    this.change(this.digestPath, (targets) => {
      const current = targets[key] as Json | undefined;
      const next: Json = { ...target };
      // Deliveries own their fields: a settings change never rewinds what was sent or claimed.
      if (current) for (const field of DELIVERY_FIELDS) if (field in current) next[field] = current[field];
      // A person changing the settings is the fix for a channel stopped by a permanent refusal.
      if ((next.failure as { permanent?: boolean } | undefined)?.permanent) delete next.failure;
      targets[key] = next;
    });
  }

  async claim(key: string, date: string, owner: string, leaseMs: number): Promise<Claim | undefined> {
    let claim: Claim | undefined;
    this.change(this.digestPath, (targets) => {
      const parsed = targetStateSchema.safeParse(targets[key]);
      if (!parsed.success) return false;
      const t = parsed.data;
      const now = this.now();
      if (!t.enabled || t.lastSent === date) return false;
      if (t.claim && t.claim.date === date && t.claim.expires > now) return false;
      if (t.failure && t.failure.date === date && (t.failure.permanent || (t.failure.retryAt ?? 0) > now)) return false;
      if (t.failure?.permanent && t.failure.date !== date) return false; // stopped until the channel is fixed
      claim = { key, date, owner, expires: now + leaseMs };
      (targets[key] as Json).claim = { date, owner, expires: claim.expires };
      return true;
    });
    return claim;
  }

  async complete(claim: Claim, change: Partial<TargetState>): Promise<void> {
    this.change(this.digestPath, (targets) => {
      const t = targets[claim.key] as Json | undefined;
      if (!t) return false;
      Object.assign(t, change, { lastSent: claim.date });
      delete t.claim;
      delete t.failure;
      return true;
    });
  }

  async release(claim: Claim, failure?: PostFailure): Promise<void> {
    this.change(this.digestPath, (targets) => {
      const t = targets[claim.key] as Json | undefined;
      const held = t?.claim as Claim | undefined;
      if (!t || held?.owner !== claim.owner || held.date !== claim.date) return false;
      delete t.claim;
      if (failure) {
        const previous = t.failure as { date?: string; attempts?: number } | undefined;
        const attempts = previous?.date === claim.date ? (previous.attempts ?? 1) + 1 : 1;
        t.failure = { date: claim.date, permanent: failure.permanent, error: failure.error.slice(0, 300), attempts, ...(failure.retryAt ? { retryAt: failure.retryAt } : {}) };
      }
      return true;
    });
  }

  async putValue(namespace: string, key: string, value: string): Promise<void> {
    const now = this.now();
    this.change(this.valuesPath, (values) => {
      const space = ((values[namespace] as Json | undefined) ?? {}) as Record<string, { value: string; at: number }>;
      space[key] = { value, at: now };
      for (const [k, v] of Object.entries(space)) if (now - v.at > VALUES_MAX_AGE_MS) delete space[k];
      values[namespace] = space;
    }, 'values');
  }

  async getValue(namespace: string, key: string, maxAgeMs: number): Promise<string | undefined> {
    const values = this.read(this.valuesPath, 'values');
    const entry = (values[namespace] as Record<string, { value?: unknown; at?: unknown }> | undefined)?.[key];
    if (!entry || typeof entry.value !== 'string' || typeof entry.at !== 'number' || this.now() - entry.at > maxAgeMs) return undefined;
    return entry.value;
  }

  async deleteTarget(key: string): Promise<void> {
    this.change(this.digestPath, (targets) => {
      if (!(key in targets)) return false;
      delete targets[key];
      return true;
    });
  }

  async saveInstallation(id: string, sealed: string): Promise<void> {
    this.change(this.installationsPath, (entries) => {
      entries[id] = sealed;
    }, 'installations');
  }

  async getInstallation(id: string): Promise<string | undefined> {
    const value = this.read(this.installationsPath, 'installations')[id];
    return typeof value === 'string' ? value : undefined;
  }

  async deleteInstallation(id: string): Promise<void> {
    this.change(this.installationsPath, (entries) => {
      if (!(id in entries)) return false;
      delete entries[id];
      return true;
    }, 'installations');
  }

  async ping(): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    if (existsSync(this.digestPath)) this.readTargets();
  }

  async close(): Promise<void> {}

  private readTargets(): Json {
    return this.read(this.digestPath, 'targets');
  }

  /** The entries of a store file (`{ version: 1, <field>: {…} }`); a missing file is empty; an unreadable one throws. */
  private read(path: string, field: 'targets' | 'values' | 'installations'): Json {
    if (!existsSync(path)) return {};
    let text: string;
    try {
      text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
    } catch (error) {
      throw new StoreError(`[store] cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    try {
      const data = JSON.parse(text) as unknown;
      const entries = (data as Json | null)?.[field];
      if (typeof data !== 'object' || data === null || Array.isArray(data) || typeof entries !== 'object' || entries === null || Array.isArray(entries)) {
        throw new Error(`expected an object with "${field}"`);
      }
      return entries as Json;
    } catch (error) {
      const aside = this.keepAside(path);
      throw new StoreError(
        `[store] ${path} is damaged and cannot be read (${(error as Error).message.slice(0, 200)}). ` +
          `Nothing was changed; a copy is kept as ${aside}. Restore a good copy of the file (or move it away to start with no ` +
          `subscriptions), then start again.`,
      );
    }
  }

  private keepAside(path: string): string {
    const aside = `${path}.damaged-${new Date(this.now()).toISOString().replace(/[:.]/g, '-')}`;
    try {
      copyFileSync(path, aside);
    } catch {
      return `${path} (no copy could be made)`;
    }
    return aside;
  }

  /** Re-reads a file under its lock, lets `edit` change its entries (returning false: no change), writes it atomically. */
  private change(path: string, edit: (entries: Json) => boolean | void, field: 'targets' | 'values' | 'installations' = 'targets'): void {
    this.withLock(path, () => {
      const entries = this.read(path, field);
      if (edit(entries) === false) return;
      mkdirSync(this.dir, { recursive: true });
      const temp = `${path}.${process.pid}.tmp`;
      const fd = openSync(temp, 'w');
      try {
        writeSync(fd, JSON.stringify({ version: 1, [field]: entries }, null, 2));
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, path);
    });
  }

  private withLock(path: string, work: () => void): void {
    mkdirSync(this.dir, { recursive: true });
    const lock = `${path}.lock`;
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (;;) {
      try {
        closeSync(openSync(lock, 'wx'));
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        // A lock left by a process that died is broken once stale.
        try {
          if (Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS) rmSync(lock, { force: true });
        } catch {
          // it went away meanwhile
        }
        if (Date.now() > deadline) throw new StoreError(`[store] ${lock} is held by another process for more than ${LOCK_WAIT_MS / 1000} s`);
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
      }
    }
    try {
      work();
    } finally {
      rmSync(lock, { force: true });
    }
  }
}
