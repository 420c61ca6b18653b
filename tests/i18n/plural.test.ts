// Plural forms in catalog strings ({n, plural, one {…} other {…}}) follow each language's rules: English and
// Spanish say "1 treaty" / "0 treaties", French "0 traité" / "1 traité" / "2 traités".
import { describe, expect, it } from 'vitest';
import { formatMessage, pluralCategory } from '../../src/i18n/plural.js';
import { translator, type Catalogs } from '../../src/i18n/catalog.js';
import { MESSAGES } from '../../src/i18n/messages.js';
import { SLACK_MESSAGES } from '../../adapters/slack/messages.js';
import { DISCORD_MESSAGES } from '../../adapters/discord/messages.js';

const TREATIES = '{n, plural, one {# treaty} other {# treaties}}';

describe('formatMessage', () => {
  it.each([
    ['en', 0, '0 treaties'],
    ['en', 1, '1 treaty'],
    ['en', 2, '2 treaties'],
    ['en', 16, '16 treaties'],
    ['es', 0, '0 treaties'],
    ['es', 1, '1 treaty'],
    ['fr', 0, '0 treaty'], // French: 0 is singular
    ['fr', 1, '1 treaty'],
    ['fr', 2, '2 treaties'],
  ])('%s, %i → %s', (lang, n, expected) => {
    expect(formatMessage(TREATIES, { n }, lang)).toBe(expected);
  });

  it('uses the CLDR categories of Intl.PluralRules', () => {
    expect(['en', 'es', 'fr'].map((lang) => [0, 1, 2].map((n) => pluralCategory(lang, n)))).toEqual([
      ['other', 'one', 'other'],
      ['other', 'one', 'other'],
      ['one', 'one', 'other'],
    ]);
  });

  it('prefers an exact =N branch, and falls back to other for a category without a branch', () => {
    const text = '{n, plural, =0 {none} one {# item} other {# items}}';
    expect(formatMessage(text, { n: 0 }, 'fr')).toBe('none');
    expect(formatMessage(text, { n: 1 }, 'fr')).toBe('1 item');
    // 1,000,000 is "many" in French; there is no many branch here.
    expect(formatMessage(text, { n: 1_000_000 }, 'fr')).toBe('1000000 items');
  });

  it('fills placeholders inside a branch and around it, and # only for its own number', () => {
    const text = '{title} was adopted {years, plural, one {# year} other {# years}} ago, on {date}; {n, plural, one {# item in {title}} other {# items}}.';
    expect(formatMessage(text, { title: 'CRC', years: 1, date: '1989-11-20', n: 1 }, 'en')).toBe('CRC was adopted 1 year ago, on 1989-11-20; 1 item in CRC.');
    expect(formatMessage('{a, plural, one {# {b, plural, one {# b} other {# bs}}} other {# as}}', { a: 1, b: 3 }, 'en')).toBe('1 3 bs');
  });

  it('leaves what it cannot fill as written', () => {
    expect(formatMessage('{missing} and {n}', { n: 3 }, 'en')).toBe('{missing} and 3');
    expect(formatMessage(TREATIES, {}, 'en')).toBe(TREATIES);
    expect(formatMessage(TREATIES, { n: 'many' }, 'en')).toBe(TREATIES);
    expect(formatMessage('{n, plural, one {# x}}', { n: 2 }, 'en')).toBe('{n, plural, one {# x}}'); // no other branch
    expect(formatMessage('open { brace', { n: 1 }, 'en')).toBe('open { brace');
    expect(formatMessage('{n} {constructor}', { n: 1 }, 'en')).toBe('1 {constructor}');
  });

  it('does not read braces or # in parameter values as syntax', () => {
    expect(formatMessage('{q} {n, plural, one {# x} other {# xs}}', { q: '{n} #', n: 2 }, 'en')).toBe('{n} # 2 xs');
  });
});

