// Opens the engine: validated records plus the lunr index, prebuilt when it matches the seeds.
import { join } from 'node:path';
import { Engine } from './engine.js';
import type { KnowledgeBase } from './records/load.js';
import { seedsHash } from './records/files.js';
import { buildIndex, buildVocabulary, readPrebuiltIndex, writeIndex } from './search/build-index.js';

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

/**
 * Unchanged seeds (same content hash) start from data/index.json: the index and the records validated when
 * it was written. Otherwise the seeds are loaded and validated (throws RecordsError) and the index rebuilt.
 * The YAML parser and schema library are only loaded in that second case, to keep start-up fast.
 */
export async function openEngine(options: OpenOptions): Promise<OpenedEngine> {
  const prebuilt = openPrebuilt(options);
  if (prebuilt) return prebuilt;
  const { loadKnowledgeBase } = await import('./records/load.js');
  return openBuilt(loadKnowledgeBase(options), options);
}

/** The engine from data/index.json, if it was built from the current seeds. */
export function openPrebuilt(options: OpenOptions): OpenedEngine | undefined {
  const prebuilt = readPrebuiltIndex(indexPathOf(options), seedsHash(options));
  return prebuilt ? { engine: new Engine(prebuilt.kb, prebuilt.index, prebuilt.vocabulary), index: 'prebuilt' } : undefined;
}

/** The engine over a freshly loaded knowledge base; the index is built and (unless save is false) saved. */
export function openBuilt(kb: KnowledgeBase, options: OpenOptions): OpenedEngine {
  const index = buildIndex(kb);
  const vocabulary = buildVocabulary(kb);
  if (options.save !== false) {
    try {
      writeIndex(indexPathOf(options), kb, index, vocabulary);
    } catch {
      // The index is only a cache: a read-only deployment still answers.
    }
  }
  return { engine: new Engine(kb, index, vocabulary), index: 'built' };
}

function indexPathOf(options: OpenOptions): string {
  return options.indexPath ?? join(options.root, 'data', 'index.json');
}
