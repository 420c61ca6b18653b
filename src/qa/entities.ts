// The knowledge base's own entities recognised in user text: people, organizations, places and
// countries, meetings, instruments (with aliases, acronyms, Spanish and French names) and observances.
// Names are found by longest match over folded words, so "Convención sobre los Derechos del Niño"
// is one treaty mention, not a kind word followed by search terms.
import type { KnowledgeBase } from '../records/load.js';
import type { RightsRecord, SessionRecord } from '../records/schema.js';
import { fold, isStopWord } from '../search/text.js';
import { grammar } from './grammar.js';

export type EntityType = 'speaker' | 'session' | 'treaty' | 'observance' | 'organization' | 'place' | 'country';

/** One name of an entity: the records it designates, and how sure a match on it is. */
interface EntityName {
  type: EntityType;
  /** Records the name designates: the record itself, or (organizations, places, countries) the records linked to it. */
  ids: string[];
  /** The canonical label shown to people ("Zacatecas", "Mexico", "OHCHR"). */
  label: string;
}

/** A recognised mention: where it is in the folded words, and what it designates. */
export interface EntityMention {
  type: EntityType;
  ids: string[];
  label: string;
  start: number;
  end: number;
  words: string[];
}

const MAX_NAME_WORDS = 30;
/** Titles before names, and the article of descriptive aliases ("the Chair"): language/<lang>.yaml. */
const HONORIFICS = new Set([...grammar().honorifics, 'the']);
/** Words too general to name anything alone, even when capitalised in a title. */
const GENERIC = new Set(
  'human rights migrants migrant migration migrations session sessions workshop meeting event side international national un united nations convention protocol day world global the of on and for in to a break out series key issues'.split(' '),
);
/** Spanish and French function words, which say nothing about which name is meant. */
const FUNCTION_WORDS = new Set('de la le les des du del los las el y et en sur sobre a al au aux por para pour contre contra relative relativo relatif'.split(' '));
/** Type priority when two entities share a name: the record itself beats what is linked to it. */
const PRIORITY: Record<EntityType, number> = { treaty: 6, observance: 5, speaker: 4, session: 3, organization: 2, place: 1, country: 0 };

export class EntityIndex {
  /** First word → names starting with it, longest first. */
  private readonly byFirst = new Map<string, { words: string[]; names: EntityName[] }[]>();
  /** The same entries by their whole name, so a name given twice is merged at once. */
  private readonly byKey = new Map<string, { words: string[]; names: EntityName[] }>();

