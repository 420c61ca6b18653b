// No user input may crash the engine or reach lunr's query parser.
import { describe, expect, it } from 'vitest';
import { MAX_INPUT_CHARS, parseQuery } from '../../src/query/parse.js';
import { realEngine } from '../helpers.js';
import { labelled } from '../quiet.js';
import { HOSTILE_QUERIES } from '../../bench/hostile.js';

const NASTY = [
  'firewalls:', 'kind:treaty', '~', '^3', '*', '+-', '-', '+', 'climate~', 'climate^', 'climat~1', '*firewalls*',
  'title:firewalls', '"firewalls', 'firewalls?', '?', ':', '::::', 'theme:', 'by:', 'year:', 'year:abcd', 'theme:nope',
  'for:nobody', 'show', 'show ../../etc/passwd', 'show <!channel>', '<!channel> treaties', '@everyone', '<@U123> hi',
  '\u0000\u0001\u0002', '\t\n\r', '🙂🚀🔥', 'ñandú détention', 'Ǆ ǅ ǆ', 'ﬁrewalls', '\u202e reversed', '%s%s%n', '${process.exit()}',
  '__proto__', 'constructor', 'hasOwnProperty', 'prototype toString', 'x'.repeat(10_000), 'detention '.repeat(2_000),
  'a b c d e f g h i j k l m n o p q r s t u v w x y z', '1234567890', '2006', '-1', '1e309', 'NaN', 'undefined null',
];

describe('adversarial input', () => {
  const engine = realEngine();

  it.each(labelled(NASTY))('%s is answered without throwing', (_label, input) => {
    const answer = engine.ask(input);
    expect(['results', 'empty', 'help', 'record', 'not-found', 'themes']).toContain(answer.type);
  });

  it('pages past the end without throwing', () => {
    const answer = engine.ask('recommendations', { offset: 10_000, limit: -5 });
    expect(answer.type).toBe('results');
    expect(answer.type === 'results' && answer.items).toEqual([]);
  });

  it('suggest copes with any prefix', () => {
    for (const input of NASTY) expect(engine.suggest(input).length).toBeLessThanOrEqual(25);
  });

  it('answers "show" alone with usage help naming show <id>, in the language of the word', () => {
    expect(engine.ask('show')).toMatchObject({ type: 'help', reason: { key: 'reason.showNeedsId', params: { word: 'show' } }, lang: 'en' });
    expect(engine.ask('mostrar')).toMatchObject({ type: 'help', reason: { key: 'reason.showNeedsId' }, lang: 'es' });
    expect(engine.ask('voir')).toMatchObject({ type: 'help', reason: { key: 'reason.showNeedsId' }, lang: 'fr' });
    expect(engine.ask('show', {}, 'fr')).toMatchObject({ type: 'help', lang: 'fr' });
  });

  it('treats prototype names as plain words', () => {
    expect(engine.show('__proto__').type).toBe('not-found');
    expect(engine.ask('constructor').type).not.toBe('record');
  });

  it.each(labelled(HOSTILE_QUERIES.map((q) => q.text)))('benchmark hostile query %s is answered without throwing', (_label, input) => {
    const answer = engine.ask(input);
    expect(['results', 'empty', 'help', 'record', 'not-found', 'themes']).toContain(answer.type);
    if (input.length > MAX_INPUT_CHARS + 10 && answer.type === 'results') expect(answer.notes[0]?.key).toBe('results.inputTruncated');
  });
});

// Input is capped at 4,000 characters, as Slack caps a slash command; beyond it the answer says so.
describe('overlong input', () => {
  const engine = realEngine();
  const PASTE = 'detention of migrant children '.repeat(340); // 10 kB

  it('is read up to MAX_INPUT_CHARS (4,000), ending on a word, and flagged', () => {
    expect(MAX_INPUT_CHARS).toBe(4_000);
    const parsed = parseQuery(PASTE);
    expect(parsed.truncated).toBe(true);
    expect(parsed.text.length).toBeLessThanOrEqual(MAX_INPUT_CHARS);
    expect(parsed.text.length).toBeGreaterThan(MAX_INPUT_CHARS - 40);
    expect(PASTE.startsWith(`${parsed.text} `)).toBe(true);
    // Exactly at the cap, or shorter, nothing is flagged.
    expect(parseQuery('x'.repeat(MAX_INPUT_CHARS)).truncated).toBeUndefined();
    expect(parseQuery(`treaties consular${' '.repeat(5_000)}`).truncated).toBeUndefined();
    // One huge word is cut inside it; an emoji is never cut in half.
    expect(parseQuery('x'.repeat(10_000)).text).toHaveLength(MAX_INPUT_CHARS);
    expect(parseQuery(`a${'🙂'.repeat(3_000)}`).text).toMatch(/🙂$/u);
  });

  it('answers the beginning as before, with a polite note first, in the answer’s language', () => {
    const answer = engine.ask(PASTE);
    expect(answer.type).toBe('results');
    if (answer.type !== 'results') return;
    expect(answer.notes[0]).toEqual({ key: 'results.inputTruncated', params: { max: '4,000' } });
    expect(answer.items.map((i) => i.record.id)).toEqual((engine.ask(PASTE.slice(0, 3_000)) as typeof answer).items.map((i) => i.record.id));
    // The paste is English, whatever the locale; a French paste answers in French.
    expect(engine.ask(PASTE, {}, 'fr').lang).toBe('en');
    const fr = engine.ask('détention des enfants migrants '.repeat(200), {}, 'fr');
    expect(fr.type === 'results' && fr.notes[0]).toEqual({ key: 'results.inputTruncated', params: { max: new Intl.NumberFormat('fr').format(4_000) } }); // 4 000, a narrow no-break space
    const es = engine.ask('detención de niños migrantes '.repeat(200));
    expect(es).toMatchObject({ lang: 'es', notes: expect.arrayContaining([{ key: 'results.inputTruncated', params: { max: '4000' } }]) });
  });

  it('adds no note to an input within the cap', () => {
    const answer = engine.ask('detention of migrant children '.repeat(100));
    expect(answer.type === 'results' && answer.notes.map((n) => n.key)).not.toContain('results.inputTruncated');
  });

  it('show and suggest bound what they read first: a 4,000-character id is cut, not searched for', () => {
    const id = 'vccr-'.repeat(800);
    const answer = engine.show(id);
    expect(answer).toMatchObject({ type: 'not-found' });
    expect(answer.type === 'not-found' && answer.id.length).toBeLessThanOrEqual(101);
    expect(engine.ask(`show ${'a'.repeat(4_000)}`).type).toBe('not-found');
    expect(engine.suggest('vienna convention '.repeat(200)).map((s) => s.id)).toContain('vccr');
    expect(engine.suggest('x'.repeat(10_000)).length).toBeLessThanOrEqual(25);
    // A real id still works.
    expect(engine.show('vccr').type).toBe('record');
  });
});
