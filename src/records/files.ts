// Which files the knowledge base is built from, and their content hash. Light on purpose (no YAML
// parser, no schema library): a start-up with unchanged seeds needs only this and the prebuilt index.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { LoadOptions } from './load.js';

export function listYamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listYamlFiles(path));
    else if (/\.ya?ml$/.test(name)) out.push(path);
  }
  return out;
}

/**
 * Content hash of everything the knowledge base is built from (seeds and source documents), cheap to
 * compute: it decides whether the prebuilt index and record snapshot in data/index.json can be reused.
 */
export function seedsHash(options: LoadOptions): string {
  const seedsDir = options.seedsDir ?? join(options.root, 'seeds');
  const sourcesDir = options.sourcesDir ?? join(options.root, 'data', 'sources');
  const hash = createHash('sha256');
  const files = [...listYamlFiles(seedsDir), ...(existsSync(sourcesDir) ? readdirSync(sourcesDir).filter((n) => n.endsWith('.txt')).sort().map((n) => join(sourcesDir, n)) : [])];
  for (const path of files) {
    hash.update(relative(options.root, path).split(sep).join('/')).update('\0');
    try {
      hash.update(readFileSync(path)).update('\0');
    } catch {
      hash.update('unreadable\0');
    }
  }
  return hash.digest('hex');
}
