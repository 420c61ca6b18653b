// Whole-sentence snippets and dates written for people.
import { describe, expect, it } from 'vitest';
import { formatDate, formatRange, formatWhen } from '../../src/i18n/dates.js';
import { snippet, splitSentences } from '../../src/search/present.js';
import { realEngine } from '../helpers.js';

describe('sentences', () => {
  it('does not end a sentence after an abbreviation, a title or an initial', () => {
    expect(splitSentences('Mr. Bingham cited ILO Conventions Nos. 97 and 143. H.E. Ms. Flores spoke. Then J. Doe, e.g. the chair, agreed.')).toEqual([
      'Mr. Bingham cited ILO Conventions Nos. 97 and 143.',
      'H.E. Ms. Flores spoke.',
      'Then J. Doe, e.g. the chair, agreed.',
    ]);
  });

  it('gives the whole sentence that matches, never a fragment of it', () => {
    const text = 'First sentence about nothing. Sutherland, the Special Representative, is named in the report but not reported as a speaker, and agreed that migration matters. Last one.';
    expect(snippet(text, ['special', 'representative'])).toBe(
      'Sutherland, the Special Representative, is named in the report but not reported as a speaker, and agreed that migration matters.',
    );
    expect(snippet(text, ['zebra'])).toBe('First sentence about nothing.');
  });

  it('never starts a snippet of the real records in the middle of a sentence', () => {
    const engine = realEngine();
    for (const query of ['ILO conventions 97 and 143', 'who Special Rapporteur', 'recommendations firewalls', 'children detention']) {
      const answer = engine.ask(query, { limit: 10 });
      if (answer.type !== 'results') continue;
      for (const item of answer.items) expect(item.snippet, `${query}: ${item.record.id}`).toMatch(/^["“‘(\[]?[\p{Lu}\d#]/u);
    }
  });
});

describe('dates for people', () => {
  it('writes dates in English, Spanish and French', () => {
    expect(formatDate('1967-03-19', 'en')).toBe('19 March 1967');
    expect(formatDate('1967-03-19', 'es')).toBe('19 de marzo de 1967');
    expect(formatDate('2003-07-01', 'fr')).toBe('1er juillet 2003');
    expect(formatDate('--12-18', 'en')).toBe('18 December');
  });

  it('writes ranges, yearly days and unknown years', () => {
    expect(formatRange('2004-10-13', '2004-10-15', 'en')).toBe('13–15 October 2004');
    expect(formatRange('2004-10-13', '2004-10-15', 'es')).toBe('13–15 de octubre de 2004');
    expect(formatRange('2004-11-30', '2004-12-02', 'en')).toBe('30 November – 2 December 2004');
    expect(formatWhen({ date: '--12-18', kind: 'yearly' }, 'en')).toBe('every year on 18 December');
    expect(formatWhen({ date: '--12-18', kind: 'yearly' }, 'es')).toBe('cada año el 18 de diciembre');
    expect(formatWhen({ date: '--11-16', kind: 'held' }, 'en')).toBe('16 November (year not stated)');
    expect(formatWhen({ date: '--11-16', kind: 'held' }, 'fr')).toBe('16 novembre (année non indiquée)');
  });

  it('gives every result its readable date and the source’s note on it', () => {
    const engine = realEngine();
    const zacatecas = engine.show('nhri-zacatecas-2004-round-table');
    expect(zacatecas.type === 'record' && formatWhen(zacatecas.item.when!, 'en')).toBe('13–15 October 2004');
    expect(zacatecas.type === 'record' && zacatecas.item.dateNote).toMatch(/12 to 14 October 2004/);
    const uclg = engine.show('uclg-breakout-session');
    expect(uclg.type === 'record' && formatWhen(uclg.item.when!, 'en')).toBe('16 November (year not stated)');
  });
});
