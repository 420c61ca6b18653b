// The digest service: schedules each target at its own local time (croner, IANA zones), posts exactly
// once per channel per local day (also across restarts), catches up after downtime, and keeps one
// failing channel from holding up the others.
import { Cron } from 'croner';
import type { Engine } from '../../src/engine.js';
import { buildDigest, fingerprints, type Digest } from '../../src/digest/content.js';
import type { Lang } from '../../src/i18n/catalog.js';
import type { Logger } from '../types.js';
import { targetKey, type StateStore, type TargetSettings, type TargetState } from './state.js';

/** Posts a digest to one channel of one platform; resolves only once the platform accepted it. */
export interface DigestPoster {
  platform: 'slack' | 'discord';
  post(channel: string, digest: Digest): Promise<void>;
}

export interface DigestServiceOptions {
  engine: Engine;
  store: StateStore;
  posters: DigestPoster[];
  logger: Logger;
  /** Targets pinned in RIGHTS_CONFIG: their settings win over chat changes. */
  configTargets?: TargetSettings[];
  /** How late a missed post may still be caught up at start-up. */
  catchUpHours?: number;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** Attempts after the first, with exponential backoff from backoffMs. */
  retries?: number;
  backoffMs?: number;
  /** Create real croner timers (off in tests, which call runDue with their own clock). */
  timers?: boolean;
}

export const DEFAULT_CATCH_UP_HOURS = 6;

/** What happened to one target's digest: posted, not due (already sent, given up, no adapter), or failed. */
export type Outcome = 'sent' | 'skipped' | 'failed';

/** YYYY-MM-DD of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** The daily croner pattern of a target's HH:MM. */
function dailyPattern(target: TargetSettings): string {
  const [hh, mm] = target.time.split(':');
  return `${Number(mm)} ${Number(hh)} * * *`;
}

function cronFor(target: TargetSettings): Cron {
  return new Cron(dailyPattern(target), { timezone: target.timezone, paused: true });
}

/** The latest scheduled instant at or before `now` for a target. */
export function lastScheduled(target: TargetSettings, now: Date): Date {
  const cron = cronFor(target);
  let run = cron.nextRun(new Date(now.getTime() - 26 * 3_600_000)) ?? now;
  for (let next = cron.nextRun(run); next && next <= now; next = cron.nextRun(run)) run = next;
  return run;
}

export class DigestService {
  private readonly jobs = new Map<string, Cron>();
  private readonly now: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly inFlight = new Map<string, Promise<Outcome>>();

  constructor(private readonly options: DigestServiceOptions) {
    this.now = options.now ?? (() => new Date());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  private get targets(): Record<string, TargetState> {
    return this.options.store.state.targets;
  }

  /** Loads state and applies the targets pinned in RIGHTS_CONFIG. */
  load(): void {
    this.options.store.load();
    for (const pinned of this.options.configTargets ?? []) {
      const key = targetKey(pinned.platform, pinned.channel);
      this.targets[key] = { ...(this.targets[key] ?? { rotation: { shown: [] } }), ...pinned, origin: 'config' };
    }
    this.options.store.save();
  }

  /** Loads state, schedules every target, and catches up missed posts once. */
  async start(): Promise<void> {
    this.load();
    for (const key of Object.keys(this.targets)) this.reschedule(key);
    await this.runDue();
  }

  stop(): void {
    for (const job of this.jobs.values()) job.stop();
    this.jobs.clear();
  }

  private reschedule(key: string): void {
    this.jobs.get(key)?.stop();
    this.jobs.delete(key);
    const target = this.targets[key];
    if (!target?.enabled || this.options.timers === false) return;
    this.jobs.set(key, new Cron(dailyPattern(target), { timezone: target.timezone }, () => void this.runDue([key])));
  }

  /** Posts every target whose time has come today and has not been posted (within the catch-up window). */
  async runDue(keys: string[] = Object.keys(this.targets)): Promise<void> {
    const now = this.now();
    const windowMs = (this.options.catchUpHours ?? DEFAULT_CATCH_UP_HOURS) * 3_600_000;
    await Promise.allSettled(
      keys.map((key) => {
        const target = this.targets[key];
        if (!target?.enabled) return undefined;
        const scheduled = lastScheduled(target, now);
        if (now.getTime() - scheduled.getTime() > windowMs) return undefined;
        if (target.activeSince && scheduled.getTime() < Date.parse(target.activeSince)) return undefined;
        return this.deliver(key, localDate(scheduled, target.timezone));
      }),
    );
  }

  /** Posts now to every enabled target that has not had today's digest (rights digest --send). */
  async sendAll(): Promise<{ target: string; outcome: Outcome }[]> {
    const now = this.now();
    const enabled = Object.entries(this.targets).filter(([, t]) => t.enabled);
    const outcomes = await Promise.all(enabled.map(([key, t]) => this.deliver(key, localDate(now, t.timezone))));
    return enabled.map(([target], i) => ({ target, outcome: outcomes[i] ?? 'skipped' }));
  }

  private deliver(key: string, date: string): Promise<Outcome> {
    // One delivery per target at a time: a timer and a catch-up firing together post once.
    const running = this.inFlight.get(key);
    if (running) return running;
    const work = this.deliverOnce(key, date).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, work);
    return work;
  }

