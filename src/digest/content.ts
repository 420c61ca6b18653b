// Daily digest content: on this day, recommendation of the day, new in the knowledge base.
// Pure and deterministic for a given date, channel settings and rotation state.
import { createHash } from 'node:crypto';
import type { ResultItem } from '../answer.js';
import type { Engine } from '../engine.js';
import type { Lang } from '../i18n/catalog.js';
import type { RightsRecord } from '../records/schema.js';

/** Why a record is "on this day". */
export type Anniversary = 'session' | 'adopted' | 'in_force' | 'observance';

export interface OnThisDay {
  item: ResultItem;
  reason: Anniversary;
  /** Years since the event, when its year is known. */
  years?: number;
}

export interface Digest {
  /** The local date the digest is for, YYYY-MM-DD. */
  date: string;
  lang: Lang;
  themes: string[];
  onThisDay: OnThisDay[];
  recommendation?: ResultItem;
  newRecords: ResultItem[];
  /** How many records are new or changed in all (newRecords is cut at MAX_NEW_RECORDS). */
  newTotal: number;
}

/** What a channel remembers between digests. */
export interface RotationState {
  /** Recommendation ids already shown in the current cycle. */
  shown: string[];
}

export interface DigestInput {
  date: string;
  lang?: Lang;
  themes?: string[];
  /** Rotation state of the channel; absent for a stateless preview (position derived from the date). */
  rotation?: RotationState;
  /** Record fingerprints at the channel's previous digest; absent → nothing counts as new. */
  previousFingerprints?: Record<string, string>;
}

export const MAX_NEW_RECORDS = 5;

/** A stable hash of a record's content: when it changes, the record counts as changed. */
export function fingerprint(record: RightsRecord): string {
  return createHash('sha256').update(JSON.stringify(record)).digest('hex').slice(0, 16);
}

export function fingerprints(records: readonly RightsRecord[]): Record<string, string> {
  return Object.fromEntries(records.map((r) => [r.id, fingerprint(r)]));
}

/** All recommendations (matching the themes, if any) in a fixed pseudo-random order that survives restarts. */
export function rotationOrder(records: readonly RightsRecord[], themes: readonly string[] = []): string[] {
  const key = (id: string) => createHash('sha256').update(`rights-digest:${id}`).digest('hex');
  return records
    .filter((r) => r.kind === 'recommendation' && (themes.length === 0 || r.themes.some((t) => themes.includes(t))))
    .map((r) => r.id)
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** The next recommendation of a cycle: the first in rotation order not yet shown (a new cycle when all were). */
export function nextRecommendation(order: readonly string[], rotation: RotationState): { id?: string; rotation: RotationState } {
  if (order.length === 0) return { rotation };
  const shown = new Set(rotation.shown.filter((id) => order.includes(id)));
  const cycle = shown.size >= order.length ? new Set<string>() : shown;
  const id = order.find((candidate) => !cycle.has(candidate));
  return { id, rotation: { shown: [...cycle, ...(id ? [id] : [])] } };
}

function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

export function isDate(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) && new Date(`${date}T00:00:00Z`).toISOString().startsWith(date);
}

/** Builds the digest, and the rotation state to remember once it has been posted. */
export function buildDigest(engine: Engine, input: DigestInput): { digest: Digest; rotation: RotationState } {
  const { kb } = engine;
  const themes = input.themes ?? [];
  const monthDay = input.date.slice(5);
  const year = Number(input.date.slice(0, 4));
  const item = (record: RightsRecord): ResultItem => {
    const answer = engine.show(record.id);
    if (answer.type !== 'record') throw new Error(`[digest] record ${record.id} disappeared`);
    return answer.item;
  };
  const yearsSince = (date: string) => (date.startsWith('--') ? undefined : year - Number(date.slice(0, 4)));

  const onThisDay: OnThisDay[] = [];
  for (const record of kb.records) {
    if (record.kind === 'observance' && record.date.slice(2) === monthDay) onThisDay.push({ item: item(record), reason: 'observance' });
    if (record.kind === 'session' && /\d{2}-\d{2}$/.test(record.date) && record.date.slice(-5) === monthDay) {
      const years = yearsSince(record.date);
      if (years === undefined || years > 0) onThisDay.push({ item: item(record), reason: 'session', years });
    }
    if (record.kind === 'treaty') {
      for (const [reason, date] of [['adopted', record.adopted], ['in_force', record.in_force]] as const) {
        const years = date ? yearsSince(date) : undefined;
        if (date?.slice(5) === monthDay && years !== undefined && years > 0) onThisDay.push({ item: item(record), reason, years });
      }
    }
  }

  const order = rotationOrder(kb.records, themes);
  let rotation = input.rotation ?? { shown: [] };
  let recommendationId: string | undefined;
  if (input.rotation) {
    ({ id: recommendationId, rotation } = nextRecommendation(order, input.rotation));
  } else if (order.length > 0) {
    recommendationId = order[((dayNumber(input.date) % order.length) + order.length) % order.length];
  }
  const recommendationRecord = recommendationId ? kb.byId.get(recommendationId) : undefined;

  const previous = input.previousFingerprints;
  const changed = previous ? kb.records.filter((r) => previous[r.id] !== fingerprint(r)) : [];

  return {
    digest: {
      date: input.date,
      lang: input.lang ?? 'en',
      themes,
      onThisDay,
      recommendation: recommendationRecord ? item(recommendationRecord) : undefined,
      newRecords: changed.slice(0, MAX_NEW_RECORDS).map(item),
      newTotal: changed.length,
    },
    rotation,
  };
}
