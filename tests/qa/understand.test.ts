// Question understanding: what a question asks for, its frame, and the words left to search.
import { describe, expect, it } from 'vitest';
import { realEngine } from '../helpers.js';

const read = (text: string) => realEngine().understand(text);

describe('understand', () => {
  it.each([
    ['when did the Vienna Convention on Consular Relations enter into force?', 'in_force', 'date'],
    ['when was the CRC adopted', 'adopted', 'date'],
    ['is the GCM legally binding?', 'binding', undefined],
    ['who chaired the GFMD working session', 'chair', 'person'],
    ['who moderated the side event in Geneva?', 'moderators', 'person'],
    ['who was the rapporteur of the working session?', 'rapporteur', 'person'],
    ['who organized the round table', 'organizers', 'person'],
    ['where was the UNITAR workshop held?', 'held', 'place'],
    ['who spoke about detention?', 'spoke', 'person'],
    ['what did Mary Robinson recommend?', 'recommended', undefined],
    ['¿cuándo entró en vigor la Convención de Viena sobre Relaciones Consulares?', 'in_force', 'date'],
    ['¿quién presidió la sesión de trabajo?', 'chair', 'person'],
    ['qui a modéré l’événement parallèle ?', 'moderators', 'person'],
    ['quand la convention 143 est-elle entrée en vigueur ?', 'in_force', 'date'],
  ])('%s → frame %s, asks %s', (text, frame, asks) => {
    const q = read(text);
    expect(q.question).toBe(true);
    expect(q.frame).toBe(frame);
    expect(q.asks).toBe(asks);
  });

  it('leaves question, auxiliary and frame words out of the search words', () => {
    expect(read('when did the Vienna Convention on Consular Relations enter into force?').words).toEqual(['vienna', 'convention', 'on', 'consular', 'relations']);
    expect(read('who spoke about detention of children?').words).toEqual(['detention', 'children']);
  });

  it('takes a kind word named in a question as the kind, and a relative clause after a person noun as a person', () => {
    expect(read('which treaties protect migrant children?').kind).toBe('treaty');
    expect(read('qué reuniones hubo en 2006').kind).toBe('session');
    expect(read('people who work with children').asks).toBe('person');
    // "families that…" is not a question about a person.
    expect(read('families that stay behind').asks).toBeUndefined();
  });

  it('reads "Special Rapporteur" as a title, not as the rapporteur frame', () => {
    expect(read('who is the special rapporteur?').frame).not.toBe('rapporteur');
  });

  it('tolerates one slip in a long frame word', () => {
    expect(read('what did mary robinson recomend').frame).toBe('recommended');
  });

  it('does not read keywords as a question', () => {
    const q = read('recommendations firewalls');
    expect(q.question).toBe(false);
    expect(q.frame).toBeUndefined();
    expect(read('rapporteur icmc').question).toBe(false);
  });
});
