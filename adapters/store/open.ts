// Opens the store the configuration asks for: PostgreSQL with DATABASE_URL, else files under the state
// folder. Never falls back silently from one to the other.
import { join } from 'node:path';
import { FileStore } from './files.js';
import type { Store } from './port.js';

export interface StoreOptions {
  /** postgres://user:password@host:port/db (TLS when the URL's sslmode or PGSSLMODE asks for it). */
  databaseUrl?: string;
  /** Folder of the file store (RIGHTS_STATE_DIR); default data/state under the project. */
  stateDir?: string;
  root: string;
}

export async function openStore(options: StoreOptions): Promise<Store> {
  if (options.databaseUrl) {
    // The PostgreSQL client is loaded only when a database is configured.
    const { PostgresStore } = await import('./postgres.js');
    return PostgresStore.open(options.databaseUrl);
  }
  const store = new FileStore(options.stateDir ?? join(options.root, 'data', 'state'));
  await store.ping();
  return store;
}
