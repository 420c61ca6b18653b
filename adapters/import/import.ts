// `rights import <file.csv|.json|.yaml> --map <mapping.yaml> [--out <file>]`: bulk recommendations
// (a UPR recommendations export, say) as `status: draft` records, from a mapping of columns to fields.
// All or nothing: any bad row and nothing is written; every problem is listed by row and column.
// The mapping format is documented in docs/records.md ("Importing recommendations").
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { stringify } from 'yaml';
import { loadKnowledgeBase, RecordsError, type KnowledgeBase } from '../../src/records/load.js';
import { recommendationSchema } from '../../src/records/schema.js';
import { truncate } from '../../src/search/present.js';
import { slugify } from '../authoring/split.js';
import { FIELDS, ImportFailure, columnsOf, readMapping, readRows, resolveField, type Field, type FieldSpec } from './rows.js';

export { mappingSchema, type Mapping } from './rows.js';

export interface ImportOptions {
  root: string;
  input: string;
  mapping: string;
  out?: string;
}

export interface ImportResult {
  ok: boolean;
  /** Every problem, one line each (`examples/upr.csv: row 4, column "Recommendation": empty text`). */
  problems: string[];
  /** Files written, relative to the root (empty unless ok). */
  written: string[];
  records: number;
}

const display = (root: string, path: string) => {
  const rel = relative(root, path);
  return (rel.startsWith('..') || isAbsolute(rel) ? path : rel).split(sep).join('/');
};

/** The CLI entry: `rights import` arguments (after the command word). */
export async function runImport(args: string[], io: { out: (t: string) => void; err: (t: string) => void }, root: string): Promise<number> {
  const rest = [...args];
  const take = (name: string): string | undefined => {
    const i = rest.indexOf(name);
    if (i === -1) return undefined;
    const value = rest[i + 1];
    rest.splice(i, 2);
    return value;
  };
  const mapping = take('--map');
  const out = take('--out');
  if (rest.length !== 1 || !mapping || rest[0]?.startsWith('--')) {
    io.err('rights: import takes a file and --map <mapping.yaml>: rights import <file.csv|.json|.yaml> --map <mapping.yaml> [--out <file>]');
    return 2;
  }
  const result = importRecommendations({ root, input: resolve(rest[0] ?? ''), mapping: resolve(mapping), out: out === undefined ? undefined : resolve(out) });
  if (!result.ok) {
    io.err(`[import] ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}; nothing written:\n${result.problems.join('\n')}`);
    return 1;
  }
  io.out(`imported ${result.records} draft record${result.records === 1 ? '' : 's'} → ${result.written.join(', ')} (review them, then remove "status: draft"; rights check validates them)`);
  return 0;
}

export function importRecommendations(options: ImportOptions): ImportResult {
  try {
    return { ok: true, problems: [], ...run(options) };
  } catch (error) {
    if (error instanceof ImportFailure) return { ok: false, problems: error.problems, written: [], records: 0 };
    throw error;
  }
}

