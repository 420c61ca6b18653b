// `rights draft <file>`: registers a meeting report under data/sources/ and proposes draft records for it
// (the session, its speakers, recommendation candidates, linked treaties, themes) in seeds/<id>/.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { Document } from 'yaml';
import { loadKnowledgeBase } from '../../src/records/load.js';
import { RecordsError } from '../../src/records/errors.js';
import { findPeople, mentions, type Person } from './people.js';
import { isRecommending, themesFor, titleFrom, treatiesIn, vocabularyIn, type TreatyNames } from './recommendations.js';
import { formatHeader, sentences, slugify, splitDocument, splitHeader, type DocumentMeta } from './split.js';

export interface AuthoringIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export interface DraftOptions {
  json: boolean;
  io: AuthoringIo;
  root: string;
  cwd?: string;
}

/** A proposed record, fields in the order they are written. */
export type DraftRecord = Record<string, unknown> & { id: string; kind: string; title: string };

const FALLBACK_THEME = 'governance-cooperation';
const ISO = /^(\d{4}(-\d{2}(-\d{2})?)?|--\d{2}-\d{2})$/;

export class DraftError extends Error {}

function takeOption(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i === -1) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new DraftError(`${name} needs a value`);
  args.splice(i, 2);
  return value;
}

export async function runDraft(argv: string[], { json, io, root, cwd = process.cwd() }: DraftOptions): Promise<number> {
  try {
    const args = [...argv];
    const flags: DocumentMeta = {};
    for (const key of ['id', 'title', 'date', 'place', 'organizer', 'short-title'] as const) {
      const value = takeOption(args, `--${key}`);
      if (value !== undefined) flags[key === 'short-title' ? 'short_title' : key] = value;
    }
    const out = takeOption(args, '--out');
    const force = args.includes('--force');
    const files = args.filter((a) => a !== '--force');
    if (files.length !== 1 || files[0]?.startsWith('--')) throw new DraftError('draft takes one file: rights draft <file> [--title T --date YYYY-MM-DD --place P --organizer O] [--id ID] [--out folder] [--force] [--json]');
    const result = draft(resolve(cwd, files[0] ?? ''), { flags, out: out === undefined ? undefined : resolve(cwd, out), force, root });
    if (json) io.out(JSON.stringify({ document: result.document, records: result.records }, null, 2));
    else {
      for (const r of result.records) io.out(`${r.kind.padEnd(15)} ${r.id.padEnd(50)} ${r.title}`);
      io.out(`${result.records.length} draft records → ${result.folder}/ (source: ${result.source})`);
      io.out(`Review them with: rights review ${result.folder}`);
    }
    return 0;
  } catch (error) {
    if (error instanceof DraftError) {
      if (json) io.out(JSON.stringify({ error: error.message }, null, 2));
      else io.err(`rights draft: ${error.message}`);
      return 2;
    }
    if (error instanceof RecordsError) {
      if (json) io.out(JSON.stringify({ error: 'invalid records', problems: error.message.split('\n') }, null, 2));
      else io.err(`rights draft: the drafts do not pass rights check (nothing written):\n${error.message}`);
      return 1;
    }
    throw error;
  }
}

export interface DraftResult {
  document: string;
  records: DraftRecord[];
  /** The seeds folder and source file written, relative to the root. */
  folder: string;
  source: string;
}

