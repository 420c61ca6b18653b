// The PostgreSQL store (DATABASE_URL): what replicas share. Versioned SQL migrations are applied at start
// under an advisory lock (two replicas starting together on an empty database both become ready). A claim
// is one conditional UPDATE: the row is locked, checked and claimed in the same statement, so two replicas
// due at the same minute post once. Every query has a timeout.
import pg from 'pg';
import { DELIVERY_FIELDS, targetStateSchema, type TargetState } from '../digest/state.js';
import type { Claim, DamagedTarget, PostFailure, Store } from './port.js';

/** A DATABASE_URL that cannot be used; the message names the variable and never holds the password. */
export class DatabaseError extends Error {}

const CONNECT_TIMEOUT_MS = 3_000;
const QUERY_TIMEOUT_MS = 10_000;
/** Any constant: the key of the advisory lock that serialises migrations across replicas. */
const MIGRATION_LOCK = 4_842_119;

/** Versioned migrations, applied in order once each; never edit one that shipped, add the next. */
const MIGRATIONS: string[] = [
  `create table digest_targets (
     key text primary key,
     state jsonb not null,
     updated_at timestamptz not null default now()
   );
   create table store_values (
     namespace text not null,
     key text not null,
     value text not null,
     created_at timestamptz not null default now(),
     primary key (namespace, key)
   );`,
  `create table slack_installations (
     id text primary key,
     sealed text not null,
     updated_at timestamptz not null default now()
   );`,
];

/** The URL with its password replaced, for messages and logs. */
export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'an unparseable URL';
  }
}

export class PostgresStore implements Store {
  readonly kind = 'postgres';

  private constructor(private readonly pool: pg.Pool) {}

