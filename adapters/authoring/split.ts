// Splits a plain-text or Markdown document into its metadata header, sections, numbered paragraphs and sentences.

/** The metadata header of a source document (data/sources/*.txt): id, title, short_title, organizer, date, place. */
export interface DocumentMeta {
  id?: string;
  title?: string;
  short_title?: string;
  organizer?: string;
  date?: string;
  place?: string;
  [key: string]: string | undefined;
}

/** A paragraph of a section: its number (the document's own, or its rank in the section) and its items (list items, or the one text). */
export interface Paragraph {
  section: string;
  number: number;
  items: string[];
}

const HEADER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;

/** The `key: value` header between `---` lines, and the body after it. */
export function splitHeader(text: string): { meta: DocumentMeta; body: string } {
  const match = HEADER.exec(text);
  if (!match) return { meta: {}, body: text };
  const meta: DocumentMeta = {};
  for (const line of (match[1] ?? '').split(/\r?\n/)) {
    const kv = /^([a-z_]+):\s*(.*)$/.exec(line);
    if (kv?.[1]) meta[kv[1]] = unquote(kv[2] ?? '');
  }
  return { meta, body: text.slice(match[0].length) };
}

function unquote(value: string): string {
  const v = value.trim();
  if (/^".*"$/.test(v)) return v.slice(1, -1).replace(/\\"/g, '"');
  if (/^'.*'$/.test(v)) return v.slice(1, -1).replace(/''/g, "'");
  return v;
}

/** A header for data/sources/<id>.txt (values double-quoted where YAML needs it). */
export function formatHeader(meta: DocumentMeta): string {
  const lines = ['---'];
  for (const key of ['id', 'title', 'short_title', 'organizer', 'date', 'place']) {
    const value = meta[key];
    if (value) lines.push(`${key}: ${/^[\w -]+$/.test(value) && !/^\d/.test(value) ? value : JSON.stringify(value)}`);
  }
  lines.push('---', '');
  return lines.join('\n');
}

/** A heading line's text, or undefined: Markdown headings, ALL-CAPS lines, short numbered headings. */
export function headingOf(line: string): string | undefined {
  const t = line.trim();
  const md = /^#{1,6}\s+(.*?)\s*#*$/.exec(t);
  if (md) return md[1]?.trim() || undefined;
  if (t.length >= 3 && t.length <= 100 && /\p{Lu}/u.test(t) && !/\p{Ll}/u.test(t) && (t.match(/\p{L}/gu)?.length ?? 0) >= 3) return t.replace(/:$/, '');
  if (/^(?:\d+(?:\.\d+)*\.?|[IVXLC]+\.)\s+\S/.test(t) && t.length <= 80 && !/[.:;,?!]$/.test(t)) return t;
  return undefined;
}

const LIST_ITEM = /^\s*(?:[-*•+]|\d+\))\s+(.*)$/;
const NUMBERED = /^(\d+)\.\s+(.*)$/;

/** Sections and paragraphs, in document order; text before the first heading goes under `firstSection`. */
export function splitDocument(body: string, firstSection: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let section = firstSection;
  let count = 0;
  let block: string[] = [];
  const flush = () => {
    if (block.length === 0) return;
    const lines = block;
    block = [];
    let number: number | undefined;
    const first = NUMBERED.exec(lines[0] ?? '');
    if (first) {
      number = Number(first[1]);
      lines[0] = first[2] ?? '';
    }
    const items: string[] = [];
    let current: string[] = [];
    for (const line of lines) {
      const item = LIST_ITEM.exec(line);
      if (item) {
        if (current.length) items.push(current.join(' '));
        current = [item[1] ?? ''];
      } else current.push(line.trim());
    }
    if (current.length) items.push(current.join(' '));
    count += 1;
    paragraphs.push({ section, number: number ?? count, items: items.map((i) => i.trim()).filter(Boolean) });
  };
  for (const line of body.split(/\r?\n/)) {
    if (line.trim() === '') {
      flush();
      continue;
    }
    const heading = headingOf(line);
    if (heading) {
      flush();
      section = heading;
      count = 0;
      continue;
    }
    block.push(line);
  }
  flush();
  return paragraphs.filter((p) => p.items.length > 0);
}

/** Sentences of a text (abbreviations such as "Ms." and "H.E." do not end one): the engine's own splitter. */
export { splitSentences as sentences } from '../../src/search/present.js';

/** A lowercase slug like "gfmd-2017-firewalls" (accents dropped), at most `words` words. */
export function slugify(text: string, words = 8): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .slice(0, words)
    .join('-');
}
