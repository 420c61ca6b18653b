// Finds the project root (the folder with seeds/ and data/) from any compiled or source file.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function projectRoot(from: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(from));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'seeds'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('[rights] cannot find the project root (a folder with package.json and seeds/)');
    dir = parent;
  }
}