  private async deliverOnce(key: string, date: string): Promise<Outcome> {
    const { store, logger, engine } = this.options;
    const target = this.targets[key];
    if (!target || target.lastSent === date || target.attempt === date || target.gaveUp === date) return 'skipped';
    const poster = this.options.posters.find((p) => p.platform === target.platform);
    if (!poster) {
      logger.warn('digest target has no configured platform adapter, skipped', { target: key });
      return 'skipped';
    }
    const { digest, rotation } = buildDigest(engine, {
      date,
      lang: target.lang as Lang,
      themes: target.themes,
      rotation: target.rotation,
      previousFingerprints: target.fingerprints,
    });
    target.attempt = date;
    store.save();
    const attempts = 1 + (this.options.retries ?? 3);
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        await poster.post(target.channel, digest);
        Object.assign(target, { lastSent: date, rotation, fingerprints: fingerprints(engine.kb.records) });
        delete target.attempt;
        store.save();
        logger.info('digest posted', { target: key, date, recommendation: digest.recommendation?.record.id });
        return 'sent';
      } catch (error) {
        logger.warn('digest post failed', { target: key, date, attempt, of: attempts, error: (error as Error).message });
        if (attempt < attempts) await this.sleep((this.options.backoffMs ?? 2_000) * 4 ** (attempt - 1));
      }
    }
    delete target.attempt;
    target.gaveUp = date;
    store.save();
    logger.error('digest given up for today after retries', { target: key, date });
    return 'failed';
  }

  /** Today's digest for a channel, without advancing its rotation. */
  preview(platform: 'slack' | 'discord', channel: string, lang?: Lang): Digest {
    const target = this.targets[targetKey(platform, channel)];
    const date = localDate(this.now(), target?.timezone ?? 'UTC');
    return buildDigest(this.options.engine, {
      date,
      lang: lang ?? (target?.lang as Lang | undefined) ?? 'en',
      themes: target?.themes ?? [],
      rotation: target?.rotation,
      previousFingerprints: target?.fingerprints,
    }).digest;
  }

  themes() {
    return this.options.engine.kb.taxonomy.themes;
  }

  status(platform: 'slack' | 'discord', channel: string): TargetState | undefined {
    return this.targets[targetKey(platform, channel)];
  }

  /** Changes a channel's settings (from chat) and reschedules it. */
  update(platform: 'slack' | 'discord', channel: string, change: Partial<TargetSettings>, by: string): TargetState {
    const key = targetKey(platform, channel);
    const current: TargetState = this.targets[key] ?? {
      platform, channel, time: '09:00', timezone: 'UTC', themes: [], lang: 'en', enabled: false, origin: 'chat', rotation: { shown: [] },
    };
    const next = { ...current, ...change, changedBy: by };
    if (change.enabled && !current.enabled) next.activeSince = this.now().toISOString();
    // A channel's first digest starts "new in the knowledge base" from now, not from the beginning.
    next.fingerprints ??= fingerprints(this.options.engine.kb.records);
    this.targets[key] = next;
    this.options.store.save();
    this.reschedule(key);
    return next;
  }
}
