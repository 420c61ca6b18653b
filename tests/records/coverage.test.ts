// The knowledge base covers the sources: every named person has a speaker record, and every record
// is complete enough to be trusted (sources, dates, speakers, themes in use).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fold } from '../../src/search/text.js';
import { ROOT, realEngine } from '../helpers.js';

const SOURCES = join(ROOT, 'data', 'sources');
const HONORIFIC = /\b(?:Mr|Ms|Mrs|Dr|Amb|Ambassador|H\.E)\.?\s+((?:(?:de|del|di|De|Di|El)\s+|[A-Z][\p{L}'’-]+\s*){1,5})/gu;

/** People the documents name: after an honorific, in "Speakers" lists, and after "Moderated by". */
function namedPeople(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(HONORIFIC)) names.add((m[1] ?? '').trim());
  const list = /^Speakers\s*\n([\s\S]*?)\n\s*\n/m.exec(text);
  for (const line of list?.[1]?.split('\n') ?? []) {
    const m = /^\s*[-•]\s*([^,]+),/.exec(line);
    if (m?.[1]) names.add(m[1].trim());
  }
  for (const m of text.matchAll(/Moderated by (.+)$/gm)) {
    for (const part of (m[1] ?? '').split(/ and |,/)) {
      const name = /^\s*(?:Ms\.|Mr\.)?\s*([A-Z][\p{L}]+(?:\s+[A-Z][\p{L}]+)*)/u.exec(part)?.[1];
      if (name && !/^(City|UCLG|Brazil)/.test(name)) names.add(name);
    }
  }
  return [...names].filter((n) => !/^(The|This|In|Under|At)\b/.test(n));
}

describe('source coverage', () => {
  const engine = realEngine();
  const speakers = engine.kb.records.filter((r) => r.kind === 'speaker');
  const known = speakers.map((s) => fold([s.name, ...s.aliases].join(' ')).split(' '));

  const documents = readdirSync(SOURCES).filter((f) => f.endsWith('.txt'));
  it('reads all five source documents', () => {
    expect(documents).toHaveLength(5);
  });

  it.each(documents)('every person named in %s has a speaker record', (file) => {
    const people = namedPeople(readFileSync(join(SOURCES, file), 'utf8'));
    const missing = people.filter((person) => {
      const surname = fold(person).split(' ').filter((w) => w !== 'jr').pop() ?? '';
      return !known.some((words) => words.includes(surname));
    });
    expect(missing).toEqual([]);
  });

  it('finds the people it should (the scanner itself works)', () => {
    const sample = 'chaired by **Ambassador Arturo Cabrera**, then Ms. West and H.E. Omar Zniber.\n\nSpeakers\n\n- Juan Acevedo, Mayor\n\nModerated by Ms. Arruda, City of Sao Paulo, Brazil and Magali Fricaudet, UCLG.';
    expect(namedPeople(sample)).toEqual(expect.arrayContaining(['Arturo Cabrera', 'West', 'Omar Zniber', 'Arruda', 'Magali Fricaudet']));
  });
});

describe('record completeness', () => {
  const { kb } = realEngine();

  it('has every kind of record, in quantity', () => {
    const count = (kind: string) => kb.records.filter((r) => r.kind === kind).length;
    expect(count('session')).toBeGreaterThanOrEqual(8);
    expect(count('treaty')).toBeGreaterThanOrEqual(14);
    expect(count('recommendation')).toBeGreaterThanOrEqual(60);
    expect(count('speaker')).toBeGreaterThanOrEqual(28);
  });

  it('every treaty has its adoption date, and entry into force when binding', () => {
    for (const r of kb.records) {
      if (r.kind !== 'treaty') continue;
      expect(r.adopted, r.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (r.binding) expect(r.in_force, r.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      else expect(r.in_force, r.id).toBeUndefined();
    }
  });

  it('uses the verified treaty dates', () => {
    const dates = Object.fromEntries(kb.records.flatMap((r) => (r.kind === 'treaty' ? [[r.id, [r.adopted, r.in_force ?? null]]] : [])));
    expect(dates).toMatchObject({
      icrmw: ['1990-12-18', '2003-07-01'],
      'ilo-c97': ['1949-07-01', '1952-01-22'],
      'ilo-c143': ['1975-06-24', '1978-12-09'],
      'ilo-c182': ['1999-06-17', '2000-11-19'],
      untoc: ['2000-11-15', '2003-09-29'],
      'trafficking-protocol': ['2000-11-15', '2003-12-25'],
      'smuggling-protocol': ['2000-11-15', '2004-01-28'],
      vccr: ['1963-04-24', '1967-03-19'],
      crc: ['1989-11-20', '1990-09-02'],
      'iccpr-op1': ['1966-12-16', '1976-03-23'],
      cat: ['1984-12-10', '1987-06-26'],
      'slavery-convention-1926': ['1926-09-25', '1927-03-09'],
      'supplementary-slavery-convention-1956': ['1956-09-07', '1957-04-30'],
      gcm: ['2018-12-10', null],
    });
  });

  it('every record cites a source document and section', () => {
    for (const r of kb.records) {
      expect(kb.documents.has(r.source.document), r.id).toBe(true);
      expect(r.source.section.length, r.id).toBeGreaterThan(0);
    }
  });

  it('every session names its speakers or says that none are named', () => {
    for (const r of kb.records) if (r.kind === 'session') expect((r.speakers?.length ?? 0) > 0 || r.speakers_note !== undefined, r.id).toBe(true);
  });

  it('every theme is used at least once', () => {
    const used = new Set(kb.records.flatMap((r) => r.themes));
    expect(kb.taxonomy.themes.map((t) => t.id).filter((t) => !used.has(t))).toEqual([]);
  });

  it('records the unclear dates honestly', () => {
    expect(kb.byId.get('uclg-breakout-session')).toMatchObject({ date: '--11-16', date_note: expect.stringMatching(/year/i) });
    expect(kb.byId.get('nhri-zacatecas-2004-round-table')).toMatchObject({ date: '2004-10-13', end_date: '2004-10-15', date_note: expect.stringMatching(/12/) });
  });
});
