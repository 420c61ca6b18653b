// The question grammar and the glossary as data: language/<lang>.yaml (question words, kind words,
// articles, honorifics, stop words, frame patterns), language/frames.yaml (what each frame asks) and
// language/glossary/<lang>.yaml (the records' words and the words people use instead). `rights build-index`
// compiles them into data/language.json, read at start-up; when that file is missing or older than the
// YAML, the YAML is read directly (slower, so a fresh checkout still works).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Lang } from '../i18n/catalog.js';
import type { Kind } from '../records/kinds.js';
import type { LexiconEntry } from '../records/schema.js';
import { lexiconPhrases, phraseDict, type PhraseDict, type PhraseRow } from '../search/phrases.js';
import { fold, isStopWord } from '../search/text.js';

/** The answer a question expects. */
export type Asks = 'person' | 'date' | 'place' | 'count' | 'binding' | 'statement';

/** One row of language/frames.yaml. */
export interface FrameRow {
  id: string;
  asks: Asks;
  record: Kind;
  field: string | string[];
  answer?: string;
  negative?: string;
}

/** One language's question words, as written in language/<lang>.yaml. */
export interface LanguageData {
  lang: Lang;
  question_words: Record<string, Asks | null>;
  anywhere: string[];
  openers: string[];
  ask_phrases: Record<string, Asks>;
  kinds: Partial<Record<Kind, string[]>>;
  command_kinds: Partial<Record<Kind, string[]>>;
  person_nouns: string[];
  relative_pronouns: string[];
  articles: string[];
  topic_words: string[];
  date_words: string[];
  role_words: string[];
  honorifics: string[];
  /** Words that continue an instrument's name ("… on refugees"). */
  name_links: string[];
  ordinals: Record<string, number>;
  rapporteur_titles: string[];
  stop_words: string;
  markers: string[];
  frames: Record<string, string[]>;
}

/** A word of the records and the words people use for it, per language. */
export interface GlossaryEntry {
  en: string;
  variants: string[];
  es: string[];
  fr: string[];
}

export interface CompiledLanguage {
  hash: string;
  frames: FrameRow[];
  languages: LanguageData[];
  glossary: GlossaryEntry[];
  /** The glossary as search phrases, stemmed once here rather than at every start-up. */
  phrases: PhraseDict;
  /** Glossary words used by Spanish or French only (evidence for the language detector). */
  foreignWords: Record<string, 'es' | 'fr'>;
}

/** The grammar, ready for lookups: each list once per language and merged over the three. */
export interface Grammar {
  frames: FrameRow[];
  frameById: Map<string, FrameRow>;
  languages: Map<Lang, LanguageData>;
  glossary: GlossaryEntry[];
  phrases: PhraseDict;
  foreignWords: Map<string, 'es' | 'fr'>;
  questionWords: Map<string, Asks | null>;
  anywhere: Set<string>;
  openers: Set<string>;
  askPhrases: { words: string[]; asks: Asks }[];
  kinds: Map<string, Kind>;
  /** First-word kind words of command-style queries, and the language of those only Spanish or French use. */
  commandKinds: Map<string, Kind>;
  commandKindLang: Map<string, Lang>;
  personNouns: Set<string>;
  relativePronouns: Set<string>;
  articles: Set<string>;
  topicWords: Set<string>;
  dateWords: Set<string>;
  roleWords: Set<string>;
  honorifics: Set<string>;
  nameLinks: Set<string>;
  rapporteurTitles: Set<string>;
  /** Ordinal words and numerals (first, segunda, iii, 2) → number. */
  ordinals: Map<string, number>;
  /** Stop words per language: never search terms once a text is known to be in that language. */
  stopWords: Map<Lang, Set<string>>;
  /** Stop words of any language: never search terms in a question. */
  anyStopWord: Set<string>;
  /** Detector weights: marker word → language → weight (words shared by languages weigh less). */
  markers: Map<string, Map<Lang, number>>;
  /** Frame patterns: folded words → frame id, longest first. */
  framePatterns: { frame: string; words: string[]; order: number; lang: Lang }[];
}

const LANGS: Lang[] = ['en', 'es', 'fr'];
const require = createRequire(import.meta.url);

/** The project folder that holds language/ (the source tree and dist/ both live under it). */
export function projectRoot(from = dirname(new URL(import.meta.url).pathname)): string {
  let dir = from;
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'language', 'frames.yaml'))) return dir;
    dir = dirname(dir);
  }
  throw new Error(`[language] language/frames.yaml not found above ${from}`);
}

function languageFiles(root: string): string[] {
  const dir = join(root, 'language');
  const glossary = join(dir, 'glossary');
  return [
    join(dir, 'frames.yaml'),
    ...LANGS.map((l) => join(dir, `${l}.yaml`)),
    ...(existsSync(glossary) ? readdirSync(glossary).filter((n) => n.endsWith('.yaml')).sort().map((n) => join(glossary, n)) : []),
  ];
}

