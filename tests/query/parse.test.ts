import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/query/parse.js';
import { MAX_INPUT_CHARS } from '../../src/query/parse.js';

describe('query grammar', () => {
  it.each([
    ['recommendations firewalls', 'recommendation'],
    ['recommendation firewalls', 'recommendation'],
    ['recs firewalls', 'recommendation'],
    ['treaties consular', 'treaty'],
    ['treaty consular', 'treaty'],
    ['instruments consular', 'treaty'],
    ['conventions consular', 'treaty'],
    ['sessions vienna', 'session'],
    ['events vienna', 'session'],
    ['meetings vienna', 'session'],
    ['speakers bustamante', 'speaker'],
    ['speakers bustamante', 'speaker'],
    ['ponentes bustamante', 'speaker'],
    ['Treaties consular', 'treaty'],
  ])('%s → kind %s', (input, kind) => {
    const q = parseQuery(input);
    expect(q.command).toBe('search');
    expect(q.command === 'search' && q.kind).toBe(kind);
    expect(q.command === 'search' && q.words).toHaveLength(1);
  });

  it('reads a long kind word with one typo', () => {
    expect(parseQuery('recomendations firewalls')).toMatchObject({ command: 'search', kind: 'recommendation', words: ['firewalls'] });
    expect(parseQuery('treatys consular')).toMatchObject({ kind: undefined }); // short words must be exact
  });

  // Regression: prototype names were read as kind words and filter names ("constructor" → Object's constructor).
  it('does not take prototype names for kinds or filters', () => {
    expect(parseQuery('constructor rights')).toMatchObject({ command: 'search', kind: undefined });
    expect(parseQuery('constructor:x')).toMatchObject({ command: 'help', reason: { key: 'reason.unknownFilter' } });
  });

  it('searches all kinds without a kind word', () => {
    expect(parseQuery('firewalls detention')).toMatchObject({ command: 'search', kind: undefined, words: ['firewalls', 'detention'] });
  });

  it('reads every filter', () => {
    expect(parseQuery('recommendations detention theme:children year:2006 by:gfmd for:local-governments')).toMatchObject({
      command: 'search',
      kind: 'recommendation',
      words: ['detention'],
      filters: { theme: ['children'], year: 2006, by: 'gfmd', for: 'local-governments' },
    });
  });

  it('reads Spanish and French filter names, keeping the values as typed for the filters to resolve', () => {
    expect(parseQuery('recomendaciones tema:niños para:estados')).toMatchObject({ filters: { theme: ['niños'], for: 'estados' } });
    expect(parseQuery('recommandations thème:détention pour:collectivités-locales')).toMatchObject({ filters: { theme: ['détention'], for: 'collectivités-locales' } });
    expect(parseQuery('recs theme:firewals for:local-government')).toMatchObject({ filters: { theme: ['firewals'], for: 'local-government' } });
  });

  it('splits a theme list', () => {
    expect(parseQuery('theme:children,detention')).toMatchObject({ filters: { theme: ['children', 'detention'] } });
  });

  it.each(['', '   ', 'help', 'HELP', '?'])('%j asks for help', (input) => {
    const q = parseQuery(input);
    expect(q.command).toBe('help');
    expect(q.command === 'help' && q.reason).toBeUndefined();
  });

  it('answers an unknown filter with help naming it', () => {
    expect(parseQuery('recommendations colour:red')).toMatchObject({ command: 'help', reason: { key: 'reason.unknownFilter', params: { name: 'colour' } } });
  });

  it('rejects a malformed year with help', () => {
    expect(parseQuery('sessions year:06')).toMatchObject({ command: 'help', reason: { key: 'reason.year' } });
  });

  it('keeps chat punctuation as words, not syntax', () => {
    expect(parseQuery('firewalls:')).toMatchObject({ command: 'search', words: ['firewalls:'] });
    expect(parseQuery('see https://gfmd.org/x')).toMatchObject({ command: 'search', words: ['see', 'https://gfmd.org/x'] });
  });

  it('reads show and themes commands', () => {
    expect(parseQuery('show gfmd-2017-working-session')).toMatchObject({ command: 'show', id: 'gfmd-2017-working-session' });
    expect(parseQuery('themes')).toMatchObject({ command: 'themes' });
  });

  // Regression: "show" alone searched records for the word "show" instead of saying how to use it.
  it.each([
    ['show', 'show', undefined],
    ['Show', 'show', undefined],
    ['  SHOW  ', 'show', undefined],
    ['mostrar', 'mostrar', 'es'],
    ['Mostrár', 'mostrar', 'es'],
    ['voir', 'voir', 'fr'],
    ['show !!!', 'show', undefined],
  ])('%j without an id asks for one, with usage help', (input, word, langHint) => {
    expect(parseQuery(input)).toEqual({ command: 'help', text: input.trim(), reason: { key: 'reason.showNeedsId', params: { word } }, langHint });
  });

  it('still shows a record when an id follows, in every language', () => {
    expect(parseQuery('mostrar vccr')).toMatchObject({ command: 'show', id: 'vccr' });
    expect(parseQuery('voir VCCR')).toMatchObject({ command: 'show', id: 'vccr' });
  });

  it('cuts a huge paste instead of failing', () => {
    const q = parseQuery('detention '.repeat(5000));
    expect(q.text.length).toBeLessThanOrEqual(MAX_INPUT_CHARS);
    expect(q.command === 'search' && q.truncated).toBe(true);
  });
});

// Regression: "people" and "who" were kind words, so "people fleeing…" listed speakers.
describe('words for people are not kinds', () => {
  it.each(['people fleeing persecution', 'who spoke', 'personas migrantes', 'qui a parlé'])('%s', (text) => {
    const parsed = parseQuery(text);
    expect(parsed.command === 'search' && parsed.kind).toBeFalsy();
  });
});

// Regression: "help for migrants going through court" showed the help text instead of searching.
describe('help', () => {
  it.each(['help', 'help me', 'help please', 'ayuda', 'aide', '?'])('%s asks for help', (text) => expect(parseQuery(text).command).toBe('help'));
  it.each(['help for migrants going through court', 'ayuda legal para migrantes', 'aide juridique aux migrants'])('%s is a search', (text) => expect(parseQuery(text).command).toBe('search'));
});
