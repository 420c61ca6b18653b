import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { quoteHolds } from '../../src/records/references.js';
import { loadKnowledgeBase } from '../../src/records/load.js';
import { sentences, splitDocument } from '../../adapters/authoring/split.js';
import { isRecommending, titleFrom } from '../../adapters/authoring/recommendations.js';
import { answerIds, copyProject, DOC, META, REPORT, rights } from './project.js';

interface Drafted {
  document: string;
  records: ({ id: string; kind: string; title: string; status: string; quote?: string; name?: string; treaties?: string[]; by?: { speakers?: string[]; organization?: string } } & Record<string, unknown>)[];
}

describe('rights draft', () => {
  let root: string;
  let drafted: Drafted;
  beforeAll(async () => {
    root = copyProject();
    const result = await rights(root, 'draft', '--json', REPORT, ...META);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    drafted = JSON.parse(result.out) as Drafted;
  });

  it('prints one JSON object: the document id and its draft records', () => {
    expect(drafted.document).toBe(DOC);
    expect(drafted.records.length).toBeGreaterThan(5);
    for (const r of drafted.records) {
      expect(r).toMatchObject({ id: expect.any(String), kind: expect.any(String), title: expect.any(String), status: 'draft' });
      expect((r.source as { document: string }).document).toBe(DOC);
    }
    expect(drafted.records.filter((r) => r.kind === 'session')).toHaveLength(1);
  });

  it('registers the document with a header and writes the seeds folder', () => {
    const source = readFileSync(join(root, 'data', 'sources', `${DOC}.txt`), 'utf8');
    expect(source).toMatch(/^---\nid: regional-dialogue-on-migrant-workers-rights\ntitle: "Regional Dialogue on Migrant Workers' Rights"\n/);
    expect(source).toContain('place: Quito');
    for (const f of ['sessions.yaml', 'speakers.yaml', 'recommendations.yaml']) expect(existsSync(join(root, 'seeds', DOC, f))).toBe(true);
  });

  it('proposes the speakers named with a role, in every form', () => {
    const speakers = drafted.records.filter((r) => r.kind === 'speaker');
    expect(speakers.map((s) => s.name).sort()).toEqual(['Amina Yusuf', 'Ana López', 'Carlos Mendoza', 'Felipe Morales']);
    const lopez = speakers.find((s) => s.name === 'Ana López');
    expect(lopez).toMatchObject({ role: 'Director of the Andean Migrant Rights Centre', aliases: expect.arrayContaining(['Ms. López']) });
    expect(speakers.find((s) => s.name === 'Felipe Morales')?.role).toBe('Special Rapporteur on the human rights of migrants');
    expect(speakers.find((s) => s.name === 'Carlos Mendoza')).toMatchObject({ role: 'Deputy Minister of Labour', organization: 'Ecuador' });
  });

  it('proposes recommendations from the recommending sentences only (en, es, fr), linking the treaty', () => {
    const recs = drafted.records.filter((r) => r.kind === 'recommendation');
    expect(recs.map((r) => r.quote)).toEqual([
      'Dr. Yusuf said that States should ratify the Migrant Workers Convention without delay.',
      'The meeting urged national human rights institutions to monitor immigration detention and to report on alternatives to detention.',
      'Los participantes afirmaron que los Estados deberían garantizar el acceso a la justicia de todos los trabajadores migrantes.',
      'Les participants ont rappelé que les États doivent protéger les enfants migrants non accompagnés.',
    ]);
    const ratify = recs[0];
    expect(ratify).toMatchObject({ title: 'Ratify the Migrant Workers Convention without delay', treaties: ['icrmw'], by: { speakers: ['amina-yusuf'] } });
    expect(recs[1]?.by).toEqual({ organization: expect.stringContaining('Participants of') });
    expect(recs[1]?.themes).toContain('detention');
    expect(recs[2]?.themes).toContain('access-to-justice');
    expect(recs[3]?.themes).toContain('children');
  });

  it('quotes the document verbatim, citing section and paragraph', () => {
    const text = readFileSync(REPORT, 'utf8');
    for (const r of drafted.records) {
      expect(r.quote, r.id).toBeDefined();
      expect(text.includes(r.quote ?? '') || quoteHolds(r.quote ?? '', text), r.id).toBe(true);
    }
    const ratify = drafted.records.find((r) => r.treaties?.includes('icrmw'));
    expect(ratify?.source).toEqual({ document: DOC, section: 'III. DISCUSSION AND RECOMMENDATIONS', paragraph: 3 });
  });

  it('passes rights check, with the drafts counted but kept out of answers', async () => {
    const check = await rights(root, 'check');
    expect(check.code).toBe(0);
    expect(check.out).toMatch(/9 drafts awaiting review/);
    const kb = loadKnowledgeBase({ root });
    expect(kb.drafts?.map((r) => r.id)).toContain('amina-yusuf');
    expect(kb.byId.has('amina-yusuf')).toBe(false);
    expect(answerIds(root, 'Amina Yusuf')).not.toContain('amina-yusuf');
    expect(answerIds(root, 'recommendations Migrant Workers Convention ratify').some((id) => id.startsWith(DOC))).toBe(false);
  });

  it('refuses to overwrite the folder without --force', async () => {
    const again = await rights(root, 'draft', REPORT, ...META);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/already exists.*--force/);
    const forced = await rights(root, 'draft', REPORT, ...META, '--force');
    expect(forced.code).toBe(0);
    expect((await rights(root, 'check')).code).toBe(0);
  });

  it('reads a metadata header instead of flags, and honours --id and --out', async () => {
    const dir = copyProject();
    const file = join(dir, 'report.txt');
    writeFileSync(file, `---\ntitle: Quito dialogue\ndate: 2024-03-14\nplace: Quito\n---\n${readFileSync(REPORT, 'utf8')}`);
    const result = await rights(dir, 'draft', '--json', file, '--id', 'quito-2024', '--out', join(dir, 'seeds', 'quito'));
    expect(result.code).toBe(0);
    expect((JSON.parse(result.out) as Drafted).document).toBe('quito-2024');
    expect(existsSync(join(dir, 'data', 'sources', 'quito-2024.txt'))).toBe(true);
    expect(existsSync(join(dir, 'seeds', 'quito', 'recommendations.yaml'))).toBe(true);
    expect((await rights(dir, 'check')).code).toBe(0);
  });

  it('asks for a date when there is none', async () => {
    const result = await rights(copyProject(), 'draft', REPORT);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/date/);
  });
});

describe('splitting and recommending sentences', () => {
  it('splits Markdown, ALL-CAPS and numbered headings and numbered paragraphs', () => {
    const paragraphs = splitDocument('# Title\n\nIntro.\n\nSUMMARY\n\n4. First.\n\n2.1 Details of the day\n\nSecond.', 'Doc');
    expect(paragraphs.map((p) => [p.section, p.number])).toEqual([
      ['Title', 1],
      ['SUMMARY', 4],
      ['2.1 Details of the day', 1],
    ]);
  });

  it('does not end sentences at honorifics', () => {
    expect(sentences('Ms. López spoke. H.E. Dr. Ali replied.')).toEqual(['Ms. López spoke.', 'H.E. Dr. Ali replied.']);
  });

  it('recognises recommending force in three languages and titles the action', () => {
    expect(isRecommending('The meeting called on States to close detention centres.')).toBe(true);
    expect(isRecommending('Se recomienda crear cortafuegos.')).toBe(true);
    expect(isRecommending('Il recommande la régularisation.')).toBe(true);
    expect(isRecommending('The dialogue closed with a vote of thanks to the host city.')).toBe(false);
    expect(titleFrom('The meeting called on States to close detention centres for children.')).toBe('Close detention centres for children');
  });
});
