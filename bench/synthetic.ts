// Synthetic corpora for the scale benchmark, generated from the real seeds' vocabulary: a word-bigram chain
// over the seed texts, text and title lengths and kind shares sampled from the seeds, taxonomy from seeds/themes.yaml.
// Deterministic for a given size and seed, so a build process and a query process see the same records.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { KnowledgeBase, SourceDocument } from '../src/records/load.js';
import { KINDS, SCHEMAS, lexiconSchema, taxonomySchema, type Kind, type LexiconEntry, type RightsRecord, type Taxonomy } from '../src/records/schema.js';

/** What the generator learns from the seeds. Read from the raw YAML, so half-finished seeds still work. */
export interface SeedVocabulary {
  taxonomy: Taxonomy;
  lexicon: LexiconEntry[];
  documents: string[];
  /** Word → words that follow it in the seed texts (repeated, so picks follow real frequencies). */
  next: Map<string, string[]>;
  starts: string[];
  textLengths: Record<Kind, number[]>;
  titleLengths: number[];
  kinds: Kind[];
  themes: string[];
  groups: string[];
  firstNames: string[];
  lastNames: string[];
  organizations: string[];
  places: { city: string; country: string }[];
  years: string[];
}

type Raw = Record<string, unknown>;

export function readSeedVocabulary(root: string): SeedVocabulary {
  const seeds = join(root, 'seeds');
  const taxonomy = taxonomySchema.parse(parse(readFileSync(join(seeds, 'themes.yaml'), 'utf8')));
  let lexicon: LexiconEntry[] = [];
  try {
    const parsed = lexiconSchema.safeParse(parse(readFileSync(join(seeds, 'lexicon.yaml'), 'utf8')));
    if (parsed.success) lexicon = parsed.data.entries;
  } catch {
    // no lexicon: Spanish and French expansion simply finds nothing
  }
  const raws: Raw[] = yamlFiles(seeds)
    .filter((f) => !/(^|\/)(themes|lexicon)\.yaml$/.test(f))
    .flatMap((f) => {
      const doc = parse(readFileSync(f, 'utf8')) as unknown;
      return Array.isArray(doc) ? (doc.filter((r) => r && typeof r === 'object' && KINDS.includes((r as Raw).kind as Kind)) as Raw[]) : [];
    });
  if (raws.length === 0) throw new Error(`[bench] no seed records under ${seeds}`);

  const v: SeedVocabulary = {
    taxonomy,
    lexicon,
    documents: listSources(join(root, 'data', 'sources')),
    next: new Map(),
    starts: [],
    textLengths: { session: [], treaty: [], recommendation: [], speaker: [], observance: [] },
    titleLengths: [],
    kinds: [],
    themes: [],
    groups: [],
    firstNames: [],
    lastNames: [],
    organizations: [],
    places: [],
    years: [],
  };
  for (const r of raws) {
    const kind = r.kind as Kind;
    v.kinds.push(kind);
    const text = str(r.text);
    v.textLengths[kind].push(text.split(/\s+/).filter(Boolean).length);
    v.titleLengths.push(str(r.title).split(/\s+/).filter(Boolean).length);
    for (const t of [text, str(r.title), str(r.quote), ...strs(r.objectives), ...strs(r.questions)]) learn(v, t);
    v.themes.push(...strs(r.themes));
    v.groups.push(...strs(r.affected));
    if (kind === 'speaker') {
      const parts = str(r.name).split(/\s+/).filter(Boolean);
      if (parts.length >= 2) {
        v.firstNames.push(parts.slice(0, -1).join(' '));
        v.lastNames.push(parts[parts.length - 1] ?? '');
      }
      if (r.organization) v.organizations.push(str(r.organization));
    }
    if (kind === 'session') {
      v.organizations.push(...strs(r.organizers));
      if (r.city && r.country) v.places.push({ city: str(r.city), country: str(r.country) });
      if (/^\d{4}/.test(str(r.date))) v.years.push(str(r.date).slice(0, 4)); // --MM-DD: year unknown
    }
  }
  const known = new Set(taxonomy.themes.map((t) => t.id));
  v.themes = v.themes.filter((t) => known.has(t));
  const groups = new Set(taxonomy.groups.map((g) => g.id));
  v.groups = v.groups.filter((g) => groups.has(g));
  if (v.themes.length === 0) v.themes = [...known];
  if (v.firstNames.length === 0) [v.firstNames, v.lastNames] = [['Ada'], ['Lovelace']];
  if (v.organizations.length === 0) v.organizations.push('IOM');
  if (v.places.length === 0) v.places.push({ city: 'Geneva', country: 'Switzerland' });
  if (v.years.length === 0) v.years.push('2006');
  if (v.documents.length === 0) v.documents.push('synthetic');
  return v;
}

