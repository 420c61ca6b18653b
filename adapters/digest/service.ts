// The digest service: posts each channel's digest at its own local time (IANA zones), exactly once per
// channel per local day across restarts, processes and replicas, through claims with a lease in the store
// (adapters/store/port.ts). A tick re-reads the store (settings changed on another replica) and posts what
// is due; transient failures are retried with backoff within the catch-up window; permanent ones stop
// the channel until it is fixed; one failing channel never holds up the others.
import { randomBytes } from 'node:crypto';
import { Cron } from 'croner';
import type { Engine } from '../../src/engine.js';
import { engineGetter, type EngineSource } from '../../src/live.js';
import { buildDigest, fingerprints, type Digest } from '../../src/digest/content.js';
import type { Lang } from '../../src/i18n/catalog.js';
import type { Logger } from '../types.js';
import type { Claim, Store } from '../store/port.js';
import { targetKey, type TargetSettings, type TargetState } from './state.js';

/**
 * Posts a digest to one channel; resolves only once the platform acknowledged it. A rejection may carry
 * `permanent`. `target` says where the channel lives (Slack's workspace, for its token in OAuth mode).
 */
export interface DigestPoster {
  platform: 'slack' | 'discord';
  post(channel: string, digest: Digest, target?: { team?: string }): Promise<void>;
}

export interface DigestServiceOptions {
  /** The engine, or a getter read for each digest (reloads: new records show as "new in the knowledge base"). */
  engine: EngineSource;
  store: Store;
  posters: DigestPoster[];
  logger: Logger;
  /** Targets pinned in RIGHTS_CONFIG: their settings win over chat changes. */
  configTargets?: TargetSettings[];
  /** How late a missed post may still be made (also the window for retries). */
  catchUpHours?: number;
  now?: () => Date;
  /** Longest wait for a platform's answer to one post; without one the post counts as a transient failure. */
  postTimeoutMs?: number;
  /** First retry delay after a transient failure; doubled each time, at most MAX_BACKOFF_MS. */
  backoffMs?: number;
  /** How long a claim holds before another process may take over a post (its holder presumed dead). */
  leaseMs?: number;
  /** How often the store is re-read and due posts are made (off in tests, which call tick themselves). */
  tickMs?: number;
  timers?: boolean;
}

export const DEFAULT_CATCH_UP_HOURS = 6;
const DEFAULT_TICK_MS = 15_000;
const DEFAULT_POST_TIMEOUT_MS = 30_000;
const DEFAULT_BACKOFF_MS = 60_000;
const MAX_BACKOFF_MS = 3_600_000;
/** Longer than a post (its timeout) plus writing the result: a live poster's claim never expires under it. */
const DEFAULT_LEASE_MS = 120_000;
/** How long stop() waits for posts in flight before releasing what they hold. */
const STOP_WAIT_MS = 10_000;

/** What happened to one target's digest: posted, not due (already sent, claimed elsewhere, no adapter), or failed. */
export type Outcome = 'sent' | 'skipped' | 'failed';

/** YYYY-MM-DD of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** The latest scheduled instant at or before `now` for a target. */
export function lastScheduled(target: TargetSettings, now: Date): Date {
  const [hh, mm] = target.time.split(':');
  const cron = new Cron(`${Number(mm)} ${Number(hh)} * * *`, { timezone: target.timezone, paused: true });
  let run = cron.nextRun(new Date(now.getTime() - 26 * 3_600_000)) ?? now;
  for (let next = cron.nextRun(run); next && next <= now; next = cron.nextRun(run)) run = next;
  return run;
}

/** Whether a platform said no for good (the channel is gone, the bot is not in it, forbidden). */
function isPermanent(error: unknown): boolean {
  const e = error as { permanent?: unknown; message?: unknown };
  if (typeof e?.permanent === 'boolean') return e.permanent;
  return /channel_not_found|not_in_channel|is_archived|invalid_auth|account_inactive|missing_scope|Unknown Channel|Missing Access|Missing Permissions/.test(String(e?.message ?? ''));
}

export class DigestService {
  private targets = new Map<string, TargetState>();
  private readonly now: () => Date;
  private readonly owner = `${process.pid}-${randomBytes(4).toString('hex')}`;
  private readonly inFlight = new Map<string, { work: Promise<Outcome>; claim?: Claim }>();
  private timer?: NodeJS.Timeout;
  private stopping = false;
  /** The current engine (after a reload, the new one). */
  private readonly engine: () => Engine;

