// Spanish and French stemmers from lunr-languages, used on lexicon terms and query words only
// (the index stays English: lunr-notes.md explains why a multi-language pipeline over-stems).
import { createRequire } from 'node:module';
import lunr from 'lunr';
import type { Lang } from './catalog.js';

type Stemmer = (token: lunr.Token) => lunr.Token;
const require = createRequire(import.meta.url);
const languages = lunr as unknown as { es?: { stemmer: Stemmer }; fr?: { stemmer: Stemmer } };
if (!languages.es || !languages.fr) {
  (require('lunr-languages/lunr.stemmer.support') as (l: typeof lunr) => void)(lunr);
  (require('lunr-languages/lunr.es') as (l: typeof lunr) => void)(lunr);
  (require('lunr-languages/lunr.fr') as (l: typeof lunr) => void)(lunr);
}

/** Stems a folded word with the Spanish or French stemmer. */
export function stemIn(lang: Exclude<Lang, 'en'>, word: string): string {
  const stemmer = languages[lang]?.stemmer;
  return stemmer ? stemmer(new lunr.Token(word, {})).toString() : word;
}
