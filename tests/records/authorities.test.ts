// Citations that hold: external authorities (seeds/authorities.yaml) for facts the meeting documents do not
// support, and quotes that must be found in the document they cite.
import { describe, expect, it } from 'vitest';
import { RecordsError, loadKnowledgeBase } from '../../src/records/load.js';
import { makeProject, miniRecords, realEngine } from '../helpers.js';

const AUTHORITIES = `authorities:
  - id: untc
    kind: depositary
    title: "United Nations Treaty Collection: Multilateral Treaties Deposited with the Secretary-General"
    short: UN Treaty Collection
    url: https://treaties.un.org
`;

function problems(files: Record<string, string>): string[] {
  try {
    loadKnowledgeBase({ root: makeProject(files) });
  } catch (error) {
    if (error instanceof RecordsError) return error.message.split('\n');
    throw error;
  }
  return [];
}

const withAuthority = (fields: string, id = 'untc') =>
  miniRecords().replace('  binding: true\n', `  binding: true\n  authorities:\n    - { id: ${id}, fields: [${fields}] }\n`);

describe('authorities and quotes', () => {
  it('loads an authority a treaty cites for its dates', () => {
    const kb = loadKnowledgeBase({ root: makeProject({ 'seeds/authorities.yaml': AUTHORITIES, 'seeds/records.yaml': withAuthority('adopted, in_force') }) });
    expect(kb.authorities.get('untc')?.short).toBe('UN Treaty Collection');
  });

  it('rejects an unknown authority and a field the record does not have, naming file, line and field', () => {
    expect(problems({ 'seeds/authorities.yaml': AUTHORITIES, 'seeds/records.yaml': withAuthority('adopted', 'nowhere') })).toEqual([
      expect.stringMatching(/^seeds\/records\.yaml:\d+: treaty "test-convention": authorities\.0\.id: unknown authority "nowhere"/),
    ]);
    expect(problems({ 'seeds/authorities.yaml': AUTHORITIES, 'seeds/records.yaml': withAuthority('adopted, ratified') })).toEqual([
      expect.stringMatching(/authorities\.0\.fields: "ratified" is not a field of this record$/),
    ]);
  });

  it('fails `check` on a quote that is not in its source, and accepts one that is (spacing, case and "…" aside)', () => {
    const quoted = (quote: string) => miniRecords().replace("  text: Schools should not share pupils' data with immigration enforcement.\n", `  text: Schools should not share pupils' data with immigration enforcement.\n  quote: "${quote}"\n`);
    expect(problems({ 'seeds/records.yaml': quoted('asked   for FIREWALLS') })).toEqual([]);
    expect(problems({ 'seeds/records.yaml': quoted('Ada Test chaired … firewalls') })).toEqual([]);
    expect(problems({ 'seeds/records.yaml': quoted('asked for a ban on detention') })).toEqual([
      expect.stringMatching(/^seeds\/records\.yaml:\d+: recommendation "doc-a-firewalls": quote: not found in doc-a/),
    ]);
  });
});

describe('every fact cites its own authority (real records)', () => {
  const engine = realEngine();
  const item = (id: string) => {
    const answer = engine.show(id);
    if (answer.type !== 'record') throw new Error(id);
    return answer.item;
  };

  it('shows a treaty under its depositary, and separately where the meeting documents discuss it', () => {
    const vccr = item('vccr');
    expect(vccr.citation).toMatchObject({ kind: 'authority', document: 'untc', short: 'UN Treaty Collection', fields: ['adopted', 'in_force', 'binding'] });
    expect(vccr.discussedIn).toMatchObject({ kind: 'document', document: 'unitar-2006' });
    expect(item('ilo-c143').citation).toMatchObject({ document: 'ilo-normlex' });
  });

  it('cites the General Assembly resolution that proclaimed each observance', () => {
    const expected: Record<string, string> = {
      'international-migrants-day': 'A/RES/55/93',
      'world-day-against-trafficking': 'A/RES/68/192',
      'world-refugee-day': 'A/RES/55/76',
      'international-day-elimination-racial-discrimination': 'A/RES/2142(XXI)',
      'human-rights-day': 'A/RES/423(V)',
    };
    for (const [id, reference] of Object.entries(expected)) expect(item(id).citation).toMatchObject({ kind: 'authority', section: reference });
  });

  it('cites the authority of the very field a direct answer states', () => {
    const treaty = engine.ask('when did the VCCR enter into force?');
    expect(treaty.type === 'results' && treaty.direct?.citation).toMatchObject({ document: 'untc', kind: 'authority' });
    const day = engine.ask('when is world refugee day?');
    expect(day.type === 'results' && day.direct?.citation).toMatchObject({ section: 'A/RES/55/76' });
    // A meeting's date is stated by its own document.
    const meeting = engine.ask('when was the zacatecas round table?');
    expect(meeting.type === 'results' && meeting.direct?.citation).toMatchObject({ kind: 'document', document: 'nhri-zacatecas-2004' });
  });

  it('carries the citations in --json, additively', async () => {
    const { answerToJson } = await import('../../src/json.js');
    const json = answerToJson(engine.ask('treaties consular'), '') as unknown as { results: { id: string; source: object; authorities: object[] }[] };
    const vccr = json.results.find((r) => r.id === 'vccr');
    expect(vccr?.source).toMatchObject({ document: 'unitar-2006', short: 'UNITAR 2006 workshop report', section: expect.any(String) });
    expect(vccr?.authorities).toEqual([
      expect.objectContaining({ id: 'untc', short: 'UN Treaty Collection', reference: 'United Nations Treaty Series, vol. 596', fields: ['adopted', 'in_force', 'binding'] }),
    ]);
  });
});
