import { describe, expect, it } from 'vitest';
import { RecordsError, loadKnowledgeBase } from '../../src/records/load.js';
import { makeProject, miniRecords } from '../helpers.js';

function problems(files: Record<string, string>): string[] {
  try {
    loadKnowledgeBase({ root: makeProject(files) });
  } catch (error) {
    if (error instanceof RecordsError) return error.message.split('\n');
    throw error;
  }
  throw new Error('expected the seeds to be rejected');
}

describe('loading records', () => {
  it('loads a valid project with every reference resolved', () => {
    const kb = loadKnowledgeBase({ root: makeProject() });
    expect(kb.records.map((r) => r.id)).toEqual(['doc-a-meeting', 'ada-test', 'test-convention', 'doc-a-firewalls']);
    expect(kb.documents.get('doc-a')?.title).toBe('Test meeting report');
    expect(kb.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('normalises a single chair id to a list', () => {
    const kb = loadKnowledgeBase({ root: makeProject() });
    const session = kb.byId.get('doc-a-meeting');
    expect(session?.kind === 'session' && session.chair).toEqual(['ada-test']);
  });

  it('reports invalid YAML with file and line', () => {
    const out = problems({ 'seeds/records.yaml': miniRecords() + '- id: [unclosed\n' });
    expect(out[0]).toMatch(/^seeds\/records\.yaml:\d+: invalid YAML/);
  });

  it('reports a missing field with file, line, record and field', () => {
    const text = miniRecords().replace('  body: UN General Assembly\n', '');
    expect(problems({ 'seeds/records.yaml': text })).toEqual([expect.stringMatching(/^seeds\/records\.yaml:19: treaty "test-convention": body: is required$/)]);
  });

  it('reports a dangling speaker reference at the record', () => {
    const text = miniRecords().replace('by: { speakers: [ada-test] }', 'by: { speakers: [nobody-here] }');
    expect(problems({ 'seeds/records.yaml': text })).toEqual([
      'seeds/records.yaml:37: recommendation "doc-a-firewalls": by.speakers: unknown speaker "nobody-here"',
    ]);
  });

  it('reports a reference to a record of the wrong kind', () => {
    const text = miniRecords().replace('session: doc-a-meeting', 'session: ada-test');
    expect(problems({ 'seeds/records.yaml': text })).toContain('seeds/records.yaml:38: recommendation "doc-a-firewalls": session: "ada-test" is a speaker, expected a session');
  });

  it('reports unknown themes, groups and addressees', () => {
    const text = miniRecords().replace('themes: [firewalls, education]', 'themes: [firewalls, astrology]').replace('affected: [children]', 'affected: [aliens]');
    const out = problems({ 'seeds/records.yaml': text });
    expect(out).toContain('seeds/records.yaml:35: recommendation "doc-a-firewalls": themes: unknown theme "astrology" (see seeds/themes.yaml)');
    expect(out).toContain('seeds/records.yaml:36: recommendation "doc-a-firewalls": affected: unknown group "aliens" (see seeds/themes.yaml)');
  });

  it('reports duplicate ids with both places', () => {
    const dup = '- id: ada-test\n  kind: speaker\n  title: Other\n  name: Other\n  text: x\n  themes: [firewalls]\n  sessions: [doc-a-meeting]\n  source: { document: doc-a, section: Report }\n';
    // seeds/more/ sorts before seeds/records.yaml, so the record there counts as the first.
    expect(problems({ 'seeds/more/speakers.yaml': dup })).toEqual([
      'seeds/records.yaml:10: speaker "ada-test": id: duplicate id, first defined at seeds/more/speakers.yaml:1',
    ]);
  });

  it('reports unknown fields, bad dates and bad kinds at their line', () => {
    const text = miniRecords().replace('  date: "2001-02-03"', '  date: "2001-02-30"\n  colour: blue').replace('kind: treaty', 'kind: treatise');
    const out = problems({ 'seeds/records.yaml': text });
    expect(out).toContain('seeds/records.yaml:6: session "doc-a-meeting": date: is not a real calendar date');
    expect(out).toContain('seeds/records.yaml:7: session "doc-a-meeting": colour: unknown field (see docs/records.md)');
    expect(out).toContain('seeds/records.yaml:21: treatise "test-convention": kind: must be one of session, treaty, recommendation, speaker, observance');
    // The rejected treaty is not reported again as a dangling reference.
    expect(out).toHaveLength(3);
  });

  it('reports an unknown source document', () => {
    const text = miniRecords().replace('source: { document: doc-a, section: Report }', 'source: { document: doc-z, section: Report }');
    expect(problems({ 'seeds/records.yaml': text })).toEqual([
      'seeds/records.yaml:30: treaty "test-convention": source.document: unknown source document "doc-z" (files in data/sources/)',
    ]);
  });

  it('reports lexicon and theme file problems in the same words, at their line', () => {
    const lexicon = 'entries:\n  - theme: children\n    es: [niños]\n  - theme: astrology\n    colour: blue\n';
    expect(problems({ 'seeds/lexicon.yaml': lexicon })).toEqual([
      'seeds/lexicon.yaml:5: lexicon: entries.1.colour: unknown field (see docs/records.md)',
    ]);
    expect(problems({ 'seeds/lexicon.yaml': 'entries:\n  - es: [niños]\n    theme: astrology\n' })).toEqual([
      'seeds/lexicon.yaml:3: lexicon: entries.0.theme: unknown theme "astrology"',
    ]);
  });

  it('accepts reduced-precision and year-less dates', () => {
    const text = miniRecords().replace('date: "2001-02-03"', 'date: "--11-16"\n  date_note: no year in the source');
    const kb = loadKnowledgeBase({ root: makeProject({ 'seeds/records.yaml': text }) });
    expect(kb.byId.get('doc-a-meeting')).toMatchObject({ date: '--11-16' });
  });
});
