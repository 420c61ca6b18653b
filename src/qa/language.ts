// One language decision per query: which of English, Spanish and French the words are written in.
// Short queries count: function words (weighted by how many languages share them), diacritics and
// inverted marks, and glossary words that only one language uses. Ambiguous text decides nothing: the
// caller falls back to the platform's locale, then the channel's setting, then English.
import type { Lang } from '../i18n/catalog.js';
import { fold } from '../search/text.js';
import { grammar } from './grammar.js';

/** How far ahead the best language must be to be chosen. */
const MARGIN = 0.5;

const ES_MARKS = /[ñ¿¡]|[áíóú](?!\p{L}*[èêëçàâîôûœ])/u;
const FR_MARKS = /[èêëçàâîôûœù]/u;

export interface LanguageScores {
  en: number;
  es: number;
  fr: number;
}

/** Scores of each language for a text as typed (accents and marks still in it). */
export function languageScores(text: string): LanguageScores {
  const g = grammar();
  const scores: LanguageScores = { en: 0, es: 0, fr: 0 };
  const raw = text.slice(0, 2000);
  if (/[¿¡ñ]/u.test(raw)) scores.es += 1.5;
  for (const m of raw.matchAll(/\p{L}+/gu)) {
    const word = m[0].toLowerCase();
    if (FR_MARKS.test(word)) scores.fr += 0.75;
    else if (ES_MARKS.test(word)) scores.es += 0.5;
  }
  // French elisions: l'homme, d'asile, qu'est-ce.
  if (/\b(?:l|d|qu|j|n|s|c)['’]\p{L}/iu.test(raw)) scores.fr += 1;
  const words = fold(raw.replace(/['’]/g, ' ')).split(' ').filter(Boolean);
  for (const w of words) {
    for (const [lang, weight] of g.markers.get(w) ?? []) scores[lang] += weight;
    // A Spanish or French glossary word only (detención, rétention) is evidence; English record words are
    // not, people type them in every language ("recommendations"); a word several languages share says nothing.
    const foreign = g.foreignWords.get(w);
    if (foreign) scores[foreign] += 0.75;
  }
  return scores;
}

/** The language the text is written in, or undefined when it does not clearly tell. */
export function detectLanguage(text: string): Lang | undefined {
  const s = languageScores(text);
  const ranked = (Object.entries(s) as [Lang, number][]).sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] < 0.75) return undefined;
  return first[1] - (second?.[1] ?? 0) >= MARGIN ? first[0] : undefined;
}
