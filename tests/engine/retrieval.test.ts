// Realistic queries against the real records: each must return the records a colleague expects.
import { describe, expect, it } from 'vitest';
import { realEngine } from '../helpers.js';

/** [query, ids that must be among the top results, the id that must come first (optional)] */
type Case = [string, string[], string?];

const TOP = 5;

const CASES: Record<string, Case[]> = {
  'GFMD 2017 workshop': [
    ['recommendations firewalls', ['gfmd-2017-firewalls-public-services'], 'gfmd-2017-firewalls-public-services'],
    ['firewalls emergency treatment', ['gfmd-2017-firewalls-public-services']],
    ['recommendations detention children', ['gfmd-2017-avoid-child-detention'], 'gfmd-2017-avoid-child-detention'],
    ['capacity building border officials', ['gfmd-2017-border-officials-capacity']],
    ['non-criminalization of solidarity', ['gfmd-2017-non-criminalization-of-solidarity'], 'gfmd-2017-non-criminalization-of-solidarity'],
    ['banking financial services', ['gfmd-2017-banking-financial-services'], 'gfmd-2017-banking-financial-services'],
    ['follow-up review mechanism GCM', ['gfmd-2017-gcm-follow-up-review-mechanism']],
    ['extend mandate national human rights commissions', ['gfmd-2017-extend-nhri-mandate']],
    ['diaspora positive narratives', ['gfmd-2017-diaspora-positive-narratives']],
    ['sessions vienna', ['gfmd-2017-working-session'], 'gfmd-2017-working-session'],
    ['who chaired the GFMD working session', ['arturo-cabrera']],
    ['speakers rapporteur ICMC', ['john-bingham'], 'john-bingham'],
    ['Conejos', ['esteban-conejos-jr'], 'esteban-conejos-jr'],
    ['recs by:gfmd theme:firewalls', ['gfmd-2017-firewalls-public-services', 'gfmd-2017-firewalls-access-to-justice']],
  ],
  'NHRI round table, Zacatecas 2004': [
    ['national institutions detention visits', ['nhri-zacatecas-2004-detention-visits'], 'nhri-zacatecas-2004-detention-visits'],
    ['NHRI complaints', ['nhri-zacatecas-2004-assist-complaints']],
    ['ombudsman legislation', ['nhri-zacatecas-2004-analyse-legislation']],
    ['sessions zacatecas', ['nhri-zacatecas-2004-round-table'], 'nhri-zacatecas-2004-round-table'],
    ['recommendations for:nhris stereotypes', ['nhri-zacatecas-2004-counter-stereotypes']],
    ['sessions year:2004', ['nhri-zacatecas-2004-round-table'], 'nhri-zacatecas-2004-round-table'],
  ],
  'OHCHR side event, HRC 42 (2019)': [
    ['side event human rights council', ['ohchr-hrc42-2019-side-event']],
    ['#StandUp4Migrants video comedian', ['hari-kondabolu']],
    ['Seebrücke', ['alina-lyapina'], 'alina-lyapina'],
    ['who Hope not Hate', ['rosie-carter'], 'rosie-carter'],
    ['ambassador Morocco', ['omar-zniber']],
    ['recommendations counter hate narrative', ['ohchr-hrc42-2019-counter-hate-reframe-narrative']],
    ['defenders solidarity', ['ohchr-hrc42-2019-solidarity-with-defenders']],
  ],
  'UCLG break-out session': [
    ['recommendations for:local-governments humanitarian reception', ['uclg-breakout-humanitarian-reception']],
    ['city networks solidarity', ['uclg-breakout-city-solidarity-networks']],
    ['mayor Upala', ['juan-acevedo'], 'juan-acevedo'],
    ['De León Ovalle', ['glenda-josefina-de-leon-ovalle'], 'glenda-josefina-de-leon-ovalle'],
    ['Sao Paulo moderator', ['arruda']],
    ['beyond security-based policies', ['uclg-breakout-beyond-security-based-policies']],
  ],
  'UNITAR/UNFPA/IOM workshop 2006': [
    ['who Special Rapporteur', ['jorge-bustamante'], 'jorge-bustamante'],
    ['Special Rapporteur undocumented workers', ['jorge-bustamante']],
    ['recs by:bustamante', ['unitar-2006-state-responsibility-undocumented-workers']],
    ['recommendations dual citizenship', ['unitar-2006-dual-citizenship'], 'unitar-2006-dual-citizenship'],
    ['lawyer associations', ['unitar-2006-lawyer-associations-links'], 'unitar-2006-lawyer-associations-links'],
    ['diaspora networks', ['unitar-2006-diaspora-networks'], 'unitar-2006-diaspora-networks'],
    ['Mary Robinson trafficking victims criminals', ['mary-robinson', 'unitar-2006-trafficking-victims-not-criminals']],
    ['Ms. West', ['mariana-olivera-west'], 'mariana-olivera-west'],
    ['Olivera', ['mariana-olivera-west'], 'mariana-olivera-west'],
    ['consular notification article 36', ['unitar-2006-consular-protection-vccr-article-36', 'vccr']],
    ['legal empowerment of the poor', ['naresh-singh']],
    ['UNICEF principles for action', ['unitar-2006-unicef-principle-reach-children']],
    ['UNHCR refugee children priority', ['unitar-2006-unhcr-access-to-education', 'unitar-2006-unhcr-prevent-family-separation']],
    ['youth language support', ['unitar-2006-youth-systematic-language-support'], 'unitar-2006-youth-systematic-language-support'],
    ['recommendations outreach to parents', ['unitar-2006-youth-outreach-to-parents'], 'unitar-2006-youth-outreach-to-parents'],
    ['sessions year:2006', ['unitar-2006-workshop', 'unitar-2006-session-1', 'unitar-2006-session-2', 'unitar-2006-session-3']],
    ["sessions children's rights", ['unitar-2006-session-3'], 'unitar-2006-session-3'],
  ],
  'treaties and observances': [
    ['treaties consular', ['vccr'], 'vccr'],
    ['CMW', ['icrmw'], 'icrmw'],
    ['ICRMW', ['icrmw'], 'icrmw'],
    ['Migrant Workers Convention', ['icrmw'], 'icrmw'],
    ['GCM', ['gcm'], 'gcm'],
    ['Palermo Protocol', ['trafficking-protocol'], 'trafficking-protocol'],
    ['treaties smuggling', ['smuggling-protocol'], 'smuggling-protocol'],
    ['worst forms of child labour', ['ilo-c182'], 'ilo-c182'],
    ['convention 143', ['ilo-c143']],
    ['slavery', ['slavery-convention-1926', 'supplementary-slavery-convention-1956']],
    ['treaties year:1990', ['icrmw']],
    ['international migrants day', ['international-migrants-day'], 'international-migrants-day'],
    ['observances refugees', ['world-refugee-day']],
  ],
  'synonyms and typos': [
    // "kids" is an English variant of child/children in language/glossary/en.yaml.
    ['kids', ['crc', 'unitar-2006-child-rights-approach-to-migration']],
    ['firewals', ['gfmd-2017-firewalls-public-services'], 'gfmd-2017-firewalls-public-services'],
    ['treaties consulr', ['vccr'], 'vccr'],
    // A typo far from the indexed stem (educ) is corrected through the corpus words (education).
    ['educaton undocumented children', ['unitar-2006-education-undocumented-children'], 'unitar-2006-education-undocumented-children'],
    ['xenophobia', ['gfmd-2017-legislation-against-xenophobia']],
    ['global compact', ['gcm']],
  ],
};

