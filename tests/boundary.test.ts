// The core never imports an adapter or a platform SDK (STYLE.md §1).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const FORBIDDEN = /from\s+['"](@slack\/[^'"]*|discord\.js|@discordjs\/[^'"]*|[./]*\/adapters\/[^'"]*|\.\.\/adapters[^'"]*)['"]|process\.env/;

describe('core boundary', () => {
  const files = tsFiles(join(ROOT, 'src'));

  it('finds the core sources', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files.map((f) => [f.slice(ROOT.length + 1), f]))('%s imports no adapter, SDK or environment', (_name, file) => {
    expect(readFileSync(file, 'utf8')).not.toMatch(FORBIDDEN);
  });

  it('would catch a forbidden import', () => {
    expect("import { App } from '@slack/bolt';").toMatch(FORBIDDEN);
    expect("import type { X } from '../../adapters/slack/index.js';").toMatch(FORBIDDEN);
    expect("import { Client } from 'discord.js';").toMatch(FORBIDDEN);
  });
});