describe('translator', () => {
  it('picks the form by the answer language', () => {
    const counts = (lang: 'en' | 'es' | 'fr') => [0, 1, 2].map((n) => translator(lang, MESSAGES)('count.treaty', { n }));
    expect(counts('en')).toEqual(['0 treaties', '1 treaty', '2 treaties']);
    expect(counts('es')).toEqual(['0 tratados', '1 tratado', '2 tratados']);
    expect(counts('fr')).toEqual(['0 traité', '1 traité', '2 traités']);
  });

  it('says results counts without hand-made plurals', () => {
    const count = (lang: 'en' | 'es' | 'fr', total: number) => translator(lang, MESSAGES)('results.count', { total, from: 1, to: total });
    expect(count('en', 1)).toBe('1 found, showing 1–1');
    // Regression: Spanish said "1 encontrados", French "1 trouvés".
    expect(count('es', 1)).toBe('1 resultado, del 1 al 1');
    expect(count('es', 3)).toBe('3 resultados, del 1 al 3');
    expect(count('fr', 1)).toBe('1 résultat, de 1 à 1');
    expect(count('fr', 3)).toBe('3 résultats, de 1 à 3');
  });

  it('says anniversaries and "more" in the digest with the right forms', () => {
    const reason = { title: 'X', date: '2025-12-18' };
    expect(translator('en', MESSAGES)('digest.reason.adopted', { ...reason, years: 1 })).toBe('X was adopted 1 year ago, on 2025-12-18.');
    expect(translator('es', MESSAGES)('digest.reason.in_force', { ...reason, years: 1 })).toBe('X entró en vigor hace 1 año, el 2025-12-18.');
    expect(translator('fr', MESSAGES)('digest.reason.session', { ...reason, years: 2 })).toBe('X s’est tenu il y a 2 ans, le 2025-12-18.');
    expect(translator('en', MESSAGES)('digest.newMore', { n: 1 })).toBe('…and 1 more record.');
    expect(translator('es', MESSAGES)('digest.newMore', { n: 2 })).toBe('…y 2 fichas más.');
    expect(translator('fr', MESSAGES)('digest.newMore', { n: 1 })).toBe('… et 1 autre fiche.');
  });

  it('fills a message found only in English with English rules', () => {
    const only: Catalogs = { en: { k: '{n, plural, one {# cat} other {# cats}}' }, es: {}, fr: {} };
    expect(translator('fr', only)('k', { n: 0 })).toBe('0 cats');
  });
});

describe('every catalog message', () => {
  const catalogs: [string, Catalogs][] = [
    ['core', MESSAGES],
    ['slack', SLACK_MESSAGES],
    ['discord', DISCORD_MESSAGES],
  ];
  for (const [name, catalog] of catalogs) {
    it(`${name}: every plural parses for 0, 1, 2 and 21 in its language`, () => {
      for (const lang of ['en', 'es', 'fr'] as const) {
        for (const [key, text] of Object.entries(catalog[lang])) {
          if (!text.includes('plural')) continue;
          const names = [...text.matchAll(/\{(\w+)/g)].map((m) => m[1] ?? '');
          for (const n of [0, 1, 2, 21]) {
            const out = formatMessage(text, Object.fromEntries(names.map((x) => [x, n])), lang);
            expect(out, `${name} ${lang} ${key}`).not.toMatch(/[{}#]|plural/);
          }
        }
      }
    });

    it(`${name}: counts are never written as "{n} things" by hand`, () => {
      for (const lang of ['en', 'es', 'fr'] as const) {
        for (const [key, text] of Object.entries(catalog[lang])) {
          // A bare number placeholder followed by a counted word ("{total} encontrados", "{years} ans").
          expect(text, `${name} ${lang} ${key}`).not.toMatch(/\{\w+\} (encontrad|trouvé|results?\b|resultados?|résultats?|years?\b|años?\b|ans?\b|records?\b|fichas?\b|fiches?\b)/u);
        }
      }
    });
  }
});
