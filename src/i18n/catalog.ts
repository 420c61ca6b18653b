// Message catalogs: every word the bot says about itself, in English, Spanish and French.
// Renderers look strings up here (or in their adapter's own catalog) instead of hard-coding them.

export const LANGS = ['en', 'es', 'fr'] as const;
export type Lang = (typeof LANGS)[number];

export type Catalog = Record<string, string>;
export type Catalogs = Record<Lang, Catalog>;

/** Looks up `key` in `lang`, falling back to English, and fills `{name}` placeholders. */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

export function translator(lang: Lang, ...catalogs: Catalogs[]): Translate {
  return (key, params = {}) => {
    let text: string | undefined;
    for (const c of catalogs) text ??= c[lang][key];
    for (const c of catalogs) text ??= c.en[key];
    if (text === undefined) return key;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
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
