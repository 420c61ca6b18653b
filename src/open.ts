// Opens the engine: validated records plus the lunr index, prebuilt when it matches the seeds.
import { join } from 'node:path';
import { Engine } from './engine.js';
import { loadKnowledgeBase } from './records/load.js';
import { buildIndex, readPrebuiltIndex, writeIndex } from './search/build-index.js';

export interface OpenOptions {
  /** Project root (holds seeds/ and data/). */
  root: string;
  seedsDir?: string;
  sourcesDir?: string;
  /** Where the prebuilt index lives; default data/index.json. */
  indexPath?: string;
  /** Save a rebuilt index for the next start (default true; a read-only disk is not an error). */
  save?: boolean;
}

export interface OpenedEngine {
  engine: Engine;
  /** Whether the index came from data/index.json or was built from the seeds now. */
  index: 'prebuilt' | 'built';
}

/** Throws RecordsError when the seeds are invalid. */
export function openEngine(options: OpenOptions): OpenedEngine {
  const kb = loadKnowledgeBase(options);
  const indexPath = options.indexPath ?? join(options.root, 'data', 'index.json');
  const prebuilt = readPrebuiltIndex(indexPath, kb.hash);
  if (prebuilt) return { engine: new Engine(kb, prebuilt), index: 'prebuilt' };
  const index = buildIndex(kb);
  if (options.save !== false) {
    try {
      writeIndex(indexPath, kb.hash, index);
    } catch {
      // The index is only a cache: a read-only deployment still answers.
    }
  }
  return { engine: new Engine(kb, index), index: 'built' };
}
