// The core API every adapter calls: ask(text) → Answer, show(id), list(kind), suggest(prefix).
// Input is parsed by our own grammar and turned into lunr query objects; it never reaches lunr's parser.
import type lunr from 'lunr';
import { HELP, type Answer, type AnswerBody, type QueryEcho, type ResultItem } from './answer.js';
import { isLang, type Lang } from './i18n/catalog.js';
import type { KnowledgeBase } from './records/load.js';
import type { Kind, RightsRecord } from './records/schema.js';
import { MAX_INPUT_CHARS, parseQuery, type ParsedQuery } from './query/parse.js';
import { QueryExpander, type TermGroup } from './search/expand.js';
import { orderByFit, resolveFilters, type RecordFilter } from './search/filters.js';
import { buildRelations, presentRecord, type RelationIndex } from './search/present.js';
import { editDistance, fold, words as toWords } from './search/text.js';
import { Ranker, type Hit } from './search/rank.js';
import { Answerer } from './qa/answerer.js';
import { EntityIndex, type EntityMention } from './qa/entities.js';
import { understand, type Question } from './qa/question.js';
import { grammar } from './qa/grammar.js';
import { detectLanguage } from './qa/language.js';
import { linkToken, stem, isStopWord } from './search/text.js';
import type { DirectAnswer } from './answer.js';
import type { VocabularyMap } from './search/wordnet.js';

export interface PageOptions {
  offset?: number;
  limit?: number;
}

export const DEFAULT_PAGE_SIZE = 5;
/** How much more a recognised entity counts in ranking than a word of the same rarity. */
const ENTITY_WEIGHT = 3;
/** Below this share of a question's information matched by any record, the answer says there is no record of it. */
const NO_RECORD_COVERAGE = 0.2;
const MAX_PAGE_SIZE = 100;
/** Longest record id looked up by `show` (ids are short slugs), and longest text autocomplete reads. */
const MAX_ID_CHARS = 100;
const MAX_SUGGEST_CHARS = 200;

export class Engine {
  private readonly expander: QueryExpander;
  private readonly relations: RelationIndex;
  private readonly ranker: Ranker;
  private readonly entities: EntityIndex;
  private readonly answerer: Answerer;
  /** Folded titles, for autocomplete as the user types. */
  private readonly foldedTitles = new Map<string, string>();

  constructor(
    readonly kb: KnowledgeBase,
    readonly index: lunr.Index,
    vocabulary: VocabularyMap | (() => VocabularyMap) = {},
  ) {
    // The glossary (language/glossary/) maps the words people use onto the records' own words; Spanish and
    // French function words are never searched.
    const g = grammar();
    const neverSearched = new Set([...(g.stopWords.get('es') ?? []), ...(g.stopWords.get('fr') ?? [])]);
    this.expander = new QueryExpander(kb, index, vocabulary, { phrases: g.phrases, neverSearched, honorifics: g.honorifics });
    this.relations = buildRelations(kb);
    this.ranker = new Ranker(kb, index);
    this.entities = new EntityIndex(kb);
    this.answerer = new Answerer(kb, (words, kind) => this.rankWords(words, kind), this.entities);
    for (const r of kb.records) this.foldedTitles.set(r.id, fold(r.title));
  }

  /** Answers what a user typed after `/rights`. Never throws on user input. */
  ask(text: string, page: PageOptions = {}, lang: Lang = 'en'): Answer {
    return this.answer(parseQuery(text), page, lang);
  }

  /**
   * Answers a parsed query. The answer's language is, in order: an explicit `lang:` filter, the language
   * the words are written in, the language of the kind word, then `fallback` (the user's locale).
   */
  answer(parsed: ParsedQuery, page: PageOptions = {}, fallback: Lang = 'en'): Answer {
    const answer = this.answerParsed(parsed, page, fallback);
    // Only the beginning of an overlong input was read: say so first, politely, with the limit in the answer's language.
    if (parsed.truncated && answer.type === 'results') {
      answer.notes.unshift({ key: 'results.inputTruncated', params: { max: inputLimit(answer.lang) } });
    }
    return answer;
  }

