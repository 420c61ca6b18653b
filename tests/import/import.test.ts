import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../../adapters/cli/cli.js';
import { ROOT } from '../helpers.js';

/** A temporary copy of the project's seeds and sources. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rights-import-'));
  cpSync(join(ROOT, 'seeds'), join(dir, 'seeds'), { recursive: true });
  cpSync(join(ROOT, 'data', 'sources'), join(dir, 'data', 'sources'), { recursive: true });
  return dir;
}

async function rights(root: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }, root);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const EXAMPLE_CSV = join(ROOT, 'examples', 'upr-recommendations.csv');
const EXAMPLE_MAP = join(ROOT, 'examples', 'upr-mapping.yaml');

/** A mapping citing an existing document and session. */
const MAPPING = `
document: gfmd-2017
session: gfmd-2017-working-session
columns:
  id: { template: "test-import-{row}" }
  text: Text
  by: State
  addressed_to: { value: [states] }
  themes: { column: Issues, map: { Kids: children, Jail: detention, Other: null } }
  title: { column: Text, max: 40 }
`;

describe('rights import', () => {
  it('imports the committed UPR example as drafts that pass rights check and stay out of answers', async () => {
    const root = project();
    const run = await rights(root, 'import', EXAMPLE_CSV, '--map', EXAMPLE_MAP);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const records = parse(readFileSync(join(root, 'seeds', 'imports', 'upr-mapping.yaml'), 'utf8')) as Record<string, any>[];
    const recs = records.filter((r) => r.kind === 'recommendation');
    expect(recs).toHaveLength(4);
    expect(records.every((r) => r.status === 'draft')).toBe(true);
    expect(recs[2]).toMatchObject({
      id: 'upr-examplestan-3',
      by: { organization: 'Ireland' },
      addressed_to: ['states'],
      themes: ['health', 'education'],
      source: { document: 'upr-examplestan-2023', section: 'Row 3', paragraph: 3 },
    });
    expect(recs[2]?.text).toContain('"firewall"');
    expect(recs[0]?.title.length).toBeLessThanOrEqual(80);
    expect(recs[3]?.text).toContain('Families and bring'); // the line break inside quotes
    const check = await rights(root, 'check');
    expect(check.code).toBe(0);
    expect(Number(/(\d+) drafts? awaiting review/.exec(check.out)?.[1])).toBeGreaterThanOrEqual(5);
    // Drafts are not shown in answers.
    expect((await rights(root, 'show', 'upr-examplestan-3')).code).toBe(2);
    const ask = await rights(root, '--json', 'ask', 'firewall', 'hospitals', 'schools');
    expect(ask.out).not.toContain('upr-examplestan');
    // Importing again replaces the previous import.
    expect((await rights(root, 'import', EXAMPLE_CSV, '--map', EXAMPLE_MAP)).code).toBe(0);
    expect((await rights(root, 'check')).code).toBe(0);
  });

  it('reports every bad row and column and writes nothing', async () => {
    const root = project();
    const csv = join(root, 'bad.csv');
    writeFileSync(csv, 'Text,State,Issues\r\nGood one,Chile,Kids\r\n"",Peru,Kids\r\nNo theme,Peru,Other\r\nThird,Peru,Sports; Jail\r\n');
    const map = join(root, 'bad.yaml');
    writeFileSync(map, MAPPING);
    const run = await rights(root, 'import', csv, '--map', map);
    expect(run.code).toBe(1);
    expect(run.err).toContain('bad.csv: row 2, column "Text": empty text');
    expect(run.err).toMatch(/bad\.csv: row 3, column "Issues": themes: no themes/);
    expect(run.err).toContain('bad.csv: row 4, column "Issues": unmapped value "Sports"');
    expect(run.err).not.toContain('row 1,');
    expect(run.err).toMatch(/3 problems; nothing written/);
    expect(existsSync(join(root, 'seeds', 'imports'))).toBe(false);
  });

  it('creates no source document when a row is bad', async () => {
    const root = project();
    const csv = join(root, 'upr.csv');
    writeFileSync(csv, readFileSync(EXAMPLE_CSV, 'utf8').replace('Portugal,Examplestan', 'Portugal,Examplestan').replace('Children; Detention', 'Children; Borders'));
    const run = await rights(root, 'import', csv, '--map', EXAMPLE_MAP);
    expect(run.code).toBe(1);
    expect(run.err).toContain('upr.csv: row 1, column "Issues": unmapped value "Borders"');
    expect(existsSync(join(root, 'data', 'sources', 'upr-examplestan-2023.txt'))).toBe(false);
    expect(existsSync(join(root, 'seeds', 'imports'))).toBe(false);
  });

  it('reports a mapping naming a column the file lacks, and unknown documents and sessions', async () => {
    const root = project();
    const csv = join(root, 'rows.csv');
    writeFileSync(csv, 'Txt,State,Issues\nA,Chile,Kids\n');
    const map = join(root, 'm.yaml');
    writeFileSync(map, MAPPING);
    expect((await rights(root, 'import', csv, '--map', map)).err).toContain('columns.text: no column "Text"');
    writeFileSync(csv, 'Text,State,Issues\nA,Chile,Kids\n');
    writeFileSync(map, MAPPING.replace('document: gfmd-2017', 'document: nowhere').replace('session: gfmd-2017-working-session', 'session: nosuch'));
    const run = await rights(root, 'import', csv, '--map', map);
    expect(run.code).toBe(1);
    expect(run.err).toContain('unknown source document "nowhere"');
    expect(run.err).toContain('unknown session "nosuch"');
  });

  it('reads JSON and YAML inputs, and writes to --out', async () => {
    const root = project();
    const map = join(root, 'm.yaml');
    writeFileSync(map, MAPPING);
    const json = join(root, 'rows.json');
    writeFileSync(json, JSON.stringify([{ Text: 'Stop detaining children', State: 'Chile', Issues: 'Kids; Jail' }]));
    const out = join(root, 'seeds', 'imports', 'from-json.yaml');
    expect((await rights(root, 'import', json, '--map', map, '--out', out)).code).toBe(0);
    expect(parse(readFileSync(out, 'utf8'))[0]).toMatchObject({ id: 'test-import-1', themes: ['children', 'detention'], status: 'draft' });

    const yaml = join(root, 'rows.yaml');
    writeFileSync(yaml, '- { Text: Protect migrant children, State: Peru, Issues: [Kids] }\n- { Text: Free detainees, State: Peru, Issues: Jail }\n');
    writeFileSync(map, MAPPING.replace('test-import-{row}', 'yaml-import-{row}'));
    const run = await rights(root, 'import', yaml, '--map', map, '--out', join(root, 'seeds', 'imports', 'from-yaml.yaml'));
    expect(run.err).toBe('');
    const records = parse(readFileSync(join(root, 'seeds', 'imports', 'from-yaml.yaml'), 'utf8'));
    expect(records.map((r: { id: string }) => r.id)).toEqual(['yaml-import-1', 'yaml-import-2']);
    expect((await rights(root, 'check')).code).toBe(0);
  });

  it('refuses ids that already exist, within the file or in seeds/', async () => {
    const root = project();
    const map = join(root, 'm.yaml');
    writeFileSync(map, MAPPING.replace('{ template: "test-import-{row}" }', '{ value: gfmd-2017-firewalls-public-services }'));
    const csv = join(root, 'rows.csv');
    writeFileSync(csv, 'Text,State,Issues\nA,Chile,Kids\n');
    const run = await rights(root, 'import', csv, '--map', map);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/row 1: id "gfmd-2017-firewalls-public-services" is already used/);
  });
});
