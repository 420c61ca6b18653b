// The one query grammar of every surface (slash command, mention, CLI, console):
//   [kind] words… [theme:x] [year:2006] [by:gfmd] [for:local-governments]
// Parsing produces plain data; nothing here ever reaches lunr's query parser.
import type { Kind } from '../records/schema.js';
import { editDistance, fold, isStopWord } from '../search/text.js';
import { grammar } from '../qa/grammar.js';
import type { Message } from '../answer.js';
import type { Lang } from '../i18n/catalog.js';

export type FilterName = 'theme' | 'year' | 'by' | 'for' | 'kind' | 'lang';

export interface QueryFilters {
  theme?: string[];
  year?: number;
  by?: string;
  for?: string;
  kind?: Kind;
  lang?: string;
}

export type ParsedQuery = (
  | {
      command: 'search';
      text: string;
      kind?: Kind;
      /** The first word, when it was read as the kind: the engine gives it back when it starts a name or a question. */
      kindWord?: string;
      words: string[];
      filters: QueryFilters;
      langHint?: Lang;
    }
  | { command: 'show'; text: string; id: string }
  | { command: 'themes'; text: string }
  | { command: 'help'; text: string; reason?: Message; langHint?: Lang }
) & {
  /** Set when the input was longer than MAX_INPUT_CHARS: only its beginning was read (the answer says so). */
  truncated?: true;
};

/**
 * Longest input read, as Slack caps a slash command's text: the rest of a huge paste is left out, never an
 * error, and the answer says so. (The search itself reads far fewer words: see words() in search/text.ts.)
 */
export const MAX_INPUT_CHARS = 4_000;

/** The input's first MAX_INPUT_CHARS characters, ending at a word boundary where there is one in the second half. */
function cutInput(input: string): { text: string; truncated: boolean } {
  if (input.length <= MAX_INPUT_CHARS) return { text: input, truncated: false };
  let text = input.slice(0, MAX_INPUT_CHARS);
  const boundary = text.search(/\s\S*$/);
  if (boundary > MAX_INPUT_CHARS / 2) text = text.slice(0, boundary);
  else if (/[\uD800-\uDBFF]$/.test(text)) text = text.slice(0, -1); // never half an emoji
  return { text: text.trim(), truncated: true };
}

// Kind words (the first word of a command-style query) are data: `command_kinds` in language/<lang>.yaml.
// "people", "who", "personas", "qui" are not kind words: "people fleeing…" is a search, not a list of speakers.

const FILTER_NAMES: Record<string, FilterName> = {
  theme: 'theme', themes: 'theme', topic: 'theme', tema: 'theme',
  year: 'year', ano: 'year', annee: 'year',
  by: 'by', from: 'by', por: 'by', par: 'by',
  for: 'for', to: 'for', para: 'for', pour: 'for',
  kind: 'kind', type: 'kind', tipo: 'kind',
  lang: 'lang', language: 'lang', idioma: 'lang', langue: 'lang',
};

export const FILTER_HELP = ['theme:children', 'year:2006', 'by:gfmd', 'for:local-governments'];

/** Words that ask for help in any of the supported languages. */
const HELP_WORDS: Record<string, Lang | undefined> = { help: 'en', ayuda: 'es', aide: 'fr', '?': undefined, usage: 'en' };

/** Polite words that may follow a request for help. */
const POLITE = new Set(['please', 'pls', 'favor', 'plait', 'merci', 'gracias', 'thanks']);

/** Words that show one record (`show <id>`), with the language only their speakers type. */
const SHOW_WORDS: Record<string, Lang | undefined> = { show: undefined, mostrar: 'es', voir: 'fr' };

/** The kind a word names; long words also match with one typo ("recomendations"). */
export function kindFromWord(word: string): Kind | undefined {
  const key = fold(word);
  const kinds = grammar().commandKinds;
  const exact = kinds.get(key);
  if (exact || key.length < KIND_TYPO_MIN_LENGTH) return exact;
  // One typo away means at most one letter longer or shorter: a 4,000-letter word is compared with nothing.
  const near = [...kinds.keys()].find((w) => w.length >= KIND_TYPO_MIN_LENGTH && Math.abs(w.length - key.length) <= 1 && editDistance(w, key) === 1);
  return near ? kinds.get(near) : undefined;
}