  private answerParsed(parsed: ParsedQuery, page: PageOptions, fallback: Lang): Answer {
    switch (parsed.command) {
      case 'help':
        return { type: 'help', reason: parsed.reason, help: HELP, lang: parsed.langHint ?? fallback };
      case 'themes':
        return { ...this.themesBody(), lang: fallback } as Answer;
      case 'show':
        return { ...this.showBody(parsed.id), lang: fallback } as Answer;
      case 'search': {
        const { body, lang } = this.search(parsed, page, fallback);
        // Record texts are curated in English: say so once when answering in another language.
        if (lang !== 'en' && body.type === 'results') body.notes.push({ key: 'results.englishOnly' });
        return { ...body, lang } as Answer;
      }
    }
  }

  /** How a text is read as a question (frame, expected answer, search words), for tools and tests. */
  understand(text: string): Question {
    const folded = toWords(text);
    return understand(folded, this.entities.find(folded), text, detectLanguage(text));
  }

  show(id: string, lang: Lang = 'en'): Answer {
    return { ...this.showBody(id), lang } as Answer;
  }

  themes(lang: Lang = 'en'): Answer {
    return { ...this.themesBody(), lang } as Answer;
  }

  private showBody(id: string): AnswerBody {
    // No id is longer than MAX_ID_CHARS: a longer one is not looked for, only cut and echoed back.
    const bounded = id.trim().slice(0, MAX_ID_CHARS);
    const record = id.trim().length <= MAX_ID_CHARS ? this.kb.byId.get(bounded.toLowerCase()) : undefined;
    if (record) return { type: 'record', item: presentRecord(record, 1, [], this.kb, this.relations, Infinity) };
    const suggestions = this.suggest(bounded.replace(/-/g, ' '), undefined, 5).map((s) => s.id);
    return { type: 'not-found', id: bounded.length < id.trim().length ? `${bounded}…` : id, suggestions };
  }

  /** Every record of a kind (or all), in curated order. */
  list(kind?: Kind): RightsRecord[] {
    return this.kb.records.filter((r) => kind === undefined || r.kind === kind);
  }

  private themesBody(): AnswerBody {
    const counts = this.themeCounts();
    return { type: 'themes', themes: this.kb.taxonomy.themes.map((t) => ({ id: t.id, label: t.label, count: counts.get(t.id) ?? 0 })) };
  }

  private themeCountsCache?: Map<string, number>;
  /** How many records carry each theme. */
  private themeCounts(): Map<string, number> {
    if (!this.themeCountsCache) {
      this.themeCountsCache = new Map();
      for (const r of this.kb.records) for (const t of r.themes) this.themeCountsCache.set(t, (this.themeCountsCache.get(t) ?? 0) + 1);
    }
    return this.themeCountsCache;
  }

  /** Record titles for autocomplete: best matches for a partial query, at most `limit`. */
  suggest(prefix: string, kind?: Kind, limit = 25): { id: string; title: string }[] {
    // What the user typed is bounded first: no title is longer than a few hundred characters.
    const typed = prefix.slice(0, MAX_SUGGEST_CHARS);
    const pool = this.list(kind);
    const key = fold(typed);
    if (key === '') return pool.slice(0, limit).map(({ id, title }) => ({ id, title }));
    const title = (r: RightsRecord) => this.foldedTitles.get(r.id) ?? '';
    const starts = pool.filter((r) => title(r).startsWith(key));
    const contains = pool.filter((r) => !starts.includes(r) && title(r).includes(key));
    let picked = [...starts, ...contains];
    if (picked.length < limit) {
      const seen = new Set(picked.map((r) => r.id));
      picked = picked.concat(this.rank(toWords(typed), kind).map((h) => h.record).filter((r) => !seen.has(r.id)));
    }
    return picked.slice(0, limit).map(({ id, title }) => ({ id, title }));
  }

