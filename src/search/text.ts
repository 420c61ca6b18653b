// Text normalisation shared by indexing and querying, so both sides see the same terms.
// lunr's trimmer only knows ASCII letters: accents are folded before lunr sees any text.
import lunr from 'lunr';

const MAX_QUERY_CHARS = 500;
const MAX_TOKENS = 24;

/** Lowercase, strip accents (NFD + drop combining marks), keep letters and digits. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/(\w)[’'](s)\b/g, '$1$2') // children's → childrens (English possessive stays one word)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Words of user text, folded, bounded in number so a pasted page cannot cost much. */
export function words(text: string): string[] {
  // A possessive is its noun in a question ("Lilius's job" → lilius), unlike in record text.
  const folded = fold(text.slice(0, MAX_QUERY_CHARS * 4).replace(/(\p{L})['’]s\b/gu, '$1'));
  return folded === '' ? [] : folded.split(' ').slice(0, MAX_TOKENS);
}

export function stem(word: string): string {
  return lunr.stemmer(new lunr.Token(word, {})).toString();
}

export function isStopWord(word: string): boolean {
  return lunr.stopWordFilter(new lunr.Token(word, {})) === undefined;
}

/** Matches the synthetic link tokens made by linkToken (they are never shown or corrected). */
export const LINK_TOKEN = /^x(theme|group|treaty|speaker|addressee|session)/;

/** A synthetic index token that links a record to a theme, group, treaty or speaker id. */
export function linkToken(type: 'theme' | 'group' | 'treaty' | 'speaker' | 'addressee' | 'session', id: string): string {
  return `x${type}${id.replace(/[^a-z0-9]/g, '')}`;
}

/** Levenshtein distance, small inputs only. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
