// Message catalogs: every word the bot says about itself, in English, Spanish and French.
// Renderers look strings up here (or in their adapter's own catalog) instead of hard-coding them.
import { formatMessage } from './plural.js';

export const LANGS = ['en', 'es', 'fr'] as const;
export type Lang = (typeof LANGS)[number];

export type Catalog = Record<string, string>;
export type Catalogs = Record<Lang, Catalog>;

/**
 * Looks up `key` in `lang`, falling back to English, and fills `{name}` placeholders and plural forms
 * (`{n, plural, one {# treaty} other {# treaties}}`, chosen by the language's plural rules: see plural.ts).
 */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

export function translator(lang: Lang, ...catalogs: Catalogs[]): Translate {
  const find = (l: Lang, key: string) => catalogs.find((c) => Object.hasOwn(c[l], key))?.[l][key];
  return (key, params = {}) => {
    const own = find(lang, key);
    // A message found only in English is filled by English plural rules.
    const text = own ?? find('en', key);
    return text === undefined ? key : formatMessage(text, params, own === undefined ? 'en' : lang);
  };
}

export function isLang(value: string | undefined): value is Lang {
  return value !== undefined && (LANGS as readonly string[]).includes(value);
}

/** Maps a platform locale (Discord's "es-ES", Slack's "fr-FR") to a supported language. */
export function langFromLocale(locale: string | undefined): Lang | undefined {
  const base = locale?.slice(0, 2).toLowerCase();
  return isLang(base) ? base : undefined;
}
