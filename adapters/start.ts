// `npm start`: every chat adapter whose credentials are configured, side by side, with the daily digest;
// the console chat when none is. Configuration is read once, here. SIGTERM/SIGINT stop it gracefully; one
// adapter failing to start, or an error inside a chat library's event handling, never stops the others.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, readConfig, shownPath, type Config } from './config.js';
import { describeCrash, installCrashHandlers } from './crash-guard.js';
import { readDigestConfigFile } from './digest/targets.js';
import { startHealthServer, type HealthCheck, type HealthServer } from './health.js';
import { configureLogging, logFormat } from './logging.js';
import { projectRoot } from './paths.js';
import { redactSecrets } from './secrets.js';
import { openEngine } from '../src/open.js';
import { LiveEngine } from '../src/live.js';
import { startLiveReload } from './reload.js';
import { RecordsError } from '../src/records/errors.js';
import { runConsoleChat } from './console/chat.js';
import { openStore } from './store/open.js';
import type { Store } from './store/port.js';
import { createLogger, type ChatAdapter } from './types.js';

/**
 * If stopping takes longer than this, exit anyway: the digest waits up to 10 s for its posts, then each
 * adapter up to 10 s for its requests. Below the 30 s an orchestrator (Kubernetes) waits before SIGKILL.
 */
const STOP_DEADLINE_MS = 25_000;

const logger = createLogger('rights');
let debug = false;
/** Stops the bot cleanly with an exit code, once it is assembled; before that there is nothing to stop. */
let shutdown: ((reason: string, code: number) => Promise<void>) | undefined;