const KIND_TYPO_MIN_LENGTH = 8;

export function parseQuery(input: string): ParsedQuery {
  // Control characters become spaces; a huge paste is cut, never rejected, and flagged.
  const { text, truncated } = cutInput(input.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').trim());
  const parsed = parseText(text);
  return truncated ? { ...parsed, truncated: true } : parsed;
}

function parseText(text: string): ParsedQuery {
  const parts = text.split(/\s+/).filter(Boolean);
  const first = parts[0] ? fold(parts[0]) : '';
  if (parts.length === 0) return { command: 'help', text };
  // "help", "help me", "ayuda por favor" ask for help; "help for migrants in court" is a search.
  const onlyFunctionWords = parts.slice(1).every((p) => fold(p).split(' ').every((w) => w === '' || isStopWord(w) || grammar().anyStopWord.has(w) || POLITE.has(w)));
  if (parts[0] === '?' || (Object.hasOwn(HELP_WORDS, first) && onlyFunctionWords)) return { command: 'help', text, langHint: HELP_WORDS[first] };
  if (first === 'themes' || first === 'temas' || first === 'theme' || first === 'tema') return { command: 'themes', text };
  if (Object.hasOwn(SHOW_WORDS, first)) {
    const id = (parts[1] ?? '').toLowerCase().replace(/[^a-z0-9-]/g, '');
    // "show" alone (or with nothing id-like after it) asks how to show, not for records about the word "show".
    if (id === '') return { command: 'help', text, reason: { key: 'reason.showNeedsId', params: { word: first } }, langHint: SHOW_WORDS[first] };
    return { command: 'show', text, id };
  }

  let kind = kindFromWord(parts[0] ?? '');
  const kindWord = kind ? parts[0] : undefined;
  const rest = kind ? parts.slice(1) : parts;
  const filters: QueryFilters = {};
  const words: string[] = [];
  for (const part of rest) {
    const filter = /^([\p{L}_]+):(.+)$/u.exec(part);
    if (!filter || filter[2]?.startsWith('//')) {
      words.push(part);
      continue;
    }
    const key = fold(filter[1] ?? '').replace(/ /g, '');
    const name = Object.hasOwn(FILTER_NAMES, key) ? FILTER_NAMES[key] : undefined;
    const value = (filter[2] ?? '').trim();
    if (!name) return { command: 'help', text, reason: { key: 'reason.unknownFilter', params: { name: filter[1] ?? '', filters: FILTER_HELP.join(' ') } } };
    switch (name) {
      case 'theme':
        // Each theme once: a paste repeating theme:x hundreds of times costs one lookup.
        filters.theme = [...new Set([...(filters.theme ?? []), ...value.split(',').map((v) => v.trim()).filter(Boolean)])];
        break;
      case 'year': {
        if (!/^\d{4}$/.test(value)) return { command: 'help', text, reason: { key: 'reason.year', params: { value } } };
        filters.year = Number(value);
        break;
      }
      case 'kind': {
        const k = kindFromWord(value);
        if (!k) return { command: 'help', text, reason: { key: 'reason.kind', params: { value } } };
        kind = k;
        break;
      }
      case 'lang': {
        const lang = fold(value);
        if (!['en', 'es', 'fr'].includes(lang)) return { command: 'help', text, reason: { key: 'reason.lang', params: { value } } };
        filters.lang = lang;
        break;
      }
      case 'by':
      case 'for':
        filters[name] = value;
        break;
    }
  }
  const fromWord = kindWord !== undefined && kind === kindFromWord(kindWord);
  return { command: 'search', text, kind, ...(fromWord ? { kindWord } : {}), words, filters, langHint: kind ? grammar().commandKindLang.get(fold(parts[0] ?? '')) : undefined };
}
