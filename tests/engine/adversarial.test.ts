// No user input may crash the engine or reach lunr's query parser.
import { describe, expect, it } from 'vitest';
import { realEngine } from '../helpers.js';
import { labelled } from '../quiet.js';

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
});
