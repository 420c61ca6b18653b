// Runs in a worker thread for LiveEngine: validates the seeds and rebuilds the index (and the WordNet map)
// off the main thread, saving them as data/index.json; the main thread then loads the prebuilt files.
import { parentPort, workerData } from 'node:worker_threads';
import { loadKnowledgeBase } from './records/load.js';
import { RecordsError } from './records/errors.js';
import { openBuilt, type OpenOptions } from './open.js';

const options = workerData as OpenOptions;
try {
  const kb = loadKnowledgeBase(options);
  openBuilt(kb, { ...options, save: true });
  parentPort?.postMessage({ ok: true });
} catch (error) {
  parentPort?.postMessage({ ok: false, problems: error instanceof RecordsError ? error.message : `[records] ${(error as Error).message ?? String(error)}` });
}