  constructor(private readonly options: DigestServiceOptions) {
    this.engine = engineGetter(options.engine);
    this.now = options.now ?? (() => new Date());
  }

  /** Reads every subscription from the store (damaged ones reported and skipped) and applies RIGHTS_CONFIG's. */
  async load(): Promise<void> {
    const { store, logger } = this.options;
    const { targets, damaged } = await store.loadTargets();
    for (const d of damaged) logger.error('digest subscription is damaged: skipped, kept as it is until fixed', { target: d.key, problem: d.problem });
    for (const pinned of this.options.configTargets ?? []) {
      const key = targetKey(pinned.platform, pinned.channel);
      const current = targets.get(key);
      const merged: TargetState = { ...(current ?? { rotation: { shown: [] }, fingerprints: fingerprints(this.engine().kb.records) }), ...pinned, origin: 'config' };
      if (!current || JSON.stringify(current) !== JSON.stringify(merged)) await store.saveTarget(key, merged);
      targets.set(key, merged);
    }
    this.targets = targets;
  }

  /** Loads, posts what is due (catch-up after downtime), then keeps ticking. */
  async start(): Promise<void> {
    await this.load();
    await this.runDue();
    if (this.options.timers !== false) {
      this.timer = setInterval(() => void this.tick(), this.options.tickMs ?? DEFAULT_TICK_MS);
      this.timer.unref();
    }
  }

  /** Re-reads the store (changes made by other replicas or the CLI) and posts what is due. */
  async tick(): Promise<void> {
    if (this.stopping) return;
    try {
      await this.load();
      await this.runDue();
    } catch (error) {
      this.options.logger.error('digest tick failed; will try again', { error: (error as Error).message });
    }
  }

  /** Stops ticking, waits a little for posts in flight, and releases the claims they still hold. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    const running = [...this.inFlight.values()];
    await Promise.race([Promise.allSettled(running.map((r) => r.work)), new Promise((resolve) => setTimeout(resolve, STOP_WAIT_MS).unref())]);
    await Promise.allSettled([...this.inFlight.values()].flatMap((r) => (r.claim ? [this.options.store.release(r.claim)] : [])));
  }

  /** Posts every target whose time has come today and that was not posted (within the catch-up window). */
  async runDue(keys: string[] = [...this.targets.keys()]): Promise<void> {
    const now = this.now();
    const windowMs = (this.options.catchUpHours ?? DEFAULT_CATCH_UP_HOURS) * 3_600_000;
    await Promise.allSettled(
      keys.map((key) => {
        const target = this.targets.get(key);
        if (!target?.enabled) return undefined;
        const scheduled = lastScheduled(target, now);
        if (now.getTime() - scheduled.getTime() > windowMs) return undefined;
        if (target.activeSince && scheduled.getTime() < Date.parse(target.activeSince)) return undefined;
        const date = localDate(scheduled, target.timezone);
        if (target.lastSent === date) return undefined;
        return this.deliver(key, date, scheduled.getTime() + windowMs);
      }),
    );
  }

  /** Posts now to every enabled target that has not had today's digest (rights digest --send), through the same claims. */
  async sendAll(): Promise<{ target: string; outcome: Outcome }[]> {
    const now = this.now();
    const enabled = [...this.targets.entries()].filter(([, t]) => t.enabled);
    const outcomes = await Promise.all(enabled.map(([key, t]) => this.deliver(key, localDate(now, t.timezone), now.getTime() + 3_600_000)));
    return enabled.map(([target], i) => ({ target, outcome: outcomes[i] ?? 'skipped' }));
  }