  constructor(kb: Pick<KnowledgeBase, 'records' | 'byId' | 'lexicon' | 'documents'>) {
    for (const r of kb.records) {
      switch (r.kind) {
        case 'treaty':
          for (const name of [r.title, r.short_name, ...r.aliases, withoutYear(r.short_name)]) {
            this.add(name, 'treaty', [r.id], r.short_name);
            // "Convention No. 143" is also typed "convention 143".
            if (/\bno\.?\s*\d/i.test(name)) this.add(fold(name).replace(/\bno (\d)/, '$1'), 'treaty', [r.id], r.short_name);
          }
          break;
        case 'observance':
          // "World Refugee Day" is also "refugee day"; "International Migrants Day", "migrants day".
          for (const name of [r.title, r.title.replace(/^(International|World)\s+/, '')]) this.add(name, 'observance', [r.id], r.title);
          break;
        case 'speaker': {
          this.add(r.name, 'speaker', [r.id], r.name);
          const nameWords = fold(r.name).split(' ');
          const surname = nameWords.filter((w) => !HONORIFICS.has(w)).at(-1) ?? '';
          if (surname.length >= 4) this.add(surname, 'speaker', [r.id], r.name);
          for (const alias of r.aliases) {
            const words = fold(alias).split(' ').filter(Boolean);
            // "Ms. West", "Dr. Bustamante", "De León Ovalle": forms of the name. Descriptive aliases
            // ("the Chair", "the thematic expert rapporteur") name a role, not the person, in a question.
            const bare = words.filter((w) => !HONORIFICS.has(w));
            if (bare.length > 0 && bare.every((w) => nameWords.includes(w))) {
              this.add(alias, 'speaker', [r.id], r.name);
              this.add(bare.join(' '), 'speaker', [r.id], r.name);
            } else if (words[0] !== 'the' && words.length > 4) this.add(alias, 'speaker', [r.id], r.name);
          }
          if (r.organization) for (const name of organizationNames(r.organization)) this.add(name, 'organization', [r.id], name);
          if (r.country) this.add(r.country, 'country', [r.id], r.country);
          // Places named in a role ("Mayor of Upala", "IOM Mission in Santiago de Chile") point to the person.
          for (const m of (r.role ?? '').matchAll(/\b(?:of|in|at)\s+((?:[A-Z][\w'’-]+\s?)+)/g)) this.add(m[1] ?? '', 'place', [r.id], (m[1] ?? '').trim());
          break;
        }
        case 'session':
          for (const name of sessionNames(r, r.parent ? undefined : kb.documents.get(r.source.document)?.title)) this.add(name, 'session', [r.id], shortTitle(r));
          if (r.city) this.add(r.city, 'place', [r.id], r.city);
          if (r.country) this.add(r.country, 'country', [r.id], r.country);
          for (const part of (r.venue ?? '').split(/[,;()]/)) if (part.trim().split(' ').length >= 2) this.add(part, 'place', [r.id], part.trim());
          for (const org of r.organizers ?? []) for (const name of organizationNames(org)) this.add(name, 'organization', [r.id], name);
          break;
        case 'recommendation':
          if (r.by.organization) for (const name of organizationNames(r.by.organization)) this.add(name, 'organization', [r.id], name);
          break;
      }
    }
    for (const entry of kb.lexicon) {
      const foreign = [...entry.es, ...entry.fr];
      if (entry.treaty) {
        const treaty = kb.byId.get(entry.treaty);
        for (const name of [...foreign, ...entry.synonyms]) this.add(name, 'treaty', [entry.treaty], treaty?.kind === 'treaty' ? treaty.short_name : name);
      } else if (entry.observance) {
        for (const name of [...foreign, ...(entry.en ?? [])]) this.add(name, 'observance', [entry.observance], kb.byId.get(entry.observance)?.title ?? name);
      } else {
        // Spanish and French names of places and organizations ("Ginebra", "OIT") stand for the English name.
        for (const en of entry.en ?? []) {
          const words = fold(en).split(' ');
          const same = this.byKey.get(words.join(' '));
          for (const n of same?.names ?? []) for (const name of foreign) this.add(name, n.type, n.ids, n.label);
        }
      }
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  private add(name: string, type: EntityType, ids: string[], label: string): void {
    const words = fold(name).split(' ').filter(Boolean);
    // "HRC 42" is also typed "hrc42".
    const joined: string[] = [];
    for (const w of words) {
      const previous = joined.at(-1);
      if (previous !== undefined && /^[a-z]+$/.test(previous) && /^\d+$/.test(w)) joined[joined.length - 1] = previous + w;
      else joined.push(w);
    }
    if (joined.length !== words.length) this.addWords(joined, type, ids, label);
    this.addWords(words, type, ids, label);
  }

  private addWords(words: string[], type: EntityType, ids: string[], label: string): void {
    if (words.length === 0 || words.length > MAX_NAME_WORDS) return;
    // A one-word name must say something: not a stop word, a bare number or a generic word.
    if (words.length === 1 && (isStopWord(words[0] ?? '') || GENERIC.has(words[0] ?? '') || /^\d+$/.test(words[0] ?? '') || (words[0] ?? '').length < 3)) return;
    // Names made of general words ("Human Rights Day") are specific only as the full title of a record.
    if (words.every((w) => GENERIC.has(w) || isStopWord(w)) && type !== 'treaty' && type !== 'observance') return;
    const key = words.join(' ');
    let entry = this.byKey.get(key);
    if (!entry) {
      entry = { words, names: [] };
      this.byKey.set(key, entry);
      const list = this.byFirst.get(words[0] ?? '') ?? [];
      list.push(entry);
      this.byFirst.set(words[0] ?? '', list);
    }
    const same = entry.names.find((n) => n.type === type);
    if (same) {
      for (const id of ids) if (!same.ids.includes(id)) same.ids.push(id);
    } else entry.names.push({ type, ids: [...ids], label });
  }

  /**
   * The record of `type` whose name best holds a run of the words ("la convention contre la criminalité
   * transnationale organisée" → UNTOC): the longest run of at least two content words found together in
   * a name, relative to that name's length. Undefined unless one record clearly wins.
   */
  partial(words: readonly string[], type: EntityType): string | undefined {
    const scores = new Map<string, number>();
    for (const list of this.byFirst.values()) {
      for (const entry of list) {
        const names = entry.names.filter((n) => n.type === type);
        if (names.length === 0) continue;
        const run = longestRun(words, entry.words);
        if (run < 2) continue;
        const score = run + run / entry.words.length;
        for (const n of names) for (const id of n.ids) scores.set(id, Math.max(scores.get(id) ?? 0, score));
      }
    }
    const [first, second] = [...scores].sort((a, b) => b[1] - a[1]);
    return first && (!second || first[1] - second[1] >= 0.15) ? first[0] : undefined;
  }

  /** Mentions in folded words, longest first, never overlapping; each name keeps its most specific type first. */
  find(words: readonly string[]): EntityMention[] {
    const found: EntityMention[] = [];
    for (let i = 0; i < words.length; ) {
      const candidates = this.byFirst.get(words[i] ?? '') ?? [];
      const hit = candidates.find((c) => c.words.every((w, k) => words[i + k] === w));
      if (!hit) {
        i += 1;
        continue;
      }
      const names = [...hit.names].sort((a, b) => PRIORITY[b.type] - PRIORITY[a.type]);
      for (const name of names) found.push({ ...name, start: i, end: i + hit.words.length, words: hit.words });
      i += hit.words.length;
    }
    return found;
  }
}

/** Content words (not stop words) in the longest run of `words` found contiguously in `name`. */
function longestRun(words: readonly string[], name: readonly string[]): number {
  let best = 0;
  for (let i = 0; i < words.length; i++) {
    for (let j = 0; j < name.length; j++) {
      let k = 0;
      let content = 0;
      while (i + k < words.length && j + k < name.length && words[i + k] === name[j + k]) {
        const w = name[j + k] ?? '';
        if (!isStopWord(w) && !GENERIC.has(w) && !FUNCTION_WORDS.has(w)) content += 1;
        k += 1;
      }
      best = Math.max(best, content);
    }
  }
  return best;
}

/** An organization's names: as written, without a parenthetical, and the acronym or name in parentheses. */
function organizationNames(org: string): string[] {
  const names = [org];
  for (const paren of org.matchAll(/([^(),;]*?)\s*\(([^)]+)\)/g)) names.push(paren[1] ?? '', paren[2] ?? '');
  for (const part of org.split(/,|;| of the | in /)) if (/^[A-Z]{2,}$/.test(part.trim())) names.push(part.trim());
  return names.filter((n) => n.trim().length > 0 && !/^(co-sponsor|in consultation and cooperation)$/i.test(n.trim()));
}

/** Names a meeting goes by: its title, the title's parts, and the capitalised phrases in it. */
function sessionNames(r: SessionRecord, documentTitle = ''): string[] {
  const names = [r.title, r.title.replace(/\s*\([^)]*\)\s*/g, ' ')];
  for (const part of r.title.split(/[:()]/)) names.push(part);
  for (const inner of r.title.matchAll(/\(([^)]+)\)/g)) for (const part of (inner[1] ?? '').split(',')) if (!/^\s*\d{4}\s*$/.test(part)) names.push(part);
  // Proper-noun phrases ("Human Rights Council", "Round Table", "Working Session"): two or more capitalised words.
  for (const m of `${r.title}. ${documentTitle}`.matchAll(/\b[A-Z][\w’'-]*(?:\s+(?:of|on|for|and|the|de|des|du)?\s*[A-Z][\w’'-]*)+/g)) {
    names.push(m[0]);
    // "Round Table of National Institutions on Migration…" is also "Round Table of National Institutions".
    const head = /^(.+?)\s+(?:on|for|and)\s/.exec(m[0]);
    if (head && (head[1] ?? '').split(' ').length >= 2) names.push(head[1] ?? '');
  }
  return names.filter((n) => n.trim().length > 0);
}

/** The title without a trailing parenthetical ("Round Table of … (Zacatecas, 2004)" → "Round Table of …"). */
export function shortTitle(r: RightsRecord): string {
  return r.title.replace(/\s*\([^)]*\)\s*$/, '').trim();
}

function withoutYear(name: string): string {
  return name.replace(/^\d{4}\s+/, '').replace(/\s+\d{4}$/, '');
}
