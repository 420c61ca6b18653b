// Cross-record checks: every id a record points at exists and has the right kind,
// every theme, group and addressee comes from seeds/themes.yaml, every source document exists.
import type { Problem, RecordLocation, SourceDocument } from './load.js';
import type { Authority, Kind, RightsRecord, Taxonomy } from './schema.js';

interface Context {
  records: RightsRecord[];
  byId: Map<string, RightsRecord>;
  taxonomy: Taxonomy;
  documents: Map<string, SourceDocument>;
  /** Source document texts (without header), for checking that quotes hold. */
  texts?: Map<string, string>;
  authorities?: Map<string, Authority>;
  locations: Map<string, RecordLocation>;
  /** Records that failed validation: already reported, so references to them are not. */
  rejected: Set<string>;
}

/** Whether `quote` occurs in `text`, ignoring case, spacing, quote and dash styles; "…" skips text. */
export function quoteHolds(quote: string, text: string): boolean {
  const normal = (s: string) =>
    s
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[‘’´`]/g, "'")
      .replace(/[“”«»„]/g, '"')
      .replace(/[‐‑‒–—]/g, '-')
      .replace(/\s+/g, ' ')
      .trim();
  const haystack = normal(text);
  let at = 0;
  for (const part of normal(quote).split(/\s*(?:\.\.\.|…)\s*/).filter(Boolean)) {
    const found = haystack.indexOf(part, at);
    if (found < 0) return false;
    at = found + part.length;
  }
  return true;
}

export function checkReferences(ctx: Context): Problem[] {
  const problems: Problem[] = [];
  const themes = new Set(ctx.taxonomy.themes.map((t) => t.id));
  const groups = new Set(ctx.taxonomy.groups.map((g) => g.id));
  const addressees = new Set(ctx.taxonomy.addressees.map((a) => a.id));

  for (const record of ctx.records) {
    const where = ctx.locations.get(record.id);
    const report = (field: string, message: string) =>
      problems.push({
        file: where?.file ?? '?',
        line: where?.fieldLine(field.split('.')) ?? 1,
        message: `${record.kind} "${record.id}": ${field}: ${message}`,
      });
    const expect = (field: string, ids: readonly string[] | undefined, kind: Kind) => {
      for (const id of ids ?? []) {
        const target = ctx.byId.get(id);
        if (!target && ctx.rejected.has(id)) continue;
        if (!target) report(field, `unknown ${kind} "${id}"`);
        else if (target.kind !== kind) report(field, `"${id}" is a ${target.kind}, expected a ${kind}`);
      }
    };
    const vocabulary = (field: string, values: readonly string[] | undefined, known: Set<string>, list: string) => {
      for (const value of values ?? []) if (!known.has(value)) report(field, `unknown ${list} "${value}" (see seeds/themes.yaml)`);
    };

    vocabulary('themes', record.themes, themes, 'theme');
    vocabulary('affected', record.affected, groups, 'group');
    if (!ctx.documents.has(record.source.document)) {
      report('source.document', `unknown source document "${record.source.document}" (files in data/sources/)`);
    }
    // A citation must hold: a quote is found, word for word, in the document it cites.
    const text = ctx.texts?.get(record.source.document);
    if (record.quote && text !== undefined && !quoteHolds(record.quote, text)) {
      report('quote', `not found in ${record.source.document} (a quote must be the source's own words; mark omissions with "…")`);
    }
    (record.authorities ?? []).forEach((a, i) => {
      if (!ctx.authorities?.has(a.id)) report(`authorities.${i}.id`, `unknown authority "${a.id}" (see seeds/authorities.yaml)`);
      for (const field of a.fields) {
        if (!(field in record)) report(`authorities.${i}.fields`, `"${field}" is not a field of this record`);
      }
    });
    switch (record.kind) {
      case 'session':
        expect('parent', record.parent ? [record.parent] : [], 'session');
        expect('chair', record.chair, 'speaker');
        expect('moderators', record.moderators, 'speaker');
        expect('rapporteur', record.rapporteur, 'speaker');
        expect('speakers', record.speakers, 'speaker');
        if (record.parent === record.id) report('parent', 'a session cannot be its own parent');
        if (record.end_date && record.end_date < record.date && !record.date.startsWith('--')) report('end_date', 'is before date');
        break;
      case 'recommendation':
        expect('by.speakers', record.by.speakers, 'speaker');
        expect('session', [record.session], 'session');
        expect('treaties', record.treaties, 'treaty');
        vocabulary('addressed_to', record.addressed_to, addressees, 'addressee');
        break;
      case 'speaker':
        expect('sessions', record.sessions, 'session');
        break;
      case 'observance':
        expect('treaty', record.treaty ? [record.treaty] : [], 'treaty');
        break;
      case 'treaty':
        break;
    }
  }
  return problems;
}
