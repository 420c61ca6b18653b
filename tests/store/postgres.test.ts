// The PostgreSQL store against a real server the test starts itself: the shared contract, migrations that
// two replicas can race, and a DATABASE_URL that cannot be used.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { DatabaseError, PostgresStore } from '../../adapters/store/postgres.js';
import { describeStoreContract, target } from './contract.js';
import { startTestDatabase, type TestDatabase } from './postgres-server.js';

let db: TestDatabase;
const urls = new WeakMap<object, string>();

beforeAll(async () => {
  db = await startTestDatabase();
}, 120_000);
afterAll(async () => {
  await db?.stop();
});

describeStoreContract('postgres', () => ({
  fresh: async () => {
    const url = await db.newDatabase();
    const store = await PostgresStore.open(url);
    urls.set(store, url);
    return store;
  },
  twin: async (store) => {
    const twin = await PostgresStore.open(urls.get(store) ?? '');
    urls.set(twin, urls.get(store) ?? '');
    return twin;
  },
  damage: async (store, key) => {
    const client = new pg.Client({ connectionString: urls.get(store) });
    await client.connect();
    await client.query('insert into digest_targets (key, state) values ($1, $2)', [key, JSON.stringify({ ...target('BAD'), time: '9:00' })]);
    await client.end();
  },
}));

describe('postgres store start-up', () => {
  it('migrates once when two replicas start together on an empty database', async () => {
    const url = await db.newDatabase();
    const [a, b] = await Promise.all([PostgresStore.open(url), PostgresStore.open(url)]);
    await a.saveTarget('slack:C1', target('C1'));
    expect([...(await b.loadTargets()).targets.keys()]).toEqual(['slack:C1']);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    expect((await client.query('select version from schema_migrations order by version')).rows).toEqual([{ version: 1 }, { version: 2 }]);
    await client.end();
    await Promise.all([a.close(), b.close()]);
  });

  it('stops within seconds on a refused DATABASE_URL, naming the variable and masking the password', async () => {
    const started = Date.now();
    const url = 'postgres://rights:very-secret-pw@127.0.0.1:9/rights';
    const error = await PostgresStore.open(url, { attempts: 2, delayMs: 100 }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseError);
    expect((error as Error).message).toMatch(/^DATABASE_URL \(postgres:\/\/rights:\*\*\*@127\.0\.0\.1:9\/rights\) is not usable/);
    expect((error as Error).message).not.toContain('very-secret-pw');
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('refuses a URL that is not postgres://, without echoing it', async () => {
    const error = await PostgresStore.open('xoxb-123-secret-token').then(() => undefined, (e: unknown) => e);
    expect((error as Error).message).toMatch(/^DATABASE_URL must be a postgres:\/\//);
    expect((error as Error).message).not.toContain('xoxb');
  });
});
