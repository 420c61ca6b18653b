// A throw-away copy of the real project (seeds and source documents) for the authoring commands.
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';
import { runCli } from '../../adapters/cli/cli.js';
import { openBuilt } from '../../src/open.js';
import { loadKnowledgeBase } from '../../src/records/load.js';

export const REPORT = join(ROOT, 'tests', 'fixtures', 'authoring', 'report.md');
export const DOC = 'regional-dialogue-on-migrant-workers-rights';
export const META = ['--date', '2024-03-14', '--place', 'Quito', '--organizer', 'Andean Migration Network'];

export function copyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rights-authoring-'));
  cpSync(join(ROOT, 'seeds'), join(dir, 'seeds'), { recursive: true });
  mkdirSync(join(dir, 'data'));
  cpSync(join(ROOT, 'data', 'sources'), join(dir, 'data', 'sources'), { recursive: true });
  return dir;
}

export async function rights(root: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) }, root);
  return { code, out, err };
}

/** Ids of the records answering a question over the project's current seeds. */
export function answerIds(root: string, question: string): string[] {
  const { engine } = openBuilt(loadKnowledgeBase({ root }), { root, save: false });
  const answer = engine.ask(question, { limit: 100 });
  return answer.type === 'results' ? answer.items.map((i) => i.record.id) : [];
}
