// Plain-text rendering for the console and CLI: direct answers come first, with their source line.
import { describe, expect, it } from 'vitest';
import { renderText } from '../../adapters/console/render.js';
import type { Answer } from '../../src/answer.js';
import { realEngine } from '../helpers.js';
import { DIRECT_HOSTILE, DIRECT_SENTENCE, directSample } from '../slack/renderer-contract.js';

describe('console renderer: direct answers', () => {
  const engine = realEngine();
  const sample = (label: string): Answer => directSample(engine, label);
  const lines = (label: string) => renderText(sample(label)).split('\n');

  it('puts the sentence and its source line first, then a blank line and the results as before', () => {
    const [sentence, source, blank, heading] = lines('direct answer with a citation');
    expect(sentence).toBe(DIRECT_SENTENCE.en);
    expect(source).toMatch(/^Source: UN Treaty Collection, United Nations Treaty Series, vol\. 596$/);
    expect(blank).toBe('');
    expect(heading).toMatch(/^Treaties for “consular”: \d+ found, showing 1–\d+$/);
    expect(renderText(sample('direct answer with a citation'))).toContain('id: vccr');
  });

  it('renders the same results unchanged after the direct answer', () => {
    const answer = sample('direct answer with a citation');
    if (answer.type !== 'results') throw new Error('expected results');
    const { direct: _direct, ...without } = answer;
    expect(renderText(answer).split('\n').slice(3).join('\n')).toBe(renderText(without));
  });

  it('lets an honest negative replace "Nothing matches" on an empty answer, keeping the tips', () => {
    expect(lines('negative direct answer on an empty answer')).toEqual([
      DIRECT_SENTENCE.negative,
      expect.stringMatching(/^Checked in: Zacatecas round-table summary \(2004\), I\. Context$/),
      'Try: speakers',
      'Type "help" for examples.',
    ]);
  });

  it('omits the source line when the direct answer has no citation', () => {
    const [first, second] = lines('negative direct answer without a citation');
    expect(first).toBe(DIRECT_SENTENCE.negative);
    expect(second).not.toMatch(/Vérifié|Source/);
  });

  it('labels the source in the answer’s language', () => {
    const [sentence, source, , heading] = lines('spanish direct answer');
    expect(sentence).toBe(DIRECT_SENTENCE.es);
    expect(source).toMatch(/^Fuente: /);
    expect(heading).toMatch(/^Tratados sobre «consular»: /);
  });

  it('shows hostile text as typed (a terminal has no mentions to escape)', () => {
    expect(lines('hostile direct answer')[0]?.startsWith(DIRECT_HOSTILE)).toBe(true);
  });
});
