// Fills catalog strings: `{name}` placeholders and ICU-style plurals chosen by the language's CLDR rules
// (Intl.PluralRules). https://unicode-org.github.io/icu/userguide/format_parse/messages/#complex-argument-types
//   '{total, plural, one {# result} other {# results}}'   ('#' is the number; '=0 {…}' matches exactly)
// A subset of ICU MessageFormat: no select, no apostrophe quoting; anything unparsed is left as written.

export type MessageParams = Record<string, string | number>;

const rulesByLang = new Map<string, Intl.PluralRules>();

/** The CLDR plural category of `n` in `lang`: 'one', 'other', and for some languages 'many'… (French 0 and 1 are 'one'). */
export function pluralCategory(lang: string, n: number): Intl.LDMLPluralRule {
  let rules = rulesByLang.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    rulesByLang.set(lang, rules);
  }
  return rules.select(n);
}

/** Replaces every `{name}` and `{name, plural, …}` in `text`; a placeholder without its parameter stays as written. */
export function formatMessage(text: string, params: MessageParams, lang: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open === -1) break;
    const close = matchingBrace(text, open);
    if (close === -1) break;
    out += text.slice(i, open) + formatArgument(text.slice(open + 1, close), text.slice(open, close + 1), params, lang);
    i = close + 1;
  }
  return out + text.slice(i);
}

function formatArgument(inner: string, whole: string, params: MessageParams, lang: string): string {
  const simple = /^\s*(\w+)\s*$/.exec(inner);
  if (simple) {
    const name = simple[1] ?? '';
    return Object.hasOwn(params, name) ? String(params[name]) : whole;
  }
  const plural = /^\s*(\w+)\s*,\s*plural\s*,([\s\S]*)$/.exec(inner);
  const name = plural?.[1] ?? '';
  const value = Object.hasOwn(params, name) ? Number(params[name]) : NaN;
  const branches = plural ? parseBranches(plural[2] ?? '') : undefined;
  if (!branches || !Number.isFinite(value)) return whole;
  const branch = branches.get(`=${value}`) ?? branches.get(pluralCategory(lang, value)) ?? branches.get('other');
  if (branch === undefined) return whole;
  return formatMessage(replaceHash(branch, String(params[name])), params, lang);
}

/** `one {…} other {…}` → selector → text; undefined when malformed. */
function parseBranches(source: string): Map<string, string> | undefined {
  const branches = new Map<string, string>();
  let i = 0;
  for (;;) {
    const selector = /^\s*(=\d+(?:\.\d+)?|[a-z]+)\s*\{/.exec(source.slice(i));
    if (!selector) break;
    const open = i + selector[0].length - 1;
    const close = matchingBrace(source, open);
    if (close === -1) return undefined;
    branches.set(selector[1] ?? '', source.slice(open + 1, close));
    i = close + 1;
  }
  return source.slice(i).trim() === '' && branches.has('other') ? branches : undefined;
}

/** `#` stands for the number, except inside a nested argument (which has its own). */
function replaceHash(branch: string, number: string): string {
  let depth = 0;
  let out = '';
  for (const ch of branch) {
    if (ch === '{') depth++;
    else if (ch === '}') depth--;
    out += ch === '#' && depth === 0 ? number : ch;
  }
  return out;
}

/** Index of the `}` closing the `{` at `open`, or -1. */
function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}