function run({ root, input, mapping: mappingPath, out }: ImportOptions): { written: string[]; records: number } {
  const mapFile = display(root, mappingPath);
  const inFile = display(root, input);
  const mapping = readMapping(mappingPath, mapFile);
  const name = mapping.name ?? slugify(basename(mappingPath).replace(/\.ya?ml$/i, ''), 100);
  const outPath = out ?? join(root, 'seeds', 'imports', `${name}.yaml`);
  const outFile = display(root, outPath);
  const { header, rows } = readRows(input, inFile);

  const problems: string[] = [];
  const at = (row: number, column: string | undefined, message: string) => problems.push(`${inFile}: row ${row}${column ? `, column "${column}"` : ''}: ${message}`);

  // Columns the mapping names must exist (a typo would otherwise make every row "empty").
  if (header) {
    for (const [field, spec] of Object.entries(mapping.columns) as [Field, FieldSpec][]) {
      for (const column of columnsOf(spec)) {
        if (!header.includes(column)) problems.push(`${mapFile}: columns.${field}: no column "${column}" in ${inFile} (columns: ${header.map((h) => `"${h}"`).join(', ')})`);
      }
    }
    if (problems.length > 0) throw new ImportFailure(problems);
  }

  let kb: KnowledgeBase;
  try {
    kb = loadKnowledgeBase({ root });
  } catch (error) {
    if (error instanceof RecordsError) throw new ImportFailure([`the project's records have problems; fix them first (rights check):`, ...error.message.split('\n')]);
    throw error;
  }
  const all = [...kb.records, ...(kb.drafts ?? [])];
  /** Records of a previous run of this import are replaced, not duplicates. */
  const ours = (id: string) => kb.locations.get(id)?.file === outFile;
  const existing = new Map(all.filter((r) => !ours(r.id)).map((r) => [r.id, r] as const));
  const themes = new Set(kb.taxonomy.themes.map((t) => t.id));
  const groups = new Set(kb.taxonomy.groups.map((t) => t.id));
  const addressees = new Set(kb.taxonomy.addressees.map((t) => t.id));

  // The source document and the session: existing ones, or created with the import.
  const documentId = typeof mapping.document === 'string' ? mapping.document : mapping.document.id;
  const documentPath = join(root, 'data', 'sources', `${documentId}.txt`);
  if (typeof mapping.document === 'string') {
    if (!kb.documents.has(documentId)) problems.push(`${mapFile}: document: unknown source document "${documentId}" (files in data/sources/; or use document: { id, create: { title, … } })`);
  } else if (existsSync(documentPath) && !/^---\n[\s\S]*?\nimported_from:/.test(readFileSync(documentPath, 'utf8'))) {
    problems.push(`${mapFile}: document: data/sources/${documentId}.txt already exists and was not made by rights import (cite it with document: ${documentId})`);
  }
  const sessionId = typeof mapping.session === 'string' ? mapping.session : mapping.session.id;
  if (typeof mapping.session === 'string') {
    const session = existing.get(sessionId);
    if (!session) problems.push(`${mapFile}: session: unknown session "${sessionId}" (or use session: { id, create: { title, date, place } })`);
    else if (session.kind !== 'session') problems.push(`${mapFile}: session: "${sessionId}" is a ${session.kind}, expected a session`);
  } else if (existing.has(sessionId)) {
    problems.push(`${mapFile}: session: "${sessionId}" already exists (use session: ${sessionId})`);
  }

  const records: Record<string, unknown>[] = [];
  const seen = new Map<string, number>();
  const body: string[] = [];
  for (const { row, values } of rows) {
    if (Object.values(values).every((v) => v === undefined || v === null || String(v).trim() === '')) continue;
    const got = {} as Partial<Record<Field, string | string[]>>;
    const columnOf = {} as Partial<Record<Field, string>>;
    for (const field of FIELDS) {
      const spec = mapping.columns[field];
      if (!spec) continue;
      const column = columnsOf(spec)[0];
      if (column) columnOf[field] = column;
      const value = resolveField(field, spec, row, values, (message) => at(row, column, message));
      if (value !== undefined) got[field] = value;
    }
    const str = (field: Field) => (typeof got[field] === 'string' ? (got[field] as string) : undefined);
    const list = (field: Field) => (Array.isArray(got[field]) ? (got[field] as string[]) : typeof got[field] === 'string' ? [got[field] as string] : undefined);
    const text = str('text');
    if (!text) {
      at(row, columnOf.text, 'empty text');
      continue;
    }
    const id = slugify(str('id') ?? `${name}-${row}`, 100);
    const title = str('title') ?? truncate(text, 80);
    const record: Record<string, unknown> = {
      id,
      kind: 'recommendation',
      status: 'draft',
      title,
      text,
      ...(str('quote') ? { quote: str('quote') } : {}),
      themes: list('themes') ?? [],
      ...(list('affected')?.length ? { affected: list('affected') } : {}),
      by: { ...(list('speakers')?.length ? { speakers: list('speakers') } : {}), ...(str('by') ? { organization: str('by') } : {}) },
      session: sessionId,
      ...(list('addressed_to')?.length ? { addressed_to: list('addressed_to') } : {}),
      ...(str('type') ? { type: str('type') } : {}),
      ...(list('treaties')?.length ? { treaties: list('treaties') } : {}),
      source: { document: documentId, section: `Row ${row}`, paragraph: row, ...(str('note') ? { note: str('note') } : {}) },
    };
    const before = problems.length;
    const parsed = recommendationSchema.safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        const column = field === 'by' ? (columnOf.by ?? columnOf.speakers) : columnOf[field as Field];
        const message = issue.message.endsWith('received undefined') ? 'is required' : issue.message;
        at(row, column, `${issue.path.join('.') || 'record'}: ${field === 'themes' && (record.themes as string[]).length === 0 ? 'no themes' : message}`);
      }
    }
    for (const t of list('themes') ?? []) if (!themes.has(t)) at(row, columnOf.themes, `unknown theme "${t}" (see seeds/themes.yaml, or map it in columns.themes.map)`);
    for (const g of list('affected') ?? []) if (!groups.has(g)) at(row, columnOf.affected, `unknown group "${g}" (see seeds/themes.yaml)`);
    for (const a of list('addressed_to') ?? []) if (!addressees.has(a)) at(row, columnOf.addressed_to, `unknown addressee "${a}" (see seeds/themes.yaml)`);
    for (const t of list('treaties') ?? []) if (existing.get(t)?.kind !== 'treaty') at(row, columnOf.treaties, `unknown treaty "${t}"`);
    for (const s of list('speakers') ?? []) if (existing.get(s)?.kind !== 'speaker') at(row, columnOf.speakers, `unknown speaker "${s}"`);
    if (existing.has(id)) at(row, columnOf.id, `id "${id}" is already used (${kb.locations.get(id)?.file ?? 'seeds/'})`);
    else if (seen.has(id)) at(row, columnOf.id, `id "${id}" is also the id of row ${seen.get(id)}`);
    seen.set(id, row);
    if (problems.length > before) continue;
    records.push(record);
    body.push(`Row ${row}`, '', text, ...(record.quote && record.quote !== text ? ['', record.quote as string] : []), '');
  }
  if (rows.length === 0) problems.push(`${inFile}: no rows to import`);
  if (problems.length > 0) throw new ImportFailure(problems);

  const output: Record<string, unknown>[] = [];
  if (typeof mapping.session !== 'string') {
    const { title, date, place, text } = mapping.session.create;
    output.push({
      id: sessionId,
      kind: 'session',
      status: 'draft',
      title,
      text: text ?? `${title}${place ? `, ${place}` : ''}.`,
      themes: [...new Set(records.flatMap((r) => r.themes as string[]))],
      source: { document: documentId, section: 'Header' },
      date,
      ...(place ? { venue: place } : {}),
    });
  }
  output.push(...records);

  // Write, then check the whole project with the new files; undo everything if the check fails.
  const files: { path: string; content: string }[] = [];
  if (typeof mapping.document !== 'string') {
    const { create } = mapping.document;
    const meta = { id: documentId, ...create, imported_from: basename(input) };
    files.push({ path: documentPath, content: `---\n${stringify(meta, { lineWidth: 0 }).trimEnd()}\n---\n\n${create.title}\n\n${body.join('\n')}` });
  }
  const note = `# Imported by \`rights import ${basename(input)} --map ${basename(mappingPath)}\`: drafts, not shown in answers.\n# Review each record (text in our own words, title, themes), then remove "status: draft".\n`;
  files.push({ path: outPath, content: note + stringify(output, { lineWidth: 0 }) });
  const backups = files.map(({ path }) => ({ path, before: existsSync(path) ? readFileSync(path, 'utf8') : undefined }));
  const undo = () => {
    for (const { path, before } of backups) {
      if (before === undefined) rmSync(path, { force: true });
      else writeFileSync(path, before);
    }
  };
  try {
    for (const { path, content } of files) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    }
    loadKnowledgeBase({ root });
  } catch (error) {
    undo();
    if (error instanceof RecordsError) throw new ImportFailure(['the imported records do not pass rights check:', ...error.message.split('\n')]);
    throw error;
  }
  return { written: files.map((f) => display(root, f.path)), records: records.length };
}