/** A KnowledgeBase of `size` valid records, kinds in the seeds' proportions. Validated against the record schemas. */
export function syntheticKnowledgeBase(v: SeedVocabulary, size: number, seed = 1): KnowledgeBase {
  const rnd = mulberry32(seed * 1_000_003 + size);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const some = <T>(list: readonly T[], min: number, max: number): T[] => {
    const n = min + Math.floor(rnd() * (max - min + 1));
    return [...new Set(Array.from({ length: n }, () => pick(list)))];
  };
  const sentence = (words: number): string => {
    const out: string[] = [];
    let word = pick(v.starts);
    while (out.length < Math.max(1, words)) {
      out.push(word);
      const next = v.next.get(word);
      word = next && next.length > 0 ? pick(next) : pick(v.starts);
    }
    return out.join(' ');
  };
  const textOf = (kind: Kind) => sentence(pick(v.textLengths[kind].length > 0 ? v.textLengths[kind] : v.titleLengths.map((n) => n * 8)));
  const title = () => sentence(pick(v.titleLengths));
  const date = () => `${pick(v.years)}-${pad(1 + Math.floor(rnd() * 12))}-${pad(1 + Math.floor(rnd() * 28))}`;

  const kinds = Array.from({ length: size }, () => pick(v.kinds));
  // Every corpus has at least one session and one speaker for the references to point at.
  kinds[0] = 'session';
  if (size > 1) kinds[1] = 'speaker';
  const ids = kinds.map((k, i) => `syn-${k}-${i}`);
  const ofKind = (k: Kind) => ids.filter((_, i) => kinds[i] === k);
  const [sessions, speakers, treaties] = [ofKind('session'), ofKind('speaker'), ofKind('treaty')];
  const addressees = v.taxonomy.addressees.map((a) => a.id);

  const records: RightsRecord[] = kinds.map((kind, i) => {
    const base = {
      id: ids[i] ?? '',
      kind,
      title: title(),
      text: textOf(kind),
      themes: some(v.themes, 1, 5),
      ...(v.groups.length > 0 && rnd() < 0.7 ? { affected: some(v.groups, 1, 3) } : {}),
      source: { document: pick(v.documents), section: sentence(4), paragraph: 1 + Math.floor(rnd() * 40) },
    };
    switch (kind) {
      case 'session': {
        const place = pick(v.places);
        return { ...base, kind, date: date(), city: place.city, country: place.country, organizers: some(v.organizations, 1, 2), speakers: some(speakers, 0, 6) };
      }
      case 'speaker': {
        const name = `${pick(v.firstNames)} ${pick(v.lastNames)}`;
        return { ...base, kind, title: name, name, aliases: [name.split(' ').pop() ?? name], organization: pick(v.organizations), sessions: some(sessions, 1, 2) };
      }
      case 'recommendation':
        return {
          ...base,
          kind,
          by: { speakers: some(speakers, 1, 2), organization: pick(v.organizations) },
          session: pick(sessions),
          addressed_to: some(addressees, 1, 3),
          type: rnd() < 0.5 ? ('general' as const) : ('practical' as const),
          ...(treaties.length > 0 && rnd() < 0.2 ? { treaties: some(treaties, 1, 2) } : {}),
        };
      case 'treaty':
        return { ...base, kind, short_name: sentence(4), aliases: [], adopted: date(), body: pick(v.organizations), binding: rnd() < 0.8 };
      case 'observance':
        return { ...base, kind, date: `--${pad(1 + Math.floor(rnd() * 12))}-${pad(1 + Math.floor(rnd() * 28))}` };
    }
  });
  for (const record of records) {
    const checked = SCHEMAS[record.kind].safeParse(record);
    if (!checked.success) throw new Error(`[bench] synthetic ${record.kind} ${record.id} is invalid: ${checked.error.issues[0]?.message}`);
  }
  const documents = new Map<string, SourceDocument>(v.documents.map((id) => [id, { id, title: id, file: `data/sources/${id}.txt` }]));
  return {
    records,
    byId: new Map(records.map((r) => [r.id, r] as const)),
    taxonomy: v.taxonomy,
    lexicon: v.lexicon,
    documents,
    authorities: new Map(),
    locations: new Map(),
    hash: syntheticHash(size, seed),
  };
}

/** The stand-in for the seeds' content hash that a synthetic corpus's prebuilt index is saved under. */
export function syntheticHash(size: number, seed = 1): string {
  return `synthetic-${size}-${seed}`;
}

function learn(v: SeedVocabulary, text: string): void {
  const words = text.split(/\s+/).filter(Boolean);
  if (words[0]) v.starts.push(words[0]);
  for (let i = 0; i + 1 < words.length; i++) {
    const w = words[i] ?? '';
    const list = v.next.get(w) ?? [];
    list.push(words[i + 1] ?? '');
    v.next.set(w, list);
  }
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? yamlFiles(path) : /\.ya?ml$/.test(name) ? [path] : [];
    });
}

function listSources(dir: string): string[] {
  try {
    return readdirSync(dir).filter((n) => n.endsWith('.txt')).map((n) => n.slice(0, -4)).sort();
  } catch {
    return [];
  }
}

const str = (value: unknown): string => (typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value));
const strs = (value: unknown): string[] => (Array.isArray(value) ? value.map(str) : value === undefined ? [] : [str(value)]);
const pad = (n: number) => String(n).padStart(2, '0');

/** Small seeded PRNG (mulberry32): same size and seed, same corpus. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
