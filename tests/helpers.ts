// Test helpers: temporary projects with hand-written seeds, and the real project's engine.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBuilt } from '../src/open.js';
import { loadKnowledgeBase } from '../src/records/load.js';
import type { Engine } from '../src/engine.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const MINI = join(ROOT, 'tests', 'fixtures', 'mini');

/** A throw-away copy of the mini fixture project, with some files replaced or added. */
export function makeProject(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'rights-test-'));
  cpSync(MINI, dir, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

export function miniRecords(): string {
  return readFileSync(join(MINI, 'seeds', 'records.yaml'), 'utf8');
}

let real: Engine | undefined;
/** The engine over the real seeds, validated and indexed in memory (nothing written). */
export function realEngine(): Engine {
  real ??= openBuilt(loadKnowledgeBase({ root: ROOT }), { root: ROOT, save: false }).engine;
  return real;
}
