// WordNet vocabulary map: outside words → corpus words, on a small hand-made corpus and on the real seeds' words.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { fold, isStopWord, stem } from '../../src/search/text.js';
import { DEFAULT_DENY, buildVocabularyMap, type VocabularyMap } from '../../src/search/wordnet.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const TEXT = `Immigration detention of children must end; alternatives to detention and custody exist. Migrants detained in
prison. Access to health care and emergency medical treatment for all migrants regardless of status. Children and minors
keep their documents. Citizenship and statelessness. Smuggling of migrants and trafficking in persons are distinct
crimes; smugglers and traffickers. Refugees and asylum seekers; refugee status. Migrant workers' wages, housing and
education; family unity; lawyers.`;
const SMALL = new Set(fold(TEXT).split(' '));

/** The folded words of every title and text in the seeds, as the index builder collects them. */
function seedWords(): Set<string> {
  const words = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') {
      for (const [key, field] of Object.entries(value)) {
        if ((key === 'title' || key === 'text') && typeof field === 'string') fold(field).split(' ').forEach((w) => w && words.add(w));
        else visit(field);
      }
    }
  };
  const seeds = join(ROOT, 'seeds');
  for (const file of readdirSync(seeds, { recursive: true }).map(String).filter((f) => f.endsWith('.yaml'))) {
    visit(YAML.parse(readFileSync(join(seeds, file), 'utf8')));
  }
  return words;
}

const targets = (map: VocabularyMap, key: string) => (map[key] ?? []).map(([target]) => target);

/** Structural promises that hold for any corpus: the broken entries (collected, so 10,000 keys check quickly). */
function malformed(map: VocabularyMap, corpus: ReadonlySet<string>, maxPerWord = 3): string[] {
  const problems: string[] = [];
  const keys = Object.keys(map);
  if (keys.join('\n') !== [...keys].sort().join('\n')) problems.push('keys not sorted');
  for (const [key, list] of Object.entries(map)) {
    if (corpus.has(key)) problems.push(`${key}: a corpus word`);
    if (!/^[a-z]+( [a-z]+){0,2}$/.test(key) || key.length < 3) problems.push(`${key}: bad key`);
    if (list.length === 0 || list.length > maxPerWord) problems.push(`${key}: ${list.length} targets`);
    list.forEach(([target, weight], i) => {
      if (!corpus.has(target) || target.length < 3 || isStopWord(target)) problems.push(`${key} → ${target}: bad target`);
      if (!(weight > 0 && weight <= 1)) problems.push(`${key} → ${target}: weight ${weight}`);
      if (i > 0 && weight > (list[i - 1]?.[1] ?? 0)) problems.push(`${key}: not closest first`);
    });
  }
  return problems;
}

/** Entries that merge legally distinct categories: a deny-group target may only come from its own word. */
function merging(map: VocabularyMap): string[] {
  const group = new Map(DEFAULT_DENY.flatMap((words, i) => words.map((word) => [word, i] as const)));
  return Object.entries(map).flatMap(([key, list]) => list
    .filter(([target]) => group.has(target))
    .filter(([target]) => !key.split(' ').some((word) => group.get(word) === group.get(target) && stem(word) === stem(target)))
    .map(([target]) => `${key} → ${target}`));
}

describe('buildVocabularyMap on a small corpus', () => {
  let map: VocabularyMap;
  beforeAll(() => {
    map = buildVocabularyMap(SMALL);
  });

  it('relates everyday words to the words the records use', () => {
    expect(map.kids?.[0]).toEqual(['children', 1]);
    expect(targets(map, 'kid')[0]).toBe('children'); // "child" is not in this corpus: its plural stands in
    expect(targets(map, 'youngsters')).toContain('children');
    expect(targets(map, 'papers')).toEqual(['documents']);
    expect(targets(map, 'salary')).toContain('wages');
    expect(targets(map, 'citizen')).toContain('citizenship');
  });

  it('has keys for inflected forms and for collocations, without their own words as targets', () => {
    for (const key of ['jail', 'jails', 'jailed', 'imprisoned']) expect(targets(map, key), key).toContain('detained');
    expect(targets(map, 'medical care')).toContain('treatment');
    expect(targets(map, 'medical care')).not.toContain('care');
  });

  it('never has corpus words as keys, and keeps keys and targets well formed', () => {
    expect(malformed(map, SMALL)).toEqual([]);
    for (const word of ['detention', 'children', 'migrants', 'refugee', 'documents']) expect(map[word]).toBeUndefined();
  });

  it('never merges smuggling with trafficking, nor refugees, asylum seekers and migrants', () => {
    expect(merging(map)).toEqual([]);
    // WordNet's everyday senses would do it: trafficker = vendor, smuggle = export, asylum = mental hospital.
    const open = buildVocabularyMap(SMALL, { deny: [] });
    expect(targets(open, 'vendor')).toContain('traffickers');
    expect(merging(open)).not.toEqual([]);
    expect(targets(map, 'vendor')).not.toContain('traffickers');
  });

  it('honours maxPerWord and custom deny groups', () => {
    const one = buildVocabularyMap(SMALL, { maxPerWord: 1 });
    expect(malformed(one, SMALL, 1)).toEqual([]);
    expect(one.kids).toEqual([['children', 1]]);
    const denied = buildVocabularyMap(SMALL, { deny: [['children', 'minors']] });
    expect(targets(denied, 'kids')).not.toContain('children');
    expect(targets(denied, 'kids')).not.toContain('minors');
  });

  it('is deterministic', () => {
    expect(JSON.stringify(buildVocabularyMap(SMALL))).toBe(JSON.stringify(map));
  });
});

describe('buildVocabularyMap on the real seeds', () => {
  let corpus: Set<string>;
  let map: VocabularyMap;
  let ms: number;
  beforeAll(() => {
    corpus = seedWords();
    const start = performance.now();
    map = buildVocabularyMap(corpus);
    ms = performance.now() - start;
  });

  it('stays compact and quick enough for an index build', () => {
    const keys = Object.keys(map).length;
    expect(keys).toBeGreaterThan(1_000);
    expect(keys).toBeLessThan(40_000);
    expect(JSON.stringify(map).length).toBeLessThan(1_000_000);
    expect(ms).toBeLessThan(15_000); // about 1–2 s; generous for a loaded CI machine
  });

  it('is well formed and keeps legal categories apart', () => {
    expect(malformed(map, corpus)).toEqual([]);
    expect(merging(map)).toEqual([]);
  });

  it('answers the everyday words of the field', () => {
    expect(targets(map, 'kids')).toContain('children');
    expect(targets(map, 'papers').some((target) => stem(target) === 'document')).toBe(true);
    expect(targets(map, 'jail')).toContain('detained');
    expect(targets(map, 'custody')).toContain('detention');
    expect(targets(map, 'attorney')).toContain('lawyer');
  });
});
