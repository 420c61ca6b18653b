// `npm start`: every chat adapter whose credentials are configured, side by side, with the daily digest;
// the console chat when none is. Configuration is read once, here. SIGTERM/SIGINT stop it gracefully.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, readConfig } from './config.js';
import { startHealthServer, type HealthCheck, type HealthServer } from './health.js';
import { projectRoot } from './paths.js';
import { openEngine } from '../src/open.js';
import { RecordsError } from '../src/records/errors.js';
import { runConsoleChat } from './console/chat.js';
import { openStore } from './store/open.js';
import { createLogger, type ChatAdapter } from './types.js';

/**
 * If stopping takes longer than this, exit anyway: the digest waits up to 10 s for its posts, then each
 * adapter up to 10 s for its requests. Below the 30 s an orchestrator (Kubernetes) waits before SIGKILL.
 */
const STOP_DEADLINE_MS = 25_000;

const logger = createLogger('rights');

async function main(): Promise<void> {
  const root = projectRoot();
  const envFile = join(root, '.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  const config = readConfig(process.env);
  const { engine } = await openEngine({ root });
  if (!config.slack && !config.discord) {
    await runConsoleChat({ engine, input: process.stdin, output: process.stdout, interactive: Boolean(process.stdin.isTTY) });
    return;
  }
  // The chat SDKs (Bolt, discord.js) are loaded only when a chat adapter is configured.
  const { createBot } = await import('./bot.js');
  // As `rights digest --send` does (adapters/cli/cli.ts): PostgreSQL with DATABASE_URL, files otherwise.
  const store = await openStore({ databaseUrl: config.databaseUrl, stateDir: config.stateDir, root });
  const { adapters, digest } = createBot(engine, config, store, { health: () => health() });

  let phase: 'starting' | 'ok' | 'stopping' = 'starting';
  const health: HealthCheck = async () => {
    const checks: Record<string, string> = { bot: phase };
    for (const adapter of adapters) checks[adapter.name] = adapterStatus(adapter);
    checks.store = await store.ping().then(
      () => 'ok',
      (error: unknown) => `failed: ${(error as Error).message}`,
    );
    return { ready: Object.values(checks).every((check) => check === 'ok'), checks };
  };
  let healthServer: HealthServer | undefined;
  if (config.healthPort !== undefined) {
    healthServer = await startHealthServer({ port: config.healthPort, health });
    logger.info('serving health endpoints', { port: healthServer.port(), paths: ['/healthz', '/readyz'] });
  }

  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (phase === 'stopping') {
      logger.warn(`${signal} again: exiting without waiting for work in progress`);
      process.exit(1);
    }
    phase = 'stopping';
    logger.info(`${signal}: stopping; letting work in progress finish`);
    setTimeout(() => {
      logger.error(`could not stop within ${STOP_DEADLINE_MS / 1000} s; exiting anyway`);
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    // The digest first: its posts in progress still need the adapters' clients.
    await digest.stop().catch((error: unknown) => logger.warn('digest did not stop cleanly', { error: (error as Error).message }));
    for (const result of await Promise.allSettled(adapters.map((adapter) => adapter.stop()))) {
      if (result.status === 'rejected') logger.warn('an adapter did not stop cleanly', { error: (result.reason as Error).message });
    }
    await healthServer?.close();
    await store.close().catch((error: unknown) => logger.warn('store did not close cleanly', { error: (error as Error).message }));
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', (signal) => void stop(signal));
  process.on('SIGTERM', (signal) => void stop(signal));

  for (const adapter of adapters) await adapter.start();
  await digest.start();
  if (phase === 'starting') phase = 'ok';
}

/** An adapter's own readiness ("ok", "reconnecting"…), where it reports one; "ok" once started otherwise. */
function adapterStatus(adapter: ChatAdapter): string {
  const status = (adapter as Partial<{ status(): string }>).status;
  return typeof status === 'function' ? status.call(adapter) : 'ok';
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else if (error instanceof RecordsError) console.error(`[records] invalid seeds:\n${error.message}`);
  else {
    console.error(`[rights] could not start: ${(error as Error).message}`);
    if (process.env.RIGHTS_DEBUG) console.error(error);
  }
  process.exit(1);
});