export function draft(file: string, { flags, out, force, root }: { flags: DocumentMeta; out?: string; force: boolean; root: string }): DraftResult {
  if (!existsSync(file)) throw new DraftError(`no such file: ${file}`);
  const { meta: header, body } = splitHeader(readFileSync(file, 'utf8'));
  const meta: DocumentMeta = { ...header, ...Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined)) };
  meta.title ??= /^#\s+(.+)$/m.exec(body)?.[1]?.trim();
  if (!meta.title) throw new DraftError('the document needs a title: a header "title:" or --title');
  if (!meta.date) throw new DraftError('the document needs a date: a header "date:" or --date YYYY-MM-DD');
  const id = meta.id ?? slugify(meta.title, 6);
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) throw new DraftError(`--id must be a lowercase slug, got "${id}"`);
  meta.id = id;

  const display = (p: string) => relative(root, p).split(sep).join('/');
  const folder = out ?? join(root, 'seeds', id);
  if (existsSync(folder) && !force) throw new DraftError(`${display(folder)} already exists (use --force to overwrite it)`);
  const sourcePath = join(root, 'data', 'sources', `${id}.txt`);
  const sourceText = formatHeader(meta) + '\n' + body.replace(/^\s*\n/, '');
  const previousSource = existsSync(sourcePath) ? readFileSync(sourcePath, 'utf8') : undefined;
  if (previousSource !== undefined && previousSource !== sourceText && !force) throw new DraftError(`${display(sourcePath)} already exists with other content (use --force to replace it)`);

  const kb = loadKnowledgeBase({ root });
  const inFolder = (r: { id: string }) => {
    const where = kb.locations.get(r.id)?.file;
    return where !== undefined && (join(root, where) + sep).startsWith(folder + sep);
  };
  const taken = new Set([...kb.records, ...(kb.drafts ?? [])].filter((r) => !inFolder(r)).map((r) => r.id));
  const uniqueId = (wanted: string) => {
    let candidate = wanted;
    for (let n = 2; taken.has(candidate); n++) candidate = `${wanted}-${n}`;
    taken.add(candidate);
    return candidate;
  };
  const treaties: TreatyNames[] = kb.records.flatMap((r) => (r.kind === 'treaty' ? [{ id: r.id, names: [r.title, r.short_name, ...r.aliases] }] : []));
  const { taxonomy, lexicon } = kb;
  const fallback = taxonomy.themes.some((t) => t.id === FALLBACK_THEME) ? [FALLBACK_THEME] : [taxonomy.themes[0]?.id ?? FALLBACK_THEME];

  const paragraphs = splitDocument(body, meta.title);
  const docThemes = themesFor(body, taxonomy, lexicon, fallback);
  const sessionId = uniqueId(`${id}-session`);
  const people: Person[] = [];
  for (const p of paragraphs) for (const item of p.items) for (const s of sentences(item)) findPeople(s, { section: p.section, paragraph: p.number }, people);
  const speakerIds = new Map(people.map((p) => [p, uniqueId(slugify(p.name, 5))] as const));

  const source = (section: string, paragraph: number) => ({ document: id, section, paragraph });
  const first = paragraphs[0];
  const firstSentence = first ? sentences(first.items[0] ?? '')[0] : undefined;
  const date = ISO.test(meta.date) ? meta.date : /\b(\d{4})\b/.exec(meta.date)?.[1];
  if (!date) throw new DraftError(`date must be an ISO date (YYYY-MM-DD), got "${meta.date}"`);
  const session: DraftRecord = {
    id: sessionId,
    kind: 'session',
    status: 'draft',
    title: meta.title,
    text: `Meeting reported in "${meta.title}"${meta.organizer ? `, organized by ${meta.organizer}` : ''}${meta.place ? `, in ${meta.place}` : ''}. Draft: summarize its purpose and outcome.`,
    themes: docThemes,
    date,
    ...(date !== meta.date ? { date_note: `The source gives the date as "${meta.date}".` } : {}),
    ...(meta.place ? { city: meta.place } : {}),
    ...(meta.organizer ? { organizers: [meta.organizer] } : {}),
    ...(people.length ? { speakers: people.map((p) => speakerIds.get(p) as string) } : { speakers_note: 'The source names no speakers with a role.' }),
    ...(firstSentence ? { quote: firstSentence } : {}),
    source: source(first?.section ?? meta.title, first?.number ?? 1),
  };

  const speakers: DraftRecord[] = people.map((p) => ({
    id: speakerIds.get(p) as string,
    kind: 'speaker',
    status: 'draft',
    title: p.name,
    name: p.name,
    ...(p.aliases.length ? { aliases: p.aliases } : {}),
    ...(p.role ? { role: p.role } : {}),
    ...(p.organization ? { organization: p.organization } : {}),
    sessions: [sessionId],
    text: `${p.name}${p.role ? `, ${p.role}` : ''}, took part in the meeting. Draft: summarize what they said.`,
    themes: themesFor(p.quote, taxonomy, lexicon, docThemes),
    quote: p.quote,
    source: source(p.section, p.paragraph),
  }));

  const organization = `Participants of ${meta.short_title ?? meta.title}`;
  const recommendations: DraftRecord[] = [];
  for (const p of paragraphs) {
    for (const item of p.items) {
      for (const sentence of sentences(item)) {
        if (!isRecommending(sentence)) continue;
        const title = titleFrom(sentence);
        const by = mentions(sentence, people);
        const linked = treatiesIn(sentence, treaties);
        const addressees = vocabularyIn(sentence, taxonomy.addressees, lexicon, 'addressee').slice(0, 3);
        recommendations.push({
          id: uniqueId(`${id}-${slugify(title, 4)}`),
          kind: 'recommendation',
          status: 'draft',
          title,
          text: sentence.replace(/[*_`]/g, ''),
          themes: themesFor(sentence, taxonomy, lexicon, docThemes),
          by: by.length ? { speakers: by.map((b) => speakerIds.get(b) as string) } : { organization },
          session: sessionId,
          ...(addressees.length ? { addressed_to: addressees } : {}),
          ...(linked.length ? { treaties: linked } : {}),
          quote: sentence,
          source: source(p.section, p.number),
        });
      }
    }
  }

  // Write, then check everything as `rights check` does; undo on failure.
  if (existsSync(folder)) rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  mkdirSync(join(root, 'data', 'sources'), { recursive: true });
  writeFileSync(sourcePath, sourceText);
  const files: [string, DraftRecord[]][] = [
    ['sessions.yaml', [session]],
    ['speakers.yaml', speakers],
    ['recommendations.yaml', recommendations],
  ];
  for (const [name, records] of files) {
    if (records.length === 0) continue;
    const doc = new Document(records);
    doc.commentBefore = ` Draft ${name.replace('.yaml', '')} proposed by \`rights draft\` from data/sources/${id}.txt.\n Rewrite each text in your own words, then: rights review ${display(folder)}`;
    writeFileSync(join(folder, name), doc.toString({ lineWidth: 0 }));
  }
  try {
    loadKnowledgeBase({ root });
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    if (previousSource === undefined) rmSync(sourcePath, { force: true });
    else writeFileSync(sourcePath, previousSource);
    throw error;
  }
  return { document: id, records: [session, ...speakers, ...recommendations], folder: display(folder), source: display(sourcePath) };
}
