// Reload without restart: holds the engine users read per request, and swaps in a rebuilt one atomically.
// An invalid change (RecordsError) leaves the last good engine answering; the problems come back file:line.
import type { Engine } from './engine.js';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { openEngine, openPrebuilt, type OpenOptions } from './open.js';
import { RecordsError } from './records/errors.js';

/** An engine, or a getter for the current one (a LiveEngine's `current`): read it per request. */
export type EngineSource = Engine | (() => Engine);

/** The getter behind an EngineSource (a plain engine is always itself). */
export function engineGetter(source: EngineSource): () => Engine {
  return typeof source === 'function' ? source : () => source;
}

export type ReloadResult = { ok: true; records: number } | { ok: false; problems: string };

export interface LiveEngineOptions extends OpenOptions {
  /** Builds the next engine (default: openEngine with these options: prebuilt when it matches, else load + index + save). */
  open?: (options: OpenOptions) => Promise<Engine>;
}

export class LiveEngine {
  private engine: Engine;
  private running: Promise<ReloadResult> | undefined;
  private queued: Promise<ReloadResult> | undefined;

  constructor(engine: Engine, private readonly options: LiveEngineOptions) {
    this.engine = engine;
  }

  /** The engine to answer this request with (bound: pass `live.current` around as a getter). */
  readonly current = (): Engine => this.engine;

  /**
   * Validates and rebuilds, then swaps. One reload runs at a time: calls during one share a single
   * follow-up reload, which reads the files as they are once the running one is done.
   */
  reload(): Promise<ReloadResult> {
    if (!this.running) {
      this.running = this.rebuild().finally(() => {
        this.running = undefined;
      });
      return this.running;
    }
    this.queued ??= this.running.then(() => {
      this.queued = undefined;
      return this.reload();
    });
    return this.queued;
  }

  private async rebuild(): Promise<ReloadResult> {
    // Let requests already waiting be answered first.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      const open = this.options.open ?? openInWorker;
      const engine = await open(this.options);
      this.engine = engine;
      return { ok: true, records: engine.kb.records.length };
    } catch (error) {
      if (error instanceof RecordsError) return { ok: false, problems: error.message };
      return { ok: false, problems: (error as Error).message ?? String(error) };
    }
  }
}

/**
 * Validates and indexes in a worker thread (seconds of work: YAML, schema, lunr, WordNet), so requests keep
 * being answered meanwhile; then loads what it saved, which takes milliseconds. Falls back to building
 * in this thread when the index could not be saved (a read-only disk).
 */
async function openInWorker(options: OpenOptions): Promise<Engine> {
  const script = new URL('./rebuild-worker.js', import.meta.url);
  // Run from TypeScript sources (tests), there is no compiled worker script: build in this thread.
  if (!existsSync(fileURLToPath(script))) return (await openEngine(options)).engine;
  const plain: OpenOptions = { root: options.root, seedsDir: options.seedsDir, sourcesDir: options.sourcesDir, indexPath: options.indexPath, save: true };
  const result = await new Promise<{ ok: boolean; problems?: string }>((resolve, reject) => {
    const worker = new Worker(script, { workerData: plain });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`the rebuild worker stopped with code ${code}`))));
  });
  // The worker's problems are already file:line lines (RecordsError's message), reported as they are.
  if (!result.ok) throw new Error(result.problems ?? 'the rebuild failed');
  return openPrebuilt(plain)?.engine ?? (await openEngine(options)).engine;
}
