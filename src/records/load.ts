// Loads seeds/**/*.yaml and data/sources/*.txt into a validated KnowledgeBase.
// Every problem names its file, line and field: `seeds/x.yaml:42: recommendation "y": by: unknown speaker "z"`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { LineCounter, parseDocument, isMap, isSeq, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { KINDS, SCHEMAS, authoritiesSchema, taxonomySchema, type Authority, type Kind, type LexiconEntry, type RightsRecord, type Taxonomy } from './schema.js';
import { loadLexicon } from './lexicon.js';
import { checkReferences } from './references.js';
import { listYamlFiles, seedsHash } from './files.js';
import { RecordsError, type Problem } from './errors.js';

export { RecordsError, formatProblem, type Problem } from './errors.js';

/** A metadata header of a source document in data/sources/. */
export interface SourceDocument {
  id: string;
  title: string;
  /** A short name for compact source lines ("UNITAR 2006 workshop report"); the title when absent. */
  short?: string;
  organizer?: string;
  date?: string;
  place?: string;
  file: string;
}

/** Where a record was defined, for error messages. */
export interface RecordLocation {
  file: string;
  line: number;
  /** Line of a field of the record (e.g. ['by', 'speakers']); the record's line when absent. */
  fieldLine(path: readonly (string | number)[]): number;
}

export interface KnowledgeBase {
  /** The records answers are made from: curated and reviewed ones (drafts are in `drafts`). */
  records: RightsRecord[];
  /** Records marked `status: draft`: validated like the others, never indexed or shown until reviewed. */
  drafts?: RightsRecord[];
  byId: Map<string, RightsRecord>;
  taxonomy: Taxonomy;
  /** Spanish and French search terms (seeds/lexicon.yaml); empty when the file is absent. */
  lexicon: LexiconEntry[];
  documents: Map<string, SourceDocument>;
  /** External authorities (seeds/authorities.yaml) that records cite beside the meeting documents. */
  authorities: Map<string, Authority>;
  locations: Map<string, RecordLocation>;
  /** Content hash of seeds and sources: the prebuilt index is reused only when it matches. */
  hash: string;
}

export interface LoadOptions {
  /** Project root; file names in messages are relative to it. */
  root: string;
  seedsDir?: string;
  sourcesDir?: string;
}

const VOCABULARY_FILES = new Set(['themes.yaml', 'lexicon.yaml', 'authorities.yaml']);

export function loadKnowledgeBase(options: LoadOptions): KnowledgeBase {
  const seedsDir = options.seedsDir ?? join(options.root, 'seeds');
  const sourcesDir = options.sourcesDir ?? join(options.root, 'data', 'sources');
  const display = (path: string) => relative(options.root, path).split(sep).join('/');
  const problems: Problem[] = [];

  const taxonomyPath = join(seedsDir, 'themes.yaml');
  const taxonomyDoc = readYaml(taxonomyPath, display, problems);
  let taxonomy: Taxonomy = { themes: [], groups: [], addressees: [] };
  if (taxonomyDoc) {
    const parsed = taxonomySchema.safeParse(taxonomyDoc.doc.toJS());
    if (parsed.success) taxonomy = parsed.data;
    else problems.push(...issueProblems(parsed.error.issues, { file: display(taxonomyPath), ...taxonomyDoc, label: 'themes' }));
  }

  const authorities = new Map<string, Authority>();
  const authoritiesPath = join(seedsDir, 'authorities.yaml');
  const authoritiesDoc = existsSync(authoritiesPath) ? readYaml(authoritiesPath, display, problems) : undefined;
  if (authoritiesDoc) {
    const parsed = authoritiesSchema.safeParse(authoritiesDoc.doc.toJS());
    if (parsed.success) for (const a of parsed.data.authorities) authorities.set(a.id, a);
    else problems.push(...issueProblems(parsed.error.issues, { file: display(authoritiesPath), ...authoritiesDoc, label: 'authorities' }));
  }

  const texts = new Map<string, string>();
  const documents = loadSources(sourcesDir, display, texts);
  const records: RightsRecord[] = [];
  /** Ids of records rejected above: references to them are not reported twice. */
  const rejected = new Set<string>();
  const locations = new Map<string, RecordLocation>();
  for (const path of listYamlFiles(seedsDir)) {
    if (path === taxonomyPath || VOCABULARY_FILES.has(path.slice(seedsDir.length + 1))) continue;
    const loaded = readYaml(path, display, problems);
    if (!loaded) continue;
    const file = display(path);
    const { doc, lines } = loaded;
    if (doc.contents === null) continue;
    if (!isSeq(doc.contents)) {
      problems.push({ file, line: 1, message: 'expected a YAML list of records (each item starting with "- id: ...")' });
      continue;
    }
    const items = doc.toJS() as unknown[];
    items.forEach((raw, index) => {
      const line = lineOf(doc, lines, [index]);
      const label = describe(raw);
      const kind = (raw as { kind?: unknown } | null)?.kind;
      const rawId = (raw as { id?: unknown } | null)?.id;
      if (typeof rawId === 'string') rejected.add(rawId);
      if (!KINDS.includes(kind as Kind)) {
        const field = (raw as object | null) && 'kind' in (raw as object) ? ['kind'] : [];
        problems.push({ file, line: lineOf(doc, lines, [index, ...field]), message: `${label}: kind: must be one of ${KINDS.join(', ')}` });
        return;
      }
      const parsed = SCHEMAS[kind as Kind].safeParse(raw);
      if (!parsed.success) {
        problems.push(...issueProblems(parsed.error.issues, { file, doc, lines, label, base: [index] }));
        return;
      }
      const record = parsed.data as RightsRecord;
      const previous = locations.get(record.id);
      if (previous) {
        problems.push({ file, line, message: `${label}: id: duplicate id, first defined at ${previous.file}:${previous.line}` });
        return;
      }
      rejected.delete(record.id);
      locations.set(record.id, { file, line, fieldLine: (path) => lineOf(doc, lines, [index, ...path]) });
      records.push(record);
    });
  }

  const byId = new Map(records.map((r) => [r.id, r] as const));
  problems.push(...checkReferences({ records, byId, taxonomy, documents, texts, authorities, locations, rejected }));
  const lexiconPath = join(seedsDir, 'lexicon.yaml');
  const lexicon = existsSync(lexiconPath) ? loadLexicon(readYaml(lexiconPath, display, problems), display(lexiconPath), { byId, taxonomy }, problems) : [];
  if (problems.length > 0) throw new RecordsError(problems);
  // Drafts are checked with everything else (their references must resolve) but kept out of answers.
  const published = records.filter((r) => r.status !== 'draft');
  const drafts = records.filter((r) => r.status === 'draft');
  return { records: published, drafts, byId: new Map(published.map((r) => [r.id, r] as const)), taxonomy, lexicon, documents, authorities, locations, hash: seedsHash(options) };
}