  private search(parsed: Extract<ParsedQuery, { command: 'search' }>, page: PageOptions, fallback: Lang): { body: AnswerBody; lang: Lang } {
    this.memo.clear();
    const typed = toWords(parsed.words.join(' '));
    const full = parsed.kindWord ? [...toWords(parsed.kindWord), ...typed] : typed;
    // One language decision: an explicit lang: filter, the words themselves, the kind word, then the
    // caller's fallback (the platform's locale, then the channel's setting, then English).
    const explicit = isLang(parsed.filters.lang) ? parsed.filters.lang : undefined;
    const lang = explicit ?? detectLanguage([parsed.kindWord ?? '', ...parsed.words].join(' ')) ?? parsed.langHint ?? fallback;
    const named = this.entities.find(full);
    const question = understand(full, named, parsed.text, lang);
    // The first word is a kind only in a command-style query: not in a question, nor when it starts a name.
    const kindIsWord = parsed.kindWord !== undefined && (question.question || named.some((m) => m.start === 0));
    const asQuestion = question.question || kindIsWord;
    // Stop words of the query's language are never searched, question or not.
    const stops = grammar().stopWords.get(lang);
    const words = asQuestion ? question.words : lang === 'en' ? typed : typed.filter((w) => !stops?.has(w));
    const groups = this.expander.expand(words);
    const grammarKind = parsed.kindWord && kindIsWord ? undefined : parsed.kind;
    let kind = grammarKind ?? question.kind;
    let hits: Hit[] | undefined;
    let direct: DirectAnswer | undefined;
    const mentions = this.entities.find(words);
    const answered = asQuestion || question.frame || question.kind ? this.answerer.answer({ ...question, words, kind: kind ?? question.kind }, mentions, lang) : undefined;
    if (answered && (grammarKind === undefined || answered.kind === grammarKind)) {
      hits = answered.hits;
      direct = answered.direct;
      kind = answered.kind;
    } else if (asQuestion && !kind && question.asks === 'person' && question.frame) kind = 'speaker';
    if (hits === undefined && asQuestion && groups.length > 0) {
      // A question whose words no record holds gets an honest "no record", then the nearest records:
      // never when a record it names was found, nor when the first result matches most of it.
      hits = this.rankWords(words, kind);
      const best = hits.reduce((m, h) => Math.max(m, h.coverage), 0);
      if (mentions.length === 0 && best < NO_RECORD_COVERAGE) direct = this.answerer.noRecord(lang);
    }
    const body = this.searchBody({ ...parsed, kind }, page, words, groups, hits, direct);
    return { body, lang };
  }

