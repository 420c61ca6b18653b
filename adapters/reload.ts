// Watches seeds/, data/sources/ and the trigger file data/reload.request (written by `rights reload`) and
// reloads the engine after a quiet period, logging the outcome. Watchers and timers never keep the process alive.
import { existsSync, readdirSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import type { LiveEngine, ReloadResult } from '../src/live.js';
import type { Logger } from './types.js';

export const RELOAD_REQUEST = 'reload.request';
export const DEFAULT_RELOAD_DEBOUNCE_MS = 1000;

export interface ReloadWatcherOptions {
  root: string;
  seedsDir?: string;
  sourcesDir?: string;
  /** Quiet period after the last change before reloading (default 1 s). */
  debounceMs?: number;
  /** Called once per burst of changes. */
  onChange: () => void;
}

/** Calls onChange once per burst of changes to the seeds, the sources or the trigger file. */
export function watchForReload(options: ReloadWatcherOptions): { close(): void } {
  const seedsDir = options.seedsDir ?? join(options.root, 'seeds');
  const sourcesDir = options.sourcesDir ?? join(options.root, 'data', 'sources');
  const debounceMs = options.debounceMs ?? DEFAULT_RELOAD_DEBOUNCE_MS;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const changed = () => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!closed) options.onChange();
    }, debounceMs);
    timer.unref();
  };
  const watchers: FSWatcher[] = [];
  const add = (watcher: FSWatcher) => {
    watcher.on('error', () => undefined); // a folder removed while watched: nothing more to see there
    watcher.unref();
    watchers.push(watcher);
  };
  for (const dir of [seedsDir, sourcesDir]) {
    if (!existsSync(dir)) continue;
    try {
      add(watch(dir, { recursive: true }, changed));
    } catch {
      // No recursive watching here: the folder and its immediate subfolders (seeds/<document>/).
      add(watch(dir, changed));
      for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory()) add(watch(join(dir, entry.name), changed));
    }
  }
  const data = join(options.root, 'data');
  if (existsSync(data)) add(watch(data, (_event, name) => {
    if (name?.toString() === RELOAD_REQUEST) changed();
  }));
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}

/** Asks a running bot to reload: writes data/reload.request, which its watcher sees. */
export function requestReload(root: string): string {
  const path = join(root, 'data', RELOAD_REQUEST);
  writeFileSync(path, `${new Date().toISOString()}\n`);
  return path;
}

/** Reloads and logs: the record count, or every problem (file:line) while the last good index keeps answering. */
export async function reloadAndLog(live: LiveEngine, logger: Logger): Promise<ReloadResult> {
  const result = await live.reload();
  if (result.ok) logger.info(`knowledge base reloaded: ${result.records} records`);
  else logger.error(`reload refused; still answering from the last good index:\n${result.problems}`);
  return result;
}

/** Watches and reloads in the background (start.ts). */
export function startLiveReload(live: LiveEngine, options: Omit<ReloadWatcherOptions, 'onChange'> & { logger: Logger }): { close(): void } {
  return watchForReload({ ...options, onChange: () => void reloadAndLog(live, options.logger) });
}