function describe(raw: unknown): string {
  const r = (raw ?? {}) as { kind?: unknown; id?: unknown };
  const kind = typeof r.kind === 'string' ? r.kind : 'record';
  return typeof r.id === 'string' ? `${kind} "${r.id}"` : `${kind} (no id)`;
}

export function readYaml(path: string, display: (p: string) => string, problems: Problem[]) {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    problems.push({ file: display(path), line: 1, message: `cannot read file: ${(error as Error).message}` });
    return undefined;
  }
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const line = error.linePos?.[0].line ?? 1;
      problems.push({ file: display(path), line, message: `invalid YAML: ${error.message.split('\n')[0]}` });
    }
    return undefined;
  }
  return { doc, lines };
}

/** Where a schema problem is: the file, its parsed YAML, a label for messages and the path to the value checked. */
export interface IssueContext {
  file: string;
  doc: Document;
  lines: LineCounter;
  label: string;
  base?: (string | number)[];
}

/** Schema issues as located problems, in the words curators understand ("is required", "unknown field"). */
export function issueProblems(issues: readonly z.core.$ZodIssue[], { file, doc, lines, label, base = [] }: IssueContext): Problem[] {
  return issues.map((issue) => {
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
    const field = path.join('.') || 'record';
    const message =
      issue.code === 'unrecognized_keys'
        ? 'unknown field (see docs/records.md)'
        : issue.message.endsWith('received undefined')
          ? 'is required'
          : issue.message;
    return { file, line: lineOf(doc, lines, [...base, ...path]), message: `${label}: ${field}: ${message}` };
  });
}

/** Line of the deepest node on `path` that exists (a missing field points at its record). */
export function lineOf(doc: Document, lines: LineCounter, path: readonly PropertyKey[]): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const keys = path.slice(0, depth) as (string | number)[];
    const node = depth === 0 ? doc.contents : (doc.getIn(keys, true) as Node | undefined);
    let offset = node && typeof node === 'object' && 'range' in node ? node.range?.[0] : undefined;
    // For a map field, point at its key rather than its value.
    if (depth > 0 && offset !== undefined) {
      const parent = depth === 1 ? doc.contents : doc.getIn(keys.slice(0, -1), true);
      if (isMap(parent)) {
        const pair = parent.items.find((p) => (p.key as { value?: unknown } | null)?.value === keys[keys.length - 1]);
        const keyRange = (pair?.key as Node | undefined)?.range;
        if (keyRange) offset = keyRange[0];
      }
    }
    if (offset !== undefined) return lines.linePos(offset).line;
  }
  return 1;
}

/** The source documents' headers; their texts go into `texts`, for checking quotes (not kept in the snapshot). */
function loadSources(dir: string, display: (p: string) => string, texts: Map<string, string>): Map<string, SourceDocument> {
  const documents = new Map<string, SourceDocument>();
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.txt')).sort();
  } catch {
    return documents;
  }
  for (const name of names) {
    const path = join(dir, name);
    const text = readFileSync(path, 'utf8');
    const header = /^---\n([\s\S]*?)\n---\n/.exec(text);
    const meta = (header ? parseDocument(header[1] ?? '').toJS() : {}) as Record<string, string>;
    const id = name.replace(/\.txt$/, '');
    documents.set(id, { id, title: meta.title ?? id, short: meta.short_title, organizer: meta.organizer, date: meta.date, place: meta.place, file: display(path) });
    texts.set(id, header ? text.slice(header[0].length) : text);
  }
  return documents;
}