  private searchBody(
    parsed: Extract<ParsedQuery, { command: 'search' }>,
    page: PageOptions,
    words: string[],
    groups: TermGroup[],
    answered?: Hit[],
    direct?: DirectAnswer,
  ): AnswerBody {
    const echo: QueryEcho = { text: parsed.text, phrase: parsed.words.join(' '), kind: parsed.kind, terms: words, filters: parsed.filters };
    const filters = resolveFilters(parsed.filters, this.kb);
    if (!filters.ok) return { type: 'help', reason: filters.reason, help: HELP };

    const hits =
      answered ??
      (groups.length === 0 && parsed.words.length > 0
        ? [] // only stop words or symbols: nothing to look for
        : groups.length === 0
          ? orderByFit(this.list(parsed.kind), filters.fit).map((record) => ({ record, score: 0, coverage: 0 }))
          : this.rankWords(words, parsed.kind));
    const matching = hits.filter((h) => filters.test(h.record));
    if (matching.length === 0) return { ...this.empty(echo, words, parsed.kind, filters.test, groups), ...(direct ? { direct } : {}) };

    const offset = Math.max(0, Math.floor(page.offset ?? 0));
    const limit = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(page.limit ?? DEFAULT_PAGE_SIZE)));
    const items: ResultItem[] = matching
      .slice(offset, offset + limit)
      .map((h) => presentRecord(h.record, round(h.score), words, this.kb, this.relations));
    const notes = [...filters.notes, ...groups.filter((g) => g.fuzzy).map((g) => ({ key: 'results.fuzzy', params: { words: g.words.join(' ') } }))];
    return { type: 'results', query: echo, total: matching.length, offset, items, notes, ...(direct ? { direct } : {}) };
  }

  /** Rankings already made while answering the current query (an answer may need the same one twice). */
  private readonly memo = new Map<string, Hit[]>();

  /** Ranked records for words: recognised entities become strong groups on the fields that hold them. */
  private rankWords(words: readonly string[], kind?: Kind): Hit[] {
    const key = `${kind ?? ''}|${words.join(' ')}`;
    let hits = this.memo.get(key);
    if (!hits) {
      hits = this.rankUncached(words, kind);
      this.memo.set(key, hits);
    }
    return hits;
  }

  private rankUncached(words: readonly string[], kind?: Kind): Hit[] {
    const mentions = this.entities.find(words);
    if (mentions.length === 0) return this.rank([...words], kind);
    const covered = new Set<number>();
    const spans = new Map<string, EntityMention[]>();
    for (const m of mentions) {
      for (let i = m.start; i < m.end; i++) covered.add(i);
      const key = `${m.start}:${m.end}`;
      spans.set(key, [...(spans.get(key) ?? []), m]);
    }
    const groups = this.expander.expand(words.filter((_, i) => !covered.has(i)));
    for (const span of spans.values()) {
      const terms = new Map<string, number>();
      for (const w of span[0]?.words ?? []) if (!isStopWord(w)) terms.set(stem(w), 1);
      for (const m of span) {
        for (const id of m.ids) {
          const r = this.kb.byId.get(id);
          const type = r?.kind === 'speaker' || r?.kind === 'treaty' || r?.kind === 'session' ? r.kind : undefined;
          if (type) terms.set(stem(linkToken(type, id)), 1);
        }
      }
      groups.push({ words: span[0]?.words ?? [], terms, fuzzy: false, weight: ENTITY_WEIGHT });
    }
    return this.ranker.rank(words, groups, kind);
  }

  private rank(words: string[], kind?: Kind, groups = this.expander.expand(words)): Hit[] {
    return this.ranker.rank(words, groups, kind);
  }

  private empty(echo: QueryEcho, words: string[], kind: Kind | undefined, test: RecordFilter, groups: TermGroup[]): AnswerBody {
    // How many records of other kinds match is data (`elsewhere`), for each renderer to say in the asker's language.
    const elsewhere = kind ? this.rank(words, undefined, groups).filter((h) => test(h.record)).length : 0;
    const suggestions: string[] = [];
    for (const word of words.filter((w) => w.length >= 4 && w.length <= 20)) {
      for (const near of this.nearbyWords(word)) if (!suggestions.includes(near)) suggestions.push(near);
    }
    const themes = this.popularThemes();
    const room = elsewhere > 0 ? 1 : 0;
    return {
      type: 'empty',
      query: echo,
      suggestions: [...suggestions.slice(0, 5 - room), ...themes].slice(0, 8 - room),
      ...(elsewhere > 0 ? { elsewhere: { query: words.join(' '), total: elsewhere } } : {}),
    };
  }


  /** Words of the corpus within two edits of `word`. */
  private nearbyWords(word: string): string[] {
    const byLength = this.vocabulary();
    const near: string[] = [];
    for (let length = word.length - 2; length <= word.length + 2; length++) {
      for (const v of byLength.get(length) ?? []) if (v !== word && editDistance(v, word) <= 2) near.push(v);
    }
    return near.sort().slice(0, 3);
  }

  private vocabularyCache?: Map<number, string[]>;
  /** Title and theme words of the corpus, by length (suggestions compare only similar lengths). */
  private vocabulary(): Map<number, string[]> {
    if (!this.vocabularyCache) {
      const words = new Set(
        this.kb.records
          .flatMap((r) => fold(`${r.title} ${r.themes.join(' ')}`).split(' '))
          .concat(this.kb.taxonomy.themes.flatMap((t) => fold(`${t.label} ${t.synonyms.join(' ')}`).split(' ')))
          .filter((w) => w.length >= 4),
      );
      this.vocabularyCache = new Map();
      for (const w of words) this.vocabularyCache.set(w.length, [...(this.vocabularyCache.get(w.length) ?? []), w]);
    }
    return this.vocabularyCache;
  }

  /** A few theme filters to try, the most used first. */
  private popularThemes(): string[] {
    const counts = this.themeCounts();
    return this.kb.taxonomy.themes
      .map((t) => t.id)
      .sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0))
      .slice(0, 4)
      .map((id) => `theme:${id}`);
  }
}

const inputLimits = new Map<Lang, string>();
/** MAX_INPUT_CHARS written for people in a language ("4,000", "4000", "4 000"), made once per language. */
function inputLimit(lang: Lang): string {
  let text = inputLimits.get(lang);
  if (text === undefined) inputLimits.set(lang, (text = new Intl.NumberFormat(lang).format(MAX_INPUT_CHARS)));
  return text;
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