  /** Connects (bounded retries) and applies the migrations; throws DatabaseError naming DATABASE_URL. */
  static async open(url: string, options: { attempts?: number; delayMs?: number } = {}): Promise<PostgresStore> {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new DatabaseError('DATABASE_URL must be a postgres:// or postgresql:// URL (e.g. postgres://user:password@host:5432/rights)');
    const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, query_timeout: QUERY_TIMEOUT_MS, statement_timeout: QUERY_TIMEOUT_MS, max: 5 });
    // An idle client that loses its connection must not crash the process.
    pool.on('error', () => undefined);
    // Bounded: a refused or unreachable database stops start-up within about ten seconds.
    const attempts = options.attempts ?? 3;
    let last: unknown;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        const store = new PostgresStore(pool);
        await store.migrate();
        return store;
      } catch (error) {
        last = error;
        if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, (options.delayMs ?? 500) * attempt));
      }
    }
    await pool.end().catch(() => undefined);
    const reason = ((last as Error | undefined)?.message ?? 'unknown error').split(url).join(maskUrl(url));
    throw new DatabaseError(`DATABASE_URL (${maskUrl(url)}) is not usable after ${attempts} attempts: ${reason}`);
  }

  private async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      await client.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await client.query('create table if not exists schema_migrations (version integer primary key, applied_at timestamptz not null default now())');
      const { rows } = await client.query<{ version: number }>('select version from schema_migrations');
      const applied = new Set(rows.map((r) => r.version));
      for (const [i, sql] of MIGRATIONS.entries()) {
        if (applied.has(i + 1)) continue;
        await client.query(sql);
        await client.query('insert into schema_migrations (version) values ($1)', [i + 1]);
      }
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async loadTargets(): Promise<{ targets: Map<string, TargetState>; damaged: DamagedTarget[] }> {
    const { rows } = await this.pool.query<{ key: string; state: unknown }>('select key, state from digest_targets order by key');
    const targets = new Map<string, TargetState>();
    const damaged: DamagedTarget[] = [];
    for (const row of rows) {
      const parsed = targetStateSchema.safeParse(row.state);
      if (parsed.success) targets.set(row.key, parsed.data);
      else damaged.push({ key: row.key, problem: parsed.error.issues.map((i) => `${i.path.join('.') || 'entry'}: ${i.message}`).join('; ') });
    }
    return { targets, damaged };
  }

  async saveTarget(key: string, target: TargetState): Promise<void> {
    const settings: Record<string, unknown> = { ...target };
    for (const field of DELIVERY_FIELDS) delete settings[field];
    const initial = { ...target };
    delete (initial as Record<string, unknown>).failure;
    // Deliveries own their fields: a settings change keeps what was sent and claimed; a person changing the
    // settings is the fix for a permanent refusal, so that failure is cleared.
    await this.pool.query(
      `insert into digest_targets (key, state) values ($1, $2::jsonb)
       on conflict (key) do update set
         state = case when (digest_targets.state->'failure'->>'permanent')::boolean is true
                      then (digest_targets.state - 'failure') || $3::jsonb
                      else digest_targets.state || $3::jsonb end,
         updated_at = now()`,
      [key, JSON.stringify(initial), JSON.stringify(settings)],
    );
  }

  async claim(key: string, date: string, owner: string, leaseMs: number): Promise<Claim | undefined> {
    const expires = Date.now() + leaseMs;
    const { rows } = await this.pool.query<{ key: string }>(
      `update digest_targets set state = jsonb_set(state, '{claim}', jsonb_build_object('date', $2::text, 'owner', $3::text, 'expires', $4::bigint)), updated_at = now()
       where key = $1
         and coalesce((state->>'enabled')::boolean, true)
         and coalesce(state->>'lastSent', '') <> $2
         and not coalesce(state->'claim'->>'date' = $2 and (state->'claim'->>'expires')::bigint > $5, false)
         and not coalesce((state->'failure'->>'permanent')::boolean, false)
         and not coalesce(state->'failure'->>'date' = $2 and coalesce((state->'failure'->>'retryAt')::bigint, 0) > $5, false)
       returning key`,
      [key, date, owner, expires, Date.now()],
    );
    return rows.length > 0 ? { key, date, owner, expires } : undefined;
  }

  async complete(claim: Claim, change: Partial<TargetState>): Promise<void> {
    await this.pool.query(
      `update digest_targets set state = ((state - 'claim') - 'failure') || $2::jsonb, updated_at = now() where key = $1`,
      [claim.key, JSON.stringify({ ...change, lastSent: claim.date })],
    );
  }

  async release(claim: Claim, failure?: PostFailure): Promise<void> {
    await this.pool.query(
      `update digest_targets set state = case when $4::jsonb is null then state - 'claim' else (state - 'claim') || jsonb_build_object('failure',
          $4::jsonb || jsonb_build_object('attempts', case when state->'failure'->>'date' = $3 then coalesce((state->'failure'->>'attempts')::int, 1) + 1 else 1 end))
        end, updated_at = now()
       where key = $1 and state->'claim'->>'owner' = $2 and state->'claim'->>'date' = $3`,
      [
        claim.key,
        claim.owner,
        claim.date,
        failure ? JSON.stringify({ date: claim.date, permanent: failure.permanent, error: failure.error.slice(0, 300), ...(failure.retryAt ? { retryAt: failure.retryAt } : {}) }) : null,
      ],
    );
  }

  async putValue(namespace: string, key: string, value: string): Promise<void> {
    await this.pool.query(
      `insert into store_values (namespace, key, value) values ($1, $2, $3)
       on conflict (namespace, key) do update set value = excluded.value, created_at = now()`,
      [namespace, key, value],
    );
  }

  async getValue(namespace: string, key: string, maxAgeMs: number): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ value: string }>(
      `select value from store_values where namespace = $1 and key = $2 and created_at > now() - make_interval(secs => $3::double precision / 1000)`,
      [namespace, key, maxAgeMs],
    );
    return rows[0]?.value;
  }

  async deleteTarget(key: string): Promise<void> {
    await this.pool.query('delete from digest_targets where key = $1', [key]);
  }

  async saveInstallation(id: string, sealed: string): Promise<void> {
    await this.pool.query(
      `insert into slack_installations (id, sealed) values ($1, $2) on conflict (id) do update set sealed = excluded.sealed, updated_at = now()`,
      [id, sealed],
    );
  }

  async getInstallation(id: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ sealed: string }>('select sealed from slack_installations where id = $1', [id]);
    return rows[0]?.sealed;
  }

  async deleteInstallation(id: string): Promise<void> {
    await this.pool.query('delete from slack_installations where id = $1', [id]);
  }

  async ping(): Promise<void> {
    await this.pool.query('select 1');
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
