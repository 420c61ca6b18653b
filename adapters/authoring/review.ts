// `rights review <folder>`: the folder's draft records with their quotes; accept, edit the title or drop
// each one (interactive, node:readline), or `--accept-all`. Files are rewritten in place with the yaml
// Document API, so order and comments are kept.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { isMap, isSeq, parseDocument, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { loadKnowledgeBase } from '../../src/records/load.js';
import { RecordsError } from '../../src/records/errors.js';
import type { AuthoringIo } from './draft.js';

export interface ReviewOptions {
  io: AuthoringIo;
  root: string;
  cwd?: string;
  /** Answers for the interactive review (process.stdin when it is a terminal). */
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

interface Draft {
  file: string;
  doc: Document;
  item: YAMLMap;
  id: string;
  kind: string;
}

/** Fields that hold ids of other records: a dropped draft's id is taken out of them. */
const REFERENCES = [['speakers'], ['chair'], ['moderators'], ['rapporteur'], ['by', 'speakers'], ['treaties'], ['sessions']];

export async function runReview(argv: string[], { io, root, cwd = process.cwd(), input, output }: ReviewOptions): Promise<number> {
  const acceptAll = argv.includes('--accept-all');
  const rest = argv.filter((a) => a !== '--accept-all');
  if (rest.length !== 1 || rest[0]?.startsWith('--')) {
    io.err('rights review: review takes one folder: rights review <folder> [--accept-all]');
    return 2;
  }
  const folder = resolve(cwd, rest[0] ?? '');
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    io.err(`rights review: no such folder: ${rest[0]}`);
    return 2;
  }
  const docs = new Map<string, Document>();
  for (const name of readdirSync(folder).filter((n) => n.endsWith('.yaml')).sort()) {
    const path = join(folder, name);
    const doc = parseDocument(readFileSync(path, 'utf8'));
    if (doc.errors.length > 0) {
      io.err(`rights review: ${name}: invalid YAML: ${doc.errors[0]?.message.split('\n')[0]}`);
      return 1;
    }
    docs.set(path, doc);
  }
  const drafts: Draft[] = [];
  for (const [file, doc] of docs) {
    if (!isSeq(doc.contents)) continue;
    for (const item of doc.contents.items) {
      if (isMap(item) && item.get('status') === 'draft') drafts.push({ file, doc, item, id: String(item.get('id')), kind: String(item.get('kind')) });
    }
  }
  // Sessions first, then the people, then what they said.
  const ORDER = ['session', 'speaker', 'treaty', 'recommendation', 'observance'];
  drafts.sort((x, y) => ORDER.indexOf(x.kind) - ORDER.indexOf(y.kind));
  const display = (p: string) => relative(root, p).split(sep).join('/');
  if (drafts.length === 0) {
    io.out(`No draft records in ${display(folder)}.`);
    return 0;
  }
  const describe = (d: Draft) => {
    const source = d.item.get('source') as YAMLMap | undefined;
    const where = source ? `${source.get('section')}${source.get('paragraph') !== undefined ? `, ¶${source.get('paragraph')}` : ''}` : '';
    const quote = d.item.get('quote');
    return `${d.kind} ${d.id}: ${d.item.get('title')}${where ? `\n  (${where})` : ''}${quote ? `\n  "${quote}"` : ''}`;
  };

  const interactive = !acceptAll && (input !== undefined || process.stdin.isTTY === true);
  if (!acceptAll && !interactive) {
    for (const d of drafts) io.out(describe(d));
    io.out(`${drafts.length} draft record${drafts.length === 1 ? '' : 's'}. Review them in a terminal, or mark them all reviewed with --accept-all.`);
    return 0;
  }

  let accepted = 0;
  let dropped = 0;
  const touched = new Set<string>();
  if (acceptAll) {
    for (const d of drafts) {
      d.item.set('status', 'reviewed');
      touched.add(d.file);
      accepted++;
    }
  } else {
    const rl = createInterface({ input: input ?? process.stdin, output: output ?? process.stdout, terminal: false });
    const lines = rl[Symbol.asyncIterator]();
    const ask = async (prompt: string): Promise<string | undefined> => {
      (output ?? process.stdout).write(prompt);
      const next = await lines.next();
      return next.done ? undefined : String(next.value).trim();
    };
    try {
      for (const [i, d] of drafts.entries()) {
        io.out(`\n[${i + 1}/${drafts.length}] ${describe(d)}`);
        let done = false;
        while (!done) {
          const answer = (await ask('[a]ccept, [e]dit title, [d]rop, [s]kip, [q]uit? '))?.toLowerCase();
          if (answer === undefined || answer === 'q' || answer === 'quit') {
            done = true;
            drafts.length = 0; // stop after this one
            break;
          }
          if (answer === 'a' || answer === 'accept') {
            d.item.set('status', 'reviewed');
            touched.add(d.file);
            accepted++;
            done = true;
          } else if (answer === 'e' || answer === 'edit' || answer === 'edit-title') {
            const title = await ask(`New title (was "${d.item.get('title')}"): `);
            if (title) {
              d.item.set('title', title);
              if (d.kind === 'speaker' && !d.item.get('name')) d.item.set('name', title);
              touched.add(d.file);
            }
          } else if (answer === 'd' || answer === 'drop') {
            if (d.kind === 'session' && drafts.some((o) => o !== d && o.item.get('session') === d.id)) {
              io.out('  The session cannot be dropped while recommendations in this folder cite it.');
              continue;
            }
            drop(d, docs);
            touched.add(d.file);
            for (const [file] of docs) touched.add(file);
            dropped++;
            done = true;
          } else if (answer === 's' || answer === 'skip' || answer === '') {
            done = true;
          } else io.out('  Answer a, e, d, s or q.');
        }
      }
    } finally {
      rl.close();
    }
  }
  for (const file of touched) {
    const doc = docs.get(file);
    if (doc) writeFileSync(file, doc.toString({ lineWidth: 0 }));
  }
  io.out(`${accepted} accepted, ${dropped} dropped in ${display(folder)}.`);
  try {
    loadKnowledgeBase({ root });
    io.out('rights check: OK. The bot picks up changed seeds without a restart.');
    return 0;
  } catch (error) {
    if (!(error instanceof RecordsError)) throw error;
    io.err(`rights check found problems:\n${error.message}`);
    return 1;
  }
}

/** Removes a draft from its file and its id from the references of the folder's other records. */
function drop(d: Draft, docs: Map<string, Document>): void {
  const seq = d.doc.contents as YAMLSeq;
  seq.items = seq.items.filter((item) => item !== d.item);
  for (const doc of docs.values()) {
    if (!isSeq(doc.contents)) continue;
    for (const item of doc.contents.items) {
      if (!isMap(item)) continue;
      for (const path of REFERENCES) {
        const list = item.getIn(path, true);
        if (!isSeq(list)) continue;
        list.items = list.items.filter((v) => (isMap(v) ? true : String((v as { value?: unknown }).value ?? v) !== d.id));
        if (list.items.length === 0) item.deleteIn(path);
      }
      // A recommendation left without speakers falls back to the participants.
      const by = item.get('by', true);
      if (isMap(by) && by.items.length === 0) item.set('by', { organization: 'Participants of the meeting' });
    }
  }
}