async function main(): Promise<void> {
  const root = projectRoot();
  const envFile = join(root, '.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  const config = readConfig(process.env);
  configureLogging({ format: config.logFormat ?? 'text' });
  debug = config.debug ?? false;
  installCrashHandlers(process, {
    logger,
    debug,
    fatal: () => {
      if (shutdown) void shutdown('uncaught error', 1);
      else process.exit(1);
    },
  });
  const { engine: opened } = await openEngine({ root });
  // Reload without restart: changed seeds or sources (or `rights reload`) rebuild in the background; an
  // invalid change is logged and the last good index keeps answering. Every user reads live.current.
  const live = new LiveEngine(opened, { root });
  const engine = live.current;
  const reloadLogger = createLogger('reload');
  const watcher = startLiveReload(live, { root, logger: reloadLogger });
  if (!config.slack && !config.discord) {
    checkDigestFileForConsole(config);
    await runConsoleChat({ engine, reload: () => live.reload(), input: process.stdin, output: process.stdout, interactive: Boolean(process.stdin.isTTY) });
    watcher.close();
    return;
  }
  // The chat SDKs (Bolt, discord.js) are loaded only when a chat adapter is configured.
  const { createBot } = await import('./bot.js');
  // As `rights digest --send` does (adapters/cli/cli.ts): PostgreSQL with DATABASE_URL, files otherwise.
  const store = await openStateStore(config, root);
  const { adapters, digest } = createBot(engine, config, store, { health: () => health() });

  let phase: 'starting' | 'ok' | 'stopping' = 'starting';
  /** Adapters that could not start, with why: /readyz reports them, the others serve. */
  const failed = new Map<string, string>();
  const health: HealthCheck = async () => {
    const checks: Record<string, string> = { bot: phase };
    for (const adapter of adapters) checks[adapter.name] = failed.get(adapter.name) ?? adapterStatus(adapter);
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

  let stopping = false;
  shutdown = async (reason, code) => {
    if (stopping) {
      logger.warn(`${reason} again: exiting without waiting for work in progress`);
      process.exit(1);
    }
    stopping = true;
    phase = 'stopping';
    logger.info(`${reason}: stopping; letting work in progress finish`);
    setTimeout(() => {
      logger.error(`could not stop within ${STOP_DEADLINE_MS / 1000} s; exiting anyway`);
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    // The digest first: its posts in progress still need the adapters' clients.
    await digest.stop().catch((error: unknown) => logger.warn('digest did not stop cleanly', { error: (error as Error).message }));
    for (const result of await Promise.allSettled(adapters.map((adapter) => adapter.stop()))) {
      if (result.status === 'rejected') logger.warn('an adapter did not stop cleanly', { error: (result.reason as Error).message });
    }
    watcher.close();
    await healthServer?.close();
    await store.close().catch((error: unknown) => logger.warn('store did not close cleanly', { error: (error as Error).message }));
    logger.info(code === 0 ? 'stopped' : `stopped (exit code ${code})`);
    process.exit(code);
  };
  const stop = (signal: NodeJS.Signals) => void shutdown?.(signal, 0);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  // Side by side: one adapter that cannot start (Slack unreachable, a refused token) leaves the others serving.
  const started = await Promise.allSettled(adapters.map((adapter) => adapter.start()));
  for (const [i, result] of started.entries()) {
    const adapter = adapters[i];
    if (!adapter || result.status === 'fulfilled') continue;
    const why = redactSecrets((result.reason as Error)?.message ?? String(result.reason)).split('\n')[0]?.slice(0, 300) ?? '';
    failed.set(adapter.name, `failed: ${why}`);
    if (failed.size === adapters.length) throw result.reason;
    logger.error(`${adapter.name} could not start; the other adapters keep serving, /readyz reports it`, { adapter: adapter.name, ...describeCrash(result.reason, debug) });
    holdDigestPosts(adapter);
    await adapter.stop().catch(() => undefined);
  }
  await digest.start();
  if (phase === 'starting') phase = 'ok';
}

/**
 * Digest posts through an adapter that never started fail as transient ("not running"), so the digest
 * retries them later instead of reading, say, a refused token as a channel refused for good.
 */
function holdDigestPosts(adapter: ChatAdapter): void {
  const poster = (adapter as Partial<{ digestPoster: { post: (...args: never[]) => Promise<void> } }>).digestPoster;
  if (!poster) return;
  poster.post = async () => {
    throw Object.assign(new Error(`[${adapter.name}] not running: it failed to start`), { permanent: false, code: 'not running' });
  };
}

/** With no chat adapter, RIGHTS_CONFIG is still read and checked (a mistake is reported now, not on the day it matters). */
function checkDigestFileForConsole(config: Config): void {
  if (!config.configFile) return;
  const file = readDigestConfigFile(config.configFile);
  logger.info(`RIGHTS_CONFIG ${shownPath(config.configFile)} is valid (${file.targets.length} digest target${file.targets.length === 1 ? '' : 's'}); digests are not posted from the console, which has no chat adapter`);
}

/** The store; a state folder that cannot be created or written is reported naming RIGHTS_STATE_DIR. */
async function openStateStore(config: Config, root: string): Promise<Store> {
  try {
    return await openStore({ databaseUrl: config.databaseUrl, stateDir: config.stateDir, root });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (config.databaseUrl || typeof code !== 'string' || !['EEXIST', 'ENOTDIR', 'EACCES', 'EPERM', 'EROFS', 'ENOSPC'].includes(code)) throw error;
    const folder = config.stateDir ?? join(root, 'data', 'state');
    throw new ConfigError(`RIGHTS_STATE_DIR must be a folder the bot can write to: ${shownPath(folder)} cannot be used (${code})${config.stateDir ? '' : '; set RIGHTS_STATE_DIR to a writable folder'}`);
  }
}

/** An adapter's own readiness ("ok", "reconnecting"…), where it reports one; "ok" once started otherwise. */
function adapterStatus(adapter: ChatAdapter): string {
  const status = (adapter as Partial<{ status(): string }>).status;
  return typeof status === 'function' ? status.call(adapter) : 'ok';
}

main().catch((error: unknown) => {
  // With LOG_FORMAT=json (even when another variable was wrong), the last word is a JSON line too.
  const json = logFormat() === 'json' || process.env.LOG_FORMAT?.trim() === 'json';
  if (json) configureLogging({ format: 'json' });
  const say = (message: string) => (json ? createLogger(message.match(/^\[(\w+)\]/)?.[1] ?? 'rights').error(message.replace(/^\[\w+\] /, '')) : console.error(message));
  if (error instanceof ConfigError) say(error.message);
  else if (error instanceof RecordsError) say(`[records] invalid seeds:\n${error.message}`);
  else {
    say(`[rights] could not start: ${redactSecrets((error as Error).message)}`);
    if (debug || process.env.RIGHTS_DEBUG) console.error(redactSecrets(String((error as Error).stack ?? error)));
  }
  process.exit(1);
});
