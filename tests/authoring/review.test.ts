import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { beforeEach, describe, expect, it } from 'vitest';
import { runReview } from '../../adapters/authoring/review.js';
import { loadKnowledgeBase } from '../../src/records/load.js';
import { answerIds, copyProject, DOC, META, REPORT, rights } from './project.js';

async function drafted(): Promise<string> {
  const root = copyProject();
  expect((await rights(root, 'draft', REPORT, ...META)).code).toBe(0);
  return root;
}

describe('rights review', () => {
  let root: string;
  beforeEach(async () => {
    root = await drafted();
  });

  it('lists the drafts with their quotes when not in a terminal', async () => {
    const result = await rights(root, 'review', join(root, 'seeds', DOC));
    expect(result.code).toBe(0);
    expect(result.out).toContain('speaker amina-yusuf: Amina Yusuf');
    expect(result.out).toContain('"Dr. Yusuf said that States should ratify the Migrant Workers Convention without delay."');
    expect(result.out).toMatch(/9 draft records/);
  });

  it('--accept-all marks every draft reviewed, keeping comments, and they then appear in answers', async () => {
    const file = join(root, 'seeds', DOC, 'speakers.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('- id: amina-yusuf', '# checked against the list of participants\n- id: amina-yusuf'));
    const result = await rights(root, 'review', join(root, 'seeds', DOC), '--accept-all');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/9 accepted, 0 dropped/);
    expect(result.out).toMatch(/picks up changed seeds without a restart/);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('# checked against the list of participants');
    expect(text).not.toContain('status: draft');
    expect(text.indexOf('id: ana-lopez')).toBeLessThan(text.indexOf('id: amina-yusuf'));
    const kb = loadKnowledgeBase({ root });
    expect(kb.drafts).toEqual([]);
    expect(kb.byId.get('amina-yusuf')?.status).toBe('reviewed');
    expect(answerIds(root, 'Amina Yusuf')).toContain('amina-yusuf');
    expect(answerIds(root, 'recommendations Migrant Workers Convention ratify')).toContain(`${DOC}-ratify-the-migrant-workers`);
  });

  it('interactively accepts, retitles and drops, then quits', async () => {
    const input = Readable.from(['a\n', 'e\n', 'Ms. Ana López\n', 'a\n', 'd\n', 'q\n']);
    const output = new PassThrough();
    let out = '';
    const code = await runReview([join(root, 'seeds', DOC)], { io: { out: (t) => (out += `${t}\n`), err: (t) => (out += t) }, root, input, output });
    expect(code).toBe(0);
    expect(out).toMatch(/2 accepted, 1 dropped/);
    const kb = loadKnowledgeBase({ root });
    expect(kb.byId.get(`${DOC}-session`)?.status).toBe('reviewed');
    expect(kb.byId.get('ana-lopez')?.title).toBe('Ms. Ana López');
    const session = kb.byId.get(`${DOC}-session`);
    expect(session?.kind === 'session' && session.speakers).not.toContain('felipe-morales');
    expect([...kb.records, ...(kb.drafts ?? [])].some((r) => r.id === 'felipe-morales')).toBe(false);
    expect(kb.drafts?.map((r) => r.id)).toContain('amina-yusuf');
  });
});
