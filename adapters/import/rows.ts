// How an import reads its inputs: the mapping file (columns → record fields), the rows of a CSV, JSON or
// YAML file, and the value of one field of one row (a column split and mapped, a fixed value or a template).
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { isoDate } from '../../src/records/schema.js';
import { truncate } from '../../src/search/present.js';
import { CsvError, csvTable } from './csv.js';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lowercase slug like "upr-43"');
const mapValue = z.union([z.string(), z.array(z.string()), z.null()]);
const fieldSpec = z.union([
  z.string().min(1),
  z.strictObject({
    column: z.string().min(1).optional(),
    value: z.union([z.string(), z.array(z.string())]).optional(),
    template: z.string().min(1).optional(),
    map: z.record(z.string(), mapValue).optional(),
    split: z.string().min(1).optional(),
    max: z.number().int().min(10).optional(),
  }).refine((s) => [s.column, s.value, s.template].filter((v) => v !== undefined).length === 1, 'give exactly one of column, value or template'),
]);
export type FieldSpec = z.infer<typeof fieldSpec>;

export const FIELDS = ['id', 'title', 'text', 'quote', 'themes', 'affected', 'addressed_to', 'treaties', 'type', 'by', 'speakers', 'note'] as const;
export type Field = (typeof FIELDS)[number];
export const LIST_FIELDS = new Set<Field>(['themes', 'affected', 'addressed_to', 'treaties', 'speakers']);

export const mappingSchema = z.strictObject({
  /** Names the default output (seeds/imports/<name>.yaml) and the default ids (<name>-<row>); the file name when absent. */
  name: slug.optional(),
  document: z.union([
    slug,
    z.strictObject({
      id: slug,
      create: z.strictObject({ title: z.string().min(1), short_title: z.string().min(1).optional(), organizer: z.string().min(1).optional(), date: isoDate.optional(), place: z.string().min(1).optional() }),
    }),
  ]),
  session: z.union([
    slug,
    z.strictObject({
      id: slug,
      create: z.strictObject({ title: z.string().min(1), date: isoDate, place: z.string().min(1).optional(), text: z.string().min(1).optional() }),
    }),
  ]),
  columns: z.partialRecord(z.enum(FIELDS), fieldSpec),
});
export type Mapping = z.infer<typeof mappingSchema>;

export interface Row {
  row: number;
  values: Record<string, unknown>;
}

/** Problems that stop an import, one line each. */
export class ImportFailure extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

export function readMapping(path: string, file: string): Mapping {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ImportFailure([`${file}: ${(error as Error).message.split('\n')[0]}`]);
  }
  const parsed = mappingSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ImportFailure(parsed.error.issues.map((i) => `${file}: ${i.path.join('.') || 'mapping'}: ${i.code === 'unrecognized_keys' ? `unknown field "${i.keys.join('", "')}" (see docs/records.md)` : i.message}`));
  }
  return parsed.data;
}

/** Rows of a CSV (header row then data), JSON (an array of objects) or YAML (a list of maps) file. */
export function readRows(path: string, file: string): { header?: string[]; rows: Row[] } {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ImportFailure([`${file}: cannot read file: ${(error as Error).message}`]);
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') {
    try {
      const { header, rows } = csvTable(source);
      const problems: string[] = [];
      const out = rows.map((fields, i) => {
        if (fields.length > header.length && fields.some((f, j) => j >= header.length && f.trim() !== '')) problems.push(`${file}: row ${i + 1}: ${fields.length} fields, the header has ${header.length}`);
        return { row: i + 1, values: Object.fromEntries(header.map((h, j) => [h, fields[j] ?? ''])) };
      });
      if (problems.length > 0) throw new ImportFailure(problems);
      return { header, rows: out };
    } catch (error) {
      if (error instanceof CsvError) throw new ImportFailure([`${file}: line ${error.line}: ${error.message}`]);
      throw error;
    }
  }
  if (ext !== '.json' && ext !== '.yaml' && ext !== '.yml') throw new ImportFailure([`${file}: expected a .csv, .json, .yaml or .yml file`]);
  let data: unknown;
  try {
    data = ext === '.json' ? JSON.parse(source.replace(/^\uFEFF/, '')) : parseYaml(source);
  } catch (error) {
    throw new ImportFailure([`${file}: invalid ${ext === '.json' ? 'JSON' : 'YAML'}: ${(error as Error).message.split('\n')[0]}`]);
  }
  if (!Array.isArray(data)) throw new ImportFailure([`${file}: expected a list of rows (${ext === '.json' ? 'an array of objects' : 'a YAML list of maps'})`]);
  const problems: string[] = [];
  const rows = data.map((item: unknown, i) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) problems.push(`${file}: row ${i + 1}: expected an object of column: value`);
    return { row: i + 1, values: (item ?? {}) as Record<string, unknown> };
  });
  if (problems.length > 0) throw new ImportFailure(problems);
  return { rows };
}

