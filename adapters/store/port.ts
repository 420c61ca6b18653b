// The store port: everything that must outlive a process — digest subscriptions and their per-day claims,
// and what a button needs — behind one interface with two implementations: files under data/state/ (the
// default, no setup) and PostgreSQL (DATABASE_URL), which replicas share.
import type { TargetState } from '../digest/state.js';

/** A damaged subscription found while loading: reported by key and skipped, the others kept. */
export interface DamagedTarget {
  key: string;
  problem: string;
}

/**
 * The claim on one channel's post for one local day. Exactly once is a claim with a lease, not a flag:
 * the poster that holds an unexpired claim posts; a claim whose holder died (lease expired) or whose
 * platform call timed out without an answer may be claimed again later that day; a post the platform
 * acknowledged is recorded as sent and never claimed again.
 */
export interface Claim {
  key: string;
  /** Local date (YYYY-MM-DD) of the post. */
  date: string;
  /** Who holds it (process id + random), so only the holder completes or releases it. */
  owner: string;
  /** Instant the lease ends (ms since the epoch). */
  expires: number;
}

/** Why a claimed post did not go out. */
export interface PostFailure {
  /** A permanent refusal (channel_not_found, not_in_channel, 403) stops the channel's posts until it is fixed. */
  permanent: boolean;
  error: string;
  /** When the next attempt may claim again (transient failures back off across the day). */
  retryAt?: number;
}

export interface Store {
  readonly kind: 'files' | 'postgres';
  /** Every subscription; damaged ones are reported, never silently dropped. */
  loadTargets(): Promise<{ targets: Map<string, TargetState>; damaged: DamagedTarget[] }>;
  /** Creates or replaces one subscription's settings (from chat or RIGHTS_CONFIG). */
  saveTarget(key: string, target: TargetState): Promise<void>;
  /** Claims the post of `key` for `date` unless it was sent, is held by a live claim, or waits for its retry time. */
  claim(key: string, date: string, owner: string, leaseMs: number): Promise<Claim | undefined>;
  /** Records the acknowledged post (and what it changed: rotation, fingerprints) and ends the claim. */
  complete(claim: Claim, change: Partial<TargetState>): Promise<void>;
  /** Ends a claim without a post; with a failure, records it (permanent: the channel stops until fixed). */
  release(claim: Claim, failure?: PostFailure): Promise<void>;
  /** A small value a button needs beyond what its platform lets it carry (Discord's 100-character custom_id). */
  putValue(namespace: string, key: string, value: string): Promise<void>;
  /** The value, unless missing or older than `maxAgeMs`. */
  getValue(namespace: string, key: string, maxAgeMs: number): Promise<string | undefined>;
  /** Removes a subscription (its workspace uninstalled the app). */
  deleteTarget(key: string): Promise<void>;
  /** A Slack installation, sealed (encrypted) by the caller, keyed by workspace (team or enterprise) id. */
  saveInstallation(id: string, sealed: string): Promise<void>;
  getInstallation(id: string): Promise<string | undefined>;
  deleteInstallation(id: string): Promise<void>;
  /** Resolves when the store answers (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
