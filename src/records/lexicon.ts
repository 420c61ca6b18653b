// seeds/lexicon.yaml: validated like the records (file, line, field), its ids checked against the taxonomy.
import type { Document, LineCounter } from 'yaml';
import { lexiconSchema, type LexiconEntry, type RightsRecord, type Taxonomy } from './schema.js';
import { issueProblems, lineOf, type Problem } from './load.js';

export function loadLexicon(
  loaded: { doc: Document; lines: LineCounter } | undefined,
  file: string,
  ctx: { byId: Map<string, RightsRecord>; taxonomy: Taxonomy },
  problems: Problem[],
): LexiconEntry[] {
  if (!loaded) return [];
  const { doc, lines } = loaded;
  const parsed = lexiconSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    problems.push(...issueProblems(parsed.error.issues, { file, doc, lines, label: 'lexicon' }));
    return [];
  }
  const known = {
    theme: new Set(ctx.taxonomy.themes.map((t) => t.id)),
    group: new Set(ctx.taxonomy.groups.map((g) => g.id)),
    addressee: new Set(ctx.taxonomy.addressees.map((a) => a.id)),
  };
  parsed.data.entries.forEach((entry, i) => {
    for (const field of ['theme', 'group', 'addressee'] as const) {
      const id = entry[field];
      if (id && !known[field].has(id)) {
        problems.push({ file, line: lineOf(doc, lines, ['entries', i, field]), message: `lexicon: entries.${i}.${field}: unknown ${field} "${id}"` });
      }
    }
    if (entry.observance && ctx.byId.get(entry.observance)?.kind !== 'observance') {
      problems.push({ file, line: lineOf(doc, lines, ['entries', i, 'observance']), message: `lexicon: entries.${i}.observance: unknown observance "${entry.observance}"` });
    }
    if (entry.treaty && ctx.byId.get(entry.treaty)?.kind !== 'treaty') {
      problems.push({ file, line: lineOf(doc, lines, ['entries', i, 'treaty']), message: `lexicon: entries.${i}.treaty: unknown treaty "${entry.treaty}"` });
    }
  });
  return parsed.data.entries;
}