function hashOf(files: string[]): string {
  const hash = createHash('sha256');
  for (const f of files) hash.update(f.slice(f.lastIndexOf('language'))).update('\0').update(readFileSync(f)).update('\0');
  return hash.digest('hex');
}

/** Reads language/*.yaml (with the YAML parser: used at build time, or when no compiled file is fresh). */
export function compileLanguage(root = projectRoot()): CompiledLanguage {
  const { parse } = require('yaml') as typeof import('yaml');
  const files = languageFiles(root);
  const read = (path: string): unknown => {
    try {
      return parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`[language] ${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const frames = (read(join(root, 'language', 'frames.yaml')) as { frames: FrameRow[] }).frames;
  const languages = LANGS.map((l) => read(join(root, 'language', `${l}.yaml`)) as LanguageData);
  const glossary = glossaryFrom(files.filter((f) => f.includes(join('language', 'glossary'))).map((f) => ({ file: f, data: read(f) })));
  const functionWords = new Set(languages.flatMap((l) => split(l.stop_words)));
  return { hash: hashOf(files), frames, languages, glossary, phrases: phraseDict(glossaryPhrases(glossary, functionWords)), foreignWords: foreignWords(glossary) };
}

/**
 * The glossary files: language/glossary/en.yaml maps a record word to its English variants, es.yaml and
 * fr.yaml to its Spanish and French equivalents (`word: [equivalent, …]`).
 */
function glossaryFrom(files: { file: string; data: unknown }[]): GlossaryEntry[] {
  const byWord = new Map<string, GlossaryEntry>();
  for (const { file, data } of files) {
    const lang = /([a-z]{2})\.yaml$/.exec(file)?.[1];
    if (!data || typeof data !== 'object' || (lang !== 'en' && lang !== 'es' && lang !== 'fr')) continue;
    for (const [word, list] of Object.entries(data as Record<string, unknown>)) {
      const entry = byWord.get(word) ?? { en: word, variants: [], es: [], fr: [] };
      const items = (Array.isArray(list) ? list : [list]).filter((x): x is string => typeof x === 'string' && x.trim() !== '');
      (lang === 'en' ? entry.variants : entry[lang]).push(...items);
      byWord.set(word, entry);
    }
  }
  return [...byWord.values()];
}

/** Writes data/language.json (called by `rights build-index`). */
export function writeCompiledLanguage(root = projectRoot(), path = join(root, 'data', 'language.json')): void {
  // A copy of the seeds elsewhere (the benchmark's, a test's) uses the grammar shipped with the code.
  const source = existsSync(join(root, 'language', 'frames.yaml')) ? root : projectRoot();
  // The glossary itself is only read by `rights check` (from the YAML); start-up needs its phrases.
  writeFileSync(path, JSON.stringify({ ...compileLanguage(source), glossary: [] }));
}

let cached: Grammar | undefined;

/** The grammar (read once per process). */
export function grammar(): Grammar {
  if (!cached) cached = prepare(loadCompiled());
  return cached;
}

function loadCompiled(): CompiledLanguage {
  const root = projectRoot();
  const path = join(root, 'data', 'language.json');
  if (existsSync(path)) {
    try {
      const saved = JSON.parse(readFileSync(path, 'utf8')) as CompiledLanguage;
      if (saved.hash === hashOf(languageFiles(root))) return saved;
    } catch {
      // damaged: compiled again below
    }
  }
  return compileLanguage(root);
}

const split = (s: string | string[] | undefined): string[] => (Array.isArray(s) ? s : (s ?? '').split(/\s+/)).map((w) => w.trim()).filter(Boolean);

/** Lookup structures over the compiled data. */
export function prepare(data: CompiledLanguage): Grammar {
  const g: Grammar = {
    frames: data.frames,
    frameById: new Map(data.frames.map((f) => [f.id, f])),
    languages: new Map(data.languages.map((l) => [l.lang, l])),
    glossary: data.glossary,
    phrases: data.phrases,
    foreignWords: new Map(Object.entries(data.foreignWords)),
    questionWords: new Map(),
    anywhere: new Set(),
    openers: new Set(),
    askPhrases: [],
    kinds: new Map(),
    commandKinds: new Map(),
    commandKindLang: new Map(),
    personNouns: new Set(),
    relativePronouns: new Set(),
    articles: new Set(),
    topicWords: new Set(),
    dateWords: new Set(),
    roleWords: new Set(),
    honorifics: new Set(),
    nameLinks: new Set(),
    rapporteurTitles: new Set(),
    ordinals: new Map([['i', 1], ['ii', 2], ['iii', 3], ['iv', 4], ['1', 1], ['2', 2], ['3', 3], ['4', 4]]),
    stopWords: new Map(),
    anyStopWord: new Set(),
    markers: new Map(),
    framePatterns: [],
  };
  for (const l of data.languages) {
    for (const [w, asks] of Object.entries(l.question_words)) {
      if (!g.questionWords.has(w) || asks !== null) g.questionWords.set(w, asks);
    }
    split(l.anywhere).forEach((w) => g.anywhere.add(w));
    split(l.openers).forEach((w) => g.openers.add(w));
    for (const [phrase, asks] of Object.entries(l.ask_phrases)) g.askPhrases.push({ words: phrase.split(' '), asks });
    for (const [kind, list] of Object.entries(l.kinds)) {
      for (const w of split(list)) {
        if (!g.kinds.has(w)) g.kinds.set(w, kind as Kind);
      }
    }
    for (const [kind, list] of Object.entries(l.command_kinds ?? {})) {
      for (const w of split(list)) {
        g.commandKinds.set(w, kind as Kind);
        if (l.lang !== 'en') g.commandKindLang.set(w, l.lang);
      }
    }
    split(l.person_nouns).forEach((w) => g.personNouns.add(w));
    split(l.relative_pronouns).forEach((w) => g.relativePronouns.add(w));
    split(l.articles).forEach((w) => g.articles.add(w));
    split(l.topic_words).forEach((w) => g.topicWords.add(w));
    split(l.date_words).forEach((w) => g.dateWords.add(w));
    split(l.role_words).forEach((w) => g.roleWords.add(w));
    split(l.honorifics).forEach((w) => g.honorifics.add(w));
    split(l.name_links).forEach((w) => g.nameLinks.add(w));
    split(l.rapporteur_titles).forEach((w) => g.rapporteurTitles.add(w));
    for (const [w, n] of Object.entries(l.ordinals ?? {})) g.ordinals.set(w, n);
    const stops = new Set(split(l.stop_words));
    g.stopWords.set(l.lang, stops);
    stops.forEach((w) => g.anyStopWord.add(w));
    for (const [frame, phrases] of Object.entries(l.frames)) {
      for (const p of phrases) g.framePatterns.push({ frame, words: p.split(' '), order: g.framePatterns.length, lang: l.lang });
    }
  }
  const markerOwners = new Map<string, Lang[]>();
  for (const l of data.languages) for (const w of split(l.markers)) markerOwners.set(w, [...(markerOwners.get(w) ?? []), l.lang]);
  for (const [w, langs] of markerOwners) g.markers.set(w, new Map(langs.map((l) => [l, 1 / langs.length])));
  g.askPhrases.sort((a, b) => b.words.length - a.words.length);
  g.framePatterns.sort((a, b) => b.words.length - a.words.length || a.order - b.order);
  return g;
}

/**
 * The glossary as lexicon phrases: a record word, its English variants, its Spanish and French equivalents.
 * Function words ("a", "sin", "sur") are never equivalents: they would turn every question into a search.
 */
function glossaryPhrases(glossary: readonly GlossaryEntry[], functionWords: ReadonlySet<string>): PhraseRow[] {
  const meaningful = (w: string) => {
    const words = fold(w).split(' ').filter(Boolean);
    if (words.length === 0) return false;
    return words.length > 1 || ((words[0] ?? '').length >= 3 && !functionWords.has(words[0] ?? '') && !isStopWord(words[0] ?? ''));
  };
  const entries: LexiconEntry[] = glossary
    .filter((e) => meaningful(e.en))
    .map((e) => ({ en: [e.en], synonyms: e.variants.filter((v) => v !== e.en && meaningful(v)), es: e.es.filter(meaningful), fr: e.fr.filter(meaningful) }));
  return lexiconPhrases(entries);
}

/** Folded glossary words that only Spanish, or only French, uses (not English, not both). */
function foreignWords(glossary: readonly GlossaryEntry[]): Record<string, 'es' | 'fr'> {
  const owners = new Map<string, Set<Lang>>();
  const add = (phrase: string, lang: Lang) => {
    for (const w of fold(phrase).split(' ')) if (w.length >= 3) owners.set(w, (owners.get(w) ?? new Set<Lang>()).add(lang));
  };
  for (const e of glossary) {
    [e.en, ...e.variants].forEach((v) => add(v, 'en'));
    e.es.forEach((v) => add(v, 'es'));
    e.fr.forEach((v) => add(v, 'fr'));
  }
  const out: Record<string, 'es' | 'fr'> = {};
  for (const [w, langs] of owners) {
    const [only] = [...langs];
    if (langs.size === 1 && (only === 'es' || only === 'fr')) out[w] = only;
  }
  return out;
}