describe.each(Object.entries(CASES))('retrieval: %s', (_doc, cases) => {
  const engine = realEngine();
  it.each(cases)('%s', (query, expected, first) => {
    const answer = engine.ask(query, { limit: TOP });
    expect(answer.type, `answer to "${query}"`).toBe('results');
    const ids = answer.type === 'results' ? answer.items.map((i) => i.record.id) : [];
    for (const id of expected) expect(ids, `top ${TOP} for "${query}"`).toContain(id);
    if (first) expect(ids[0]).toBe(first);
  });
});

describe('answers carry what a user needs', () => {
  const engine = realEngine();

  it('every result has a snippet, a citation with the document title, and related records', () => {
    const answer = engine.ask('recommendations firewalls');
    if (answer.type !== 'results') throw new Error('expected results');
    const item = answer.items[0];
    expect(item?.snippet.length).toBeGreaterThan(20);
    expect(item?.citation).toMatchObject({ document: 'gfmd-2017', title: expect.stringContaining('GFMD'), section: expect.any(String) });
    expect(item?.related.map((r) => r.relation)).toContain('session');
    expect(item?.date).toBe('2017-09-06');
  });

  it('a treaty shows the recommendations that invoke it', () => {
    const answer = engine.show('icrmw');
    expect(answer.type === 'record' && answer.item.related.filter((r) => r.relation === 'invoked by').length).toBeGreaterThan(1);
  });

  it('no results are reported honestly with suggestions', () => {
    const answer = engine.ask('recommendations quantum entanglement');
    expect(answer.type).toBe('empty');
    expect(answer.type === 'empty' && answer.suggestions.length).toBeGreaterThan(0);
  });

  it('ranks exact matches above typo matches', () => {
    const answer = engine.ask('firewalls firewals');
    expect(answer.type === 'results' && answer.items[0]?.record.title).toMatch(/Firewalls/);
  });
});