  private deliver(key: string, date: string, until: number): Promise<Outcome> {
    // One delivery per target at a time in this process; the store's claim covers the others.
    const running = this.inFlight.get(key);
    if (running) return running.work;
    const entry: { work: Promise<Outcome>; claim?: Claim } = { work: Promise.resolve<Outcome>('skipped') };
    entry.work = this.deliverOnce(key, date, until, entry).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, entry);
    return entry.work;
  }

  private async deliverOnce(key: string, date: string, until: number, entry: { claim?: Claim }): Promise<Outcome> {
    const { store, logger } = this.options;
    const engine = this.engine();
    const target = this.targets.get(key);
    if (!target || this.stopping) return 'skipped';
    const poster = this.options.posters.find((p) => p.platform === target.platform);
    if (!poster) {
      logger.warn('digest target has no configured platform adapter, skipped', { target: key });
      return 'skipped';
    }
    const claim = await store.claim(key, date, this.owner, this.options.leaseMs ?? DEFAULT_LEASE_MS);
    if (!claim) return 'skipped'; // sent, held by another poster, waiting to retry, or stopped for good
    entry.claim = claim;
    const { digest, rotation } = buildDigest(engine, { date, lang: target.lang as Lang, themes: target.themes, rotation: target.rotation, previousFingerprints: target.fingerprints });
    try {
      await this.postWithTimeout(poster, target.channel, digest, { team: target.team });
    } catch (error) {
      const message = (error as Error).message ?? String(error);
      const attempts = (target.failure?.date === date ? target.failure.attempts : 0) + 1;
      const permanent = isPermanent(error);
      const retryAt = this.now().getTime() + Math.min(MAX_BACKOFF_MS, (this.options.backoffMs ?? DEFAULT_BACKOFF_MS) * 2 ** (attempts - 1));
      await store.release(claim, { permanent, error: message, ...(permanent ? {} : { retryAt }) });
      entry.claim = undefined;
      if (permanent) logger.error('digest refused for good by the platform: this channel gets no digest until it is fixed', { target: key, channel: target.channel, date, error: message });
      else if (retryAt > until) logger.error('digest not delivered today: the catch-up window ended before a retry', { target: key, date, attempts, error: message });
      else logger.warn('digest post failed; will retry', { target: key, date, attempt: attempts, retryAt: new Date(retryAt).toISOString(), error: message });
      return 'failed';
    }
    await store.complete(claim, { rotation, fingerprints: fingerprints(engine.kb.records) });
    entry.claim = undefined;
    this.targets.set(key, { ...target, lastSent: date, rotation });
    logger.info('digest posted', { target: key, date, recommendation: digest.recommendation?.record.id });
    return 'sent';
  }

  /** A post that gets no answer in time counts as a transient failure (retried later; see README on what that means). */
  private async postWithTimeout(poster: DigestPoster, channel: string, digest: Digest, target: { team?: string }): Promise<void> {
    const timeoutMs = this.options.postTimeoutMs ?? DEFAULT_POST_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        poster.post(channel, digest, target),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(Object.assign(new Error(`no answer from ${poster.platform} within ${timeoutMs / 1000} s`), { permanent: false })), timeoutMs);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Today's digest for a channel, without advancing its rotation. */
  preview(platform: 'slack' | 'discord', channel: string, lang?: Lang): Digest {
    const target = this.targets.get(targetKey(platform, channel));
    const date = localDate(this.now(), target?.timezone ?? 'UTC');
    return buildDigest(this.engine(), {
      date,
      lang: lang ?? (target?.lang as Lang | undefined) ?? 'en',
      themes: target?.themes ?? [],
      rotation: target?.rotation,
      previousFingerprints: target?.fingerprints,
    }).digest;
  }

  themes() {
    return this.engine().kb.taxonomy.themes;
  }

  status(platform: 'slack' | 'discord', channel: string): TargetState | undefined {
    return this.targets.get(targetKey(platform, channel));
  }

  /** Changes a channel's settings (from chat), in the store first, so every replica sees it on its next tick. */
  async update(platform: 'slack' | 'discord', channel: string, change: Partial<TargetSettings>, by: { name: string; id?: string }): Promise<TargetState> {
    await this.load(); // the latest settings, possibly changed on another replica
    const key = targetKey(platform, channel);
    const current: TargetState = this.targets.get(key) ?? {
      platform, channel, time: '09:00', timezone: 'UTC', themes: [], lang: 'en', enabled: false, origin: 'chat', rotation: { shown: [] },
    };
    const next: TargetState = { ...current, ...change, changedBy: by.name };
    if (change.enabled && !current.enabled) {
      next.activeSince = this.now().toISOString();
      if (by.id) next.enabledBy = by.id;
    }
    // A channel's first digest starts "new in the knowledge base" from now, not from the beginning.
    next.fingerprints ??= fingerprints(this.engine().kb.records);
    await this.options.store.saveTarget(key, next);
    this.targets.set(key, next);
    return next;
  }
}