export function columnsOf(spec: FieldSpec): string[] {
  if (typeof spec === 'string') return [spec];
  if (spec.column) return [spec.column];
  if (spec.template) return [...spec.template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '').filter((c) => c !== 'row');
  return [];
}

export function cell(value: unknown): string | string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter(Boolean);
  const s = String(value).replace(/\s+/g, ' ').trim();
  return s === '' ? undefined : s;
}

/** One field of one row, from its spec: a column (split and mapped), a fixed value or a template. */
export function resolveField(field: Field, spec: FieldSpec, row: number, values: Record<string, unknown>, problem: (message: string) => void): string | string[] | undefined {
  const s = typeof spec === 'string' ? { column: spec } : spec;
  const isList = LIST_FIELDS.has(field);
  if (s.value !== undefined) return isList ? [s.value].flat() : Array.isArray(s.value) ? s.value.join(', ') : s.value;
  let value: string | string[] | undefined;
  if (s.template !== undefined) {
    let missing = false;
    const filled = s.template.replace(/\{([^}]+)\}/g, (_, name: string) => {
      if (name === 'row') return String(row);
      const v = cell(values[name]);
      if (v === undefined) missing = true;
      return Array.isArray(v) ? v.join(', ') : (v ?? '');
    });
    if (missing && field === 'id') {
      problem(`id: empty value in the template "${s.template}"`);
      return undefined;
    }
    value = filled.replace(/\s+/g, ' ').trim() || undefined;
  } else {
    value = cell(values[s.column ?? '']);
  }
  if (value === undefined) return undefined;
  if (isList) {
    const parts = (Array.isArray(value) ? value : value.split(s.split ?? ';')).map((p) => p.trim()).filter(Boolean);
    const out: string[] = [];
    for (const part of parts) {
      if (!s.map) {
        out.push(part);
        continue;
      }
      const mapped = lookup(s.map, part);
      if (mapped === undefined) problem(`unmapped value "${part}" (add it to columns.${field}.map, or map it to null to leave it out)`);
      else if (mapped !== null) out.push(...[mapped].flat());
    }
    return [...new Set(out)];
  }
  let text = Array.isArray(value) ? value.join(', ') : value;
  if (s.map) {
    const mapped = lookup(s.map, text);
    if (mapped === undefined) {
      problem(`unmapped value "${text}" (add it to columns.${field}.map)`);
      return undefined;
    }
    if (mapped === null) return undefined;
    text = [mapped].flat().join(', ');
  }
  return s.max !== undefined ? truncate(text, s.max) : text;
}

/** A map entry by exact key, else ignoring case and spacing; undefined when absent. */
function lookup(map: Record<string, string | string[] | null>, key: string): string | string[] | null | undefined {
  if (key in map) return map[key];
  const norm = (k: string) => k.toLowerCase().replace(/\s+/g, ' ').trim();
  const found = Object.keys(map).find((k) => norm(k) === norm(key));
  return found === undefined ? undefined : map[found];
}
